// Leases for periodic jobs run by several shop instances on one database: every instance runs
// the scheduler, the one holding a job's lease does the work, the others skip that round. The
// holder renews its lease while it works; an instance that dies stops renewing, and once the
// lease has expired the next instance to ask takes it over. On a graceful shutdown an instance
// gives its leases back at once (releaseHeldLeases) so nobody waits for them to expire.
//
// Taking a lease is one conditional UPDATE (free or ours or expired → ours), falling back to an
// INSERT when the row does not exist yet; the primary key settles two instances inserting at once.
// On PostgreSQL the UPDATE re-checks its WHERE after waiting for a competing one (read committed),
// so exactly one of two instances asking at the same moment gets an expired lease.
import { hostname } from "node:os";
import { randomBytes } from "node:crypto";
import type { Db } from "@/lib/db";

/**
 * Who this process is, in the JobLease table: SHOP_INSTANCE_ID when the deployment names its
 * instances (deploy/), else host, pid and a random part (pids are reused).
 */
export const INSTANCE_ID = process.env.SHOP_INSTANCE_ID?.trim().slice(0, 100) || `${hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;

const held = new Map<string, { db: Db; holder: string }>();

function isUniqueViolation(err: unknown): boolean {
  return typeof err === "object" && err !== null && (err as { code?: unknown }).code === "P2002";
}

/** Takes (or renews) the lease `name` for `ttlMs`; false when another live holder has it. */
export async function acquireLease(db: Db, name: string, ttlMs: number, holder = INSTANCE_ID, now = new Date()): Promise<boolean> {
  const expiresAt = new Date(now.getTime() + ttlMs);
  const taken = await db.jobLease.updateMany({
    where: { name, OR: [{ holder }, { expiresAt: { lte: now } }] },
    data: { holder, expiresAt },
  });
  if (taken.count === 1) {
    held.set(name, { db, holder });
    return true;
  }
  try {
    await db.jobLease.create({ data: { name, holder, expiresAt } });
  } catch (err) {
    if (isUniqueViolation(err)) return false;
    throw err;
  }
  held.set(name, { db, holder });
  return true;
}

/** Gives the lease back if this holder still has it. */
export async function releaseLease(db: Db, name: string, holder = INSTANCE_ID): Promise<void> {
  held.delete(name);
  await db.jobLease.deleteMany({ where: { name, holder } });
}

/** Every lease this process holds, given back (graceful shutdown). */
export async function releaseHeldLeases(): Promise<string[]> {
  const names = [...held.keys()];
  await Promise.all(
    [...held.entries()].map(([name, { db, holder }]) =>
      releaseLease(db, name, holder).catch((err: unknown) => {
        console.error(`[lease] could not release ${name}:`, err instanceof Error ? err.message : err);
      }),
    ),
  );
  return names;
}

/**
 * Runs `work` while holding the lease `name`, renewing it every third of `ttlMs`; null (and
 * `work` not run) when another instance holds it. The lease is given back when `work` ends.
 * (Within one process the caller must not overlap runs itself: the holder is the process.)
 */
export async function withLease<T>(db: Db, name: string, ttlMs: number, work: () => Promise<T>, holder = INSTANCE_ID): Promise<T | null> {
  if (!(await acquireLease(db, name, ttlMs, holder))) return null;
  const renew = setInterval(() => {
    acquireLease(db, name, ttlMs, holder).then(
      (still) => {
        // Only possible when this process stalled past the expiry and another took over: every
        // change the job makes is a compare-and-set, so finishing the round does no harm.
        if (!still) console.error(`[lease] ${name} was taken over by another instance`);
      },
      (err: unknown) => console.error(`[lease] renewing ${name} failed:`, err instanceof Error ? err.message : err),
    );
  }, Math.max(1000, Math.floor(ttlMs / 3)));
  renew.unref();
  try {
    return await work();
  } finally {
    clearInterval(renew);
    await releaseLease(db, name, holder).catch((err: unknown) => {
      console.error(`[lease] could not release ${name}:`, err instanceof Error ? err.message : err);
    });
  }
}
