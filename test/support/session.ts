// A logged-in user for tests that mock next-auth's getServerSession: the user row and a live
// login (lib/auth/sessions.ts) exist in the test database, as after a real login.
import type { Db } from "@/lib/db";
import { startUserSession } from "@/lib/auth/sessions";

export interface MockSession {
  user: { id: string; email: string; role: string };
  sid: string;
}

export async function loggedIn(db: Db, user: { id: string; email: string; role: "customer" | "admin" }): Promise<MockSession> {
  await db.user.upsert({ where: { id: user.id }, create: { ...user, passwordHash: "x" }, update: { role: user.role, email: user.email } });
  return { user, sid: await startUserSession(db, user.id) };
}
