// Logins that can be ended. The JWT in the session cookie carries a session id; every request that
// needs the user (lib/auth/session.ts) looks the id up here, together with the user's current
// email and role — so a copied cookie stops working when the session row is gone, and a demoted
// admin is a customer on the next request, whatever the token says.
import { randomBytes } from "node:crypto";
import type { Db } from "@/lib/db";

/** As long as the JWT lives (lib/auth/options.ts). */
export const SESSION_MAX_AGE_S = 60 * 60 * 24 * 14;

export interface SessionUser {
  id: string;
  email: string;
  role: "customer" | "admin";
  /** The login that the cookie names (UserSession.id). */
  sessionId: string;
  /** Whether the user has a second factor (lib/auth/two-factor.ts), and whether this login passed it since it was set up. */
  twoFactor: { enabled: boolean; passed: boolean };
}

export async function startUserSession(db: Db, userId: string, now = new Date()): Promise<string> {
  const id = randomBytes(24).toString("base64url");
  await db.userSession.create({ data: { id, userId, createdAt: now, expiresAt: new Date(now.getTime() + SESSION_MAX_AGE_S * 1000) } });
  return id;
}

/** The user of a live session, as the database has it now; null when ended, expired or not theirs. */
export async function sessionUser(db: Db, sessionId: string, userId: string, now = new Date()): Promise<SessionUser | null> {
  const row = await db.userSession.findUnique({
    where: { id: sessionId },
    include: { user: { select: { id: true, email: true, role: true, twoFactor: { select: { enabledAt: true } } } } },
  });
  if (!row || row.userId !== userId || row.expiresAt <= now) return null;
  const enabledAt = row.user.twoFactor?.enabledAt ?? null;
  // Passed for the second factor the user has now: not for one set up (again) after this login passed.
  const passed = enabledAt !== null && row.secondFactorAt !== null && row.secondFactorAt >= enabledAt;
  return {
    id: row.user.id,
    email: row.user.email,
    role: row.user.role === "admin" ? "admin" : "customer",
    sessionId: row.id,
    twoFactor: { enabled: enabledAt !== null, passed },
  };
}

export async function endUserSession(db: Db, sessionId: string): Promise<void> {
  await db.userSession.deleteMany({ where: { id: sessionId } });
}

/** Every login of the user ends (log out everywhere, password or role change); returns how many. */
export async function endAllUserSessions(db: Db, userId: string, except?: string): Promise<number> {
  const { count } = await db.userSession.deleteMany({ where: { userId, ...(except ? { id: { not: except } } : {}) } });
  return count;
}

export async function pruneExpiredSessions(db: Db, now = new Date()): Promise<number> {
  const { count } = await db.userSession.deleteMany({ where: { expiresAt: { lte: now } } });
  return count;
}
