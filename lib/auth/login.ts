// Checking a login, throttled so that guessing is slow and nobody can lock a real user out
// (lib/security/throttle.ts, shared by every instance through the database):
//  - per (IP address, account): 10 attempts per 15 minutes, then refused — the attacker's own
//    address is blocked for that account, not the account;
//  - per IP address: 100 attempts per 15 minutes, whatever the accounts (password spraying);
//  - per account, from anywhere: beyond 30 attempts per 15 minutes each further attempt waits,
//    doubling from 250 ms up to 4 s — slows a botnet down without ever refusing the owner.
// Attempts are counted before the password is checked (each parallel guess gets its own count,
// so a burst cannot slip past the limit together); a successful login clears its (IP, account)
// counter.
import type { Db } from "@/lib/db";
import { verifyPassword } from "@/lib/auth/password";
import { clearThrottle, hitThrottle, type ThrottleRule } from "@/lib/security/throttle";

const WINDOW_MS = 15 * 60_000;
export const LOGIN_PAIR: ThrottleRule = { name: "login-pair", limit: 10, windowMs: WINDOW_MS };
export const LOGIN_IP: ThrottleRule = { name: "login-ip", limit: 100, windowMs: WINDOW_MS };
export const LOGIN_ACCOUNT: ThrottleRule = { name: "login-account", limit: 30, windowMs: WINDOW_MS };

const MAX_ACCOUNT_DELAY_MS = 4_000;

export type LoginOutcome =
  | { ok: true; user: { id: string; email: string; name: string | null; role: string } }
  | { ok: false; reason: "invalid" | "throttled" };

/** How long an attempt on a much-tried account waits (0 within the account's limit). */
export function accountDelayMs(count: number, limit = LOGIN_ACCOUNT.limit): number {
  if (count <= limit) return 0;
  return Math.min(MAX_ACCOUNT_DELAY_MS, 250 * 2 ** Math.min(count - limit - 1, 10));
}

export async function checkLogin(
  db: Db,
  credentials: { email: string; password: string },
  ip: string,
  options: { sleep?: (ms: number) => Promise<void>; now?: number } = {},
): Promise<LoginOutcome> {
  const { email, password } = credentials;
  const now = options.now ?? Date.now();
  const pairSubject = `${ip}|${email}`;
  const [pair, perIp, account] = await Promise.all([
    hitThrottle(db, LOGIN_PAIR, pairSubject, now),
    hitThrottle(db, LOGIN_IP, ip, now),
    hitThrottle(db, LOGIN_ACCOUNT, email, now),
  ]);
  if (!pair.allowed || !perIp.allowed) return { ok: false, reason: "throttled" };
  const delay = accountDelayMs(account.count);
  if (delay > 0) await (options.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms))))(delay);

  const user = await db.user.findUnique({ where: { email } });
  const ok = await verifyPassword(password, user?.passwordHash);
  if (!user || !ok) return { ok: false, reason: "invalid" };
  await clearThrottle(db, LOGIN_PAIR, pairSubject, now);
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, role: user.role } };
}
