// What the public endpoints refuse — forged or malformed 入金結果通知, repeats of one already applied,
// unusable 3-D Secure returns — is counted, not logged row by row: anyone can send these, as fast as
// they like, so each must cost us next to nothing and add no row (issue 10; issue 12's budget).
//
// Counts gather in memory per (source, reason, hour) and are added to RejectionCount by one upsert
// per key every FLUSH_INTERVAL_MS, at housekeeping and at shutdown; a killed process loses at most
// a few seconds of counts, never a payment. The first refusal of a reason in a minute also leaves
// one sampled PaymentLog row (the caller's `sample`), so the admin can still see what was posted:
// claimed in the database (sampledAt compare-and-set), hence one per reason per minute across all
// instances.
import type { Db } from "@/lib/db";

export type RejectionSource = "notification" | "3ds_return";

export const SAMPLE_EVERY_MS = 60_000;
export const FLUSH_INTERVAL_MS = 5_000;
export const REJECTION_COUNTS_KEPT_DAYS = 30;

const HOUR_MS = 3_600_000;

/**
 * Reasons are our own codes ("hash_mismatch: …" → "hash_mismatch"): never what was posted, so the
 * number of keys stays bounded whatever arrives.
 */
export function reasonCode(reason: string): string {
  const code = /^[a-z0-9_]+/.exec(reason)?.[0] ?? "other";
  return code.slice(0, 40);
}

interface Pending {
  source: RejectionSource;
  reason: string;
  hour: number;
  count: number;
}

interface Memory {
  pending: Map<string, Pending>;
  lastSample: Map<string, number>;
  timer?: NodeJS.Timeout;
  flushing?: Promise<void>;
}

// Per database client: tests open one per test, and the counts belong to the database they go to.
const memories = new WeakMap<Db, Memory>();

function memoryOf(db: Db): Memory {
  let m = memories.get(db);
  if (!m) {
    m = { pending: new Map(), lastSample: new Map() };
    memories.set(db, m);
  }
  return m;
}

function keyOf(source: string, reason: string, hour: number): string {
  return `${source}\t${reason}\t${hour}`;
}

async function addCount(db: Db, p: Pending): Promise<void> {
  const hour = new Date(p.hour);
  await db.rejectionCount.upsert({
    where: { source_reason_hour: { source: p.source, reason: p.reason, hour } },
    create: { source: p.source, reason: p.reason, hour, count: p.count },
    update: { count: { increment: p.count } },
  });
}

function takePending(m: Memory, key?: string): Pending[] {
  if (key !== undefined) {
    const p = m.pending.get(key);
    m.pending.delete(key);
    return p ? [p] : [];
  }
  const all = [...m.pending.values()];
  m.pending.clear();
  return all;
}

async function write(db: Db, m: Memory, items: Pending[]): Promise<void> {
  for (const [i, item] of items.entries()) {
    try {
      await addCount(db, item);
    } catch (err) {
      // Keep the counts for the next flush rather than lose them.
      for (const p of items.slice(i)) {
        const key = keyOf(p.source, p.reason, p.hour);
        const kept = m.pending.get(key);
        if (kept) kept.count += p.count;
        else m.pending.set(key, { ...p });
      }
      throw err;
    }
  }
}

/** Adds the counts gathered in this process to the database. */
export async function flushRejectionCounts(db: Db): Promise<void> {
  const m = memoryOf(db);
  await m.flushing;
  const items = takePending(m);
  if (items.length === 0) return;
  const run = write(db, m, items);
  m.flushing = run.catch(() => undefined);
  await run;
}

function scheduleFlush(db: Db, m: Memory): void {
  if (m.timer) return;
  m.timer = setTimeout(() => {
    m.timer = undefined;
    flushRejectionCounts(db).catch((err: unknown) => console.error("[rejections] counts not saved yet:", err instanceof Error ? err.message : err));
  }, FLUSH_INTERVAL_MS);
  m.timer.unref();
}

/**
 * Counts one refused request. `sample` writes the PaymentLog row that shows what was posted; it
 * runs for at most one refusal per source and reason per minute.
 */
export async function countRejection(db: Db, source: RejectionSource, reason: string, sample?: () => Promise<void>, now = Date.now()): Promise<void> {
  const m = memoryOf(db);
  const code = reasonCode(reason);
  const hour = Math.floor(now / HOUR_MS) * HOUR_MS;
  const key = keyOf(source, code, hour);
  const pending = m.pending.get(key);
  if (pending) pending.count++;
  else m.pending.set(key, { source, reason: code, hour, count: 1 });

  const sampleKey = `${source}\t${code}`;
  if (!sample || now - (m.lastSample.get(sampleKey) ?? -Infinity) < SAMPLE_EVERY_MS) {
    scheduleFlush(db, m);
    return;
  }
  // This process has not sampled the reason for a minute: write its count now (the row must exist
  // to be claimed) and sample if no other instance did meanwhile.
  m.lastSample.set(sampleKey, now);
  await write(db, m, takePending(m, key));
  const claimed = await db.rejectionCount.updateMany({
    where: { source, reason: code, hour: new Date(hour), OR: [{ sampledAt: null }, { sampledAt: { lte: new Date(now - SAMPLE_EVERY_MS) } }] },
    data: { sampledAt: new Date(now) },
  });
  if (claimed.count === 1) await sample();
}

export interface RejectionSummary {
  source: RejectionSource;
  reason: string;
  count: number;
  lastHour: Date;
}

/**
 * Refusals per source and reason in the last `windowMs` (whole hours), most frequent first (this
 * process's unsaved ones included).
 */
export async function rejectionSummary(db: Db, windowMs = 24 * HOUR_MS, now = Date.now()): Promise<RejectionSummary[]> {
  await flushRejectionCounts(db);
  const sinceHour = new Date(Math.floor((now - windowMs) / HOUR_MS) * HOUR_MS);
  const rows = await db.rejectionCount.groupBy({
    by: ["source", "reason"],
    where: { hour: { gte: sinceHour } },
    _sum: { count: true },
    _max: { hour: true },
  });
  return rows
    .map((r) => ({ source: r.source as RejectionSource, reason: r.reason, count: r._sum.count ?? 0, lastHour: r._max.hour ?? sinceHour }))
    .sort((a, b) => b.count - a.count);
}

/** Drops counts older than REJECTION_COUNTS_KEPT_DAYS; returns how many rows. */
export async function pruneRejectionCounts(db: Db, now = new Date()): Promise<number> {
  const { count } = await db.rejectionCount.deleteMany({ where: { hour: { lt: new Date(now.getTime() - REJECTION_COUNTS_KEPT_DAYS * 24 * HOUR_MS) } } });
  return count;
}
