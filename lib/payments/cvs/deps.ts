// What the convenience-store payment code needs from the outside world, passed in so the same
// code runs in the web server, the expiry job and the integration tests (real database, real
// emulator, their own clock and keys).
import type { Db } from "@/lib/db";
import type { EscottClient } from "@/lib/escott";
import type { CvsSettings } from "@/lib/payments/settings/cvs";
import type { SecretBox } from "@/lib/security/secret-box";

export interface CvsDeps {
  db: Db;
  settings: CvsSettings;
  /** Null when the settings lack the credentials e-SCOTT needs. */
  client: EscottClient | null;
  box: SecretBox;
  /** Public URL of the shop (ReturnURL, links in e-mails). */
  siteUrl: string;
  now: () => Date;
  /** Hands queued e-mails to SMTP (or leaves them in the outbox). */
  deliver: (mailIds: string[]) => void | Promise<void>;
}
