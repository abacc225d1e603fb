// Single-use links sent to a user: password reset, e-mail verification, the first admin's setup.
// The token (32 random bytes) travels only in the link; the database keeps its SHA-256, so a
// leaked database or backup opens no account. Issuing one replaces the user's open token of the
// same purpose (at most one row per user and purpose), and using one is a compare-and-set on
// usedAt, so two tabs cannot both use it.
import { createHash, randomBytes } from "node:crypto";
import type { Db } from "@/lib/db";

export type TokenPurpose = "password-reset" | "email-verify" | "admin-setup";

export const TOKEN_TTL_MS: Record<TokenPurpose, number> = {
  "password-reset": 30 * 60_000,
  "email-verify": 3 * 24 * 3_600_000,
  "admin-setup": 60 * 60_000,
};

/** What a token looks like in a link: 43 characters of base64url. Anything else is not looked up. */
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

function hashOf(token: string): string {
  return createHash("sha256").update(token).digest("base64url");
}

/** A new token for the user (the previous open one of this purpose stops working). */
export async function issueToken(db: Db, userId: string, purpose: TokenPurpose, now = new Date()): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await db.$transaction([
    db.authToken.deleteMany({ where: { userId, purpose } }),
    db.authToken.create({ data: { id: hashOf(token), userId, purpose, expiresAt: new Date(now.getTime() + TOKEN_TTL_MS[purpose]) } }),
  ]);
  return token;
}

/** The user the token names, if it is open (not used, not expired); nothing is changed. */
export async function peekToken(db: Db, token: unknown, purpose: TokenPurpose, now = new Date()): Promise<string | null> {
  if (typeof token !== "string" || !TOKEN_PATTERN.test(token)) return null;
  const row = await db.authToken.findUnique({ where: { id: hashOf(token) } });
  if (!row || row.purpose !== purpose || row.usedAt || row.expiresAt <= now) return null;
  return row.userId;
}

/**
 * Uses the token: the user it names, or null when it is unknown, used, expired or of another
 * purpose. Exactly one of any number of concurrent calls gets the user.
 */
export async function consumeToken(db: Db, token: unknown, purpose: TokenPurpose, now = new Date()): Promise<string | null> {
  const userId = await peekToken(db, token, purpose, now);
  if (!userId) return null;
  const used = await db.authToken.updateMany({ where: { id: hashOf(token as string), usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
  return used.count === 1 ? userId : null;
}

/** Drops used and expired tokens; returns how many. */
export async function pruneAuthTokens(db: Db, now = new Date()): Promise<number> {
  const { count } = await db.authToken.deleteMany({ where: { OR: [{ expiresAt: { lte: now } }, { usedAt: { not: null } }] } });
  return count;
}
