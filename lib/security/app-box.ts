import "server-only";
import { env } from "@/lib/env";
import { createSecretBox, type SecretBox } from "@/lib/security/secret-box";

let box: SecretBox | undefined;

/** The application's secret box (key from APP_ENCRYPTION_KEY, which the launcher always provides). */
export function appSecretBox(): SecretBox {
  const key = env().APP_ENCRYPTION_KEY;
  if (!key) throw new Error("APP_ENCRYPTION_KEY is not set (npm start / npm run dev generate it into data/)");
  box ??= createSecretBox(key);
  return box;
}
