// A logged-in user for tests that mock next-auth's getServerSession: the user row and a live
// login (lib/auth/sessions.ts) exist in the test database, as after a real login.
import type { Db } from "@/lib/db";
import { startUserSession } from "@/lib/auth/sessions";
import { createTestDb, type TestDb } from "@/test/support/db";

export interface MockSession {
  user: { id: string; email: string; role: string };
  sid: string;
}

export async function loggedIn(db: Db, user: { id: string; email: string; role: "customer" | "admin" }): Promise<MockSession> {
  await db.user.upsert({ where: { id: user.id }, create: { ...user, passwordHash: "x" }, update: { role: user.role, email: user.email } });
  return { user, sid: await startUserSession(db, user.id) };
}

/**
 * Where a test of an admin settings action starts: a fresh test database that the app's db() opens
 * (DATABASE_URL, with `env` beside it, set before the action's module is imported) and an admin
 * logged in to it. Put `admin` in the file's mocked session.
 */
export async function adminTestDb(env: Record<string, string> = {}): Promise<{ t: TestDb; admin: MockSession }> {
  const t = await createTestDb();
  Object.assign(process.env, { DATABASE_URL: t.url, ...env });
  return { t, admin: await loggedIn(t.db, { id: "a1", email: "admin@example.com", role: "admin" }) };
}
