// Throttles shared by every shop instance: counters in the database (ThrottleCounter), one row per
// rule, subject and fixed window, incremented by one atomic upsert (INSERT … ON CONFLICT DO UPDATE
// on both engines) whose result says whether this hit is within the limit. Counting happens
// before the guarded work (a password check, an account creation), so parallel requests cannot
// slip past the limit together: each gets its own count.
//
// The count over the last window is estimated from the current and the previous fixed window
// (the previous one weighted by how much of it still overlaps), so a burst at a window's edge
// does not get twice the limit. Subjects (e-mail addresses, IP addresses) are stored hashed.
// Rows expire after two windows; housekeeping deletes them (pruneThrottleCounters).
import { createHash } from "node:crypto";
import type { Db } from "@/lib/db";

export interface ThrottleRule {
  /** Part of the counter's key: login-ip, login-account, register-ip… */
  name: string;
  /** Hits allowed per window. */
  limit: number;
  windowMs: number;
}

export interface ThrottleVerdict {
  allowed: boolean;
  /** Estimated hits in the last window, this one included. */
  count: number;
  /** When a refused subject may try again. */
  retryAfterMs: number;
}

function counterKey(rule: ThrottleRule, subject: string, window: number): string {
  const hashed = createHash("sha256").update(subject).digest("base64url").slice(0, 22);
  return `${rule.name}:${hashed}:${window}`;
}

function windowOf(rule: ThrottleRule, now: number) {
  const window = Math.floor(now / rule.windowMs);
  const elapsed = (now - window * rule.windowMs) / rule.windowMs;
  return { window, elapsed };
}

async function estimate(db: Db, rule: ThrottleRule, subject: string, window: number, elapsed: number, current: number, now: number): Promise<ThrottleVerdict> {
  const previous = await db.throttleCounter.findUnique({ where: { key: counterKey(rule, subject, window - 1) }, select: { count: true } });
  const count = Math.ceil((previous?.count ?? 0) * (1 - elapsed)) + current;
  const windowEnd = (window + 1) * rule.windowMs;
  return { allowed: count <= rule.limit, count, retryAfterMs: count <= rule.limit ? 0 : windowEnd - now };
}

/** Counts one hit for `subject` and says whether it is within the rule's limit. */
export async function hitThrottle(db: Db, rule: ThrottleRule, subject: string, now = Date.now()): Promise<ThrottleVerdict> {
  const { window, elapsed } = windowOf(rule, now);
  const key = counterKey(rule, subject, window);
  const row = await db.throttleCounter.upsert({
    where: { key },
    create: { key, count: 1, expiresAt: new Date((window + 2) * rule.windowMs) },
    update: { count: { increment: 1 } },
    select: { count: true },
  });
  return estimate(db, rule, subject, window, elapsed, row.count, now);
}

/** Whether one more hit would be allowed, without counting one. */
export async function peekThrottle(db: Db, rule: ThrottleRule, subject: string, now = Date.now()): Promise<ThrottleVerdict> {
  const [verdict] = await peekThrottles(db, [{ rule, subject }], now);
  return verdict!;
}

/** peekThrottle for several rules and subjects at once: one query for all their counters. */
export async function peekThrottles(db: Db, checks: readonly { rule: ThrottleRule; subject: string }[], now = Date.now()): Promise<ThrottleVerdict[]> {
  const windows = checks.map(({ rule, subject }) => {
    const { window, elapsed } = windowOf(rule, now);
    return { rule, elapsed, window, current: counterKey(rule, subject, window), previous: counterKey(rule, subject, window - 1) };
  });
  const rows = await db.throttleCounter.findMany({ where: { key: { in: windows.flatMap((w) => [w.current, w.previous]) } }, select: { key: true, count: true } });
  const countOf = (key: string) => rows.find((row) => row.key === key)?.count ?? 0;
  return windows.map(({ rule, elapsed, window, current, previous }) => {
    const count = Math.ceil(countOf(previous) * (1 - elapsed)) + countOf(current) + 1;
    const windowEnd = (window + 1) * rule.windowMs;
    return { allowed: count <= rule.limit, count: count - 1, retryAfterMs: count <= rule.limit ? 0 : windowEnd - now };
  });
}

/** Forgets `subject`'s hits (after a successful login, say). */
export async function clearThrottle(db: Db, rule: ThrottleRule, subject: string, now = Date.now()): Promise<void> {
  const { window } = windowOf(rule, now);
  await db.throttleCounter.deleteMany({ where: { key: { in: [counterKey(rule, subject, window), counterKey(rule, subject, window - 1)] } } });
}

/** Deletes expired counters; returns how many. */
export async function pruneThrottleCounters(db: Db, now = new Date()): Promise<number> {
  const { count } = await db.throttleCounter.deleteMany({ where: { expiresAt: { lte: now } } });
  return count;
}
