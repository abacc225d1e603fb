import "server-only";
// Every gateway's periodic work (CVS deadlines, abandoned card attempts…) and the shop's own
// (expired throttle counters and logins), in every server process every HOUSEKEEPING_MINUTES and once by
// `npm run jobs:housekeeping` (cron). A run never overlaps another in the same process; across
// processes only the holder of the "housekeeping" lease works (lib/jobs/lease.ts), so each due
// payment is asked about at e-SCOTT once, and every change is a compare-and-set besides.
import { pruneExpiredSessions } from "@/lib/auth/sessions";
import { pruneAuthTokens } from "@/lib/auth/tokens";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { releaseHeldLeases, withLease } from "@/lib/jobs/lease";
import "@/lib/payments/gateways";
import { registeredGateways } from "@/lib/payments/registry";
import { flushRejectionCounts, pruneRejectionCounts } from "@/lib/security/rejections";
import { pruneThrottleCounters } from "@/lib/security/throttle";

/** Long enough for a run over many due payments; renewed while the run goes on. */
export const HOUSEKEEPING_LEASE_MS = 2 * 60_000;

const FIRST_RUN_DELAY_MS = 60_000;

let running = false;
let stopped = false;

type Report = Record<string, Record<string, number> | null>;

async function housekeep(awaitMail: boolean): Promise<Report> {
  const report: Report = {};
  for (const gateway of registeredGateways()) {
    if (!gateway.housekeeping) continue;
    try {
      report[gateway.id] = await gateway.housekeeping({ awaitMail });
    } catch (err) {
      // One gateway's trouble (e-SCOTT unreachable…) must not stop the others.
      console.error(`[housekeeping] ${gateway.id} failed:`, err instanceof Error ? err.message : err);
      report[gateway.id] = null;
    }
  }
  await flushRejectionCounts(db());
  report.shop = {
    throttleCountersPruned: await pruneThrottleCounters(db()),
    sessionsPruned: await pruneExpiredSessions(db()),
    rejectionCountsPruned: await pruneRejectionCounts(db()),
    authTokensPruned: await pruneAuthTokens(db()),
  };
  return report;
}

/**
 * What each gateway did, by gateway id; null when a run is already going on, in this process or
 * (holding the lease) in another instance.
 */
export async function runHousekeeping(options: { awaitMail?: boolean } = {}): Promise<Report | null> {
  if (running || stopped) return null;
  running = true;
  try {
    return await withLease(db(), "housekeeping", HOUSEKEEPING_LEASE_MS, () => housekeep(options.awaitMail ?? false));
  } finally {
    running = false;
  }
}

const globalForScheduler = globalThis as unknown as { __housekeepingTimer?: NodeJS.Timeout };

function didSomething(report: Report): boolean {
  return Object.values(report).some((r) => r && Object.values(r).some((n) => n > 0));
}

export function startHousekeepingScheduler(): void {
  const minutes = env().HOUSEKEEPING_MINUTES;
  if (minutes === 0 || globalForScheduler.__housekeepingTimer) return;
  const tick = () => {
    runHousekeeping().then(
      (report) => {
        if (report && didSomething(report)) console.log(`[housekeeping] ${JSON.stringify(report)}`);
      },
      (err: unknown) => console.error("[housekeeping] failed:", err instanceof Error ? err.message : err),
    );
  };
  const first = setTimeout(() => {
    tick();
    globalForScheduler.__housekeepingTimer = setInterval(tick, minutes * 60_000);
    globalForScheduler.__housekeepingTimer.unref();
  }, FIRST_RUN_DELAY_MS);
  first.unref();
  globalForScheduler.__housekeepingTimer = first;
}

/**
 * Graceful shutdown: no further runs here, the refusals counted in memory saved, and the lease back
 * to the other instances at once.
 */
export async function stopHousekeeping(): Promise<string[]> {
  stopped = true;
  await flushRejectionCounts(db()).catch((err: unknown) => console.error("[housekeeping] refusal counts not saved:", err instanceof Error ? err.message : err));
  const timer = globalForScheduler.__housekeepingTimer;
  if (timer) {
    clearTimeout(timer);
    clearInterval(timer);
    globalForScheduler.__housekeepingTimer = undefined;
  }
  return releaseHeldLeases();
}
