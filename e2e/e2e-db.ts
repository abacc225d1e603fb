// Direct access to the e2e shop's database, for arranging and asserting what the UI cannot show.
import { createDb, type Db } from "@/lib/db";
import { createSecretBox } from "@/lib/security/secret-box";

export async function withDb<T>(fn: (db: Db) => Promise<T>): Promise<T> {
  const db = createDb(process.env.E2E_DATABASE_URL!);
  try {
    return await fn(db);
  } finally {
    await db.$disconnect();
  }
}

/** The secret box the e2e shop seals settings with (its key is set by the global setup). */
export function appBox() {
  return createSecretBox(process.env.E2E_APP_ENCRYPTION_KEY!);
}
