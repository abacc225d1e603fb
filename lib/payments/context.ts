// What a gateway's code needs from the outside world, passed in so the same code runs in the web
// server, the scheduled jobs and the integration tests (real database, real emulator, their own
// clock and keys). Each gateway builds its own from the stored settings, per request: settings
// change at any time in the admin, and a stale client would keep old credentials.
import type { Db } from "@/lib/db";
import type { EscottClient } from "@/lib/escott";
import type { SecretBox } from "@/lib/security/secret-box";

export interface GatewayContext<Settings> {
  db: Db;
  settings: Settings;
  /** Null when the settings lack the credentials e-SCOTT needs. */
  client: EscottClient | null;
  /** Seals what must not be stored in the clear (ProcessPass, tokens waiting for 3-D Secure). */
  box: SecretBox;
  /** Public URL of the shop (return URLs, links in e-mails). */
  siteUrl: string;
  now(): Date;
  /** Hands queued e-mails to SMTP (or leaves them in the outbox). */
  deliver(mailIds: string[]): void | Promise<void>;
}

/** A context whose gateway has what e-SCOTT needs (the client exists). */
export type ConnectedContext<Settings> = GatewayContext<Settings> & { client: EscottClient };
