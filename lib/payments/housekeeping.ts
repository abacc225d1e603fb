import "server-only";
// Every gateway's periodic work (CVS deadlines, abandoned card attempts…), in the server process
// every HOUSEKEEPING_MINUTES and once by `npm run jobs:housekeeping` (cron). A run never overlaps
// another in the same process; across processes every change is a compare-and-set.
import { env } from "@/lib/env";
import "@/lib/payments/gateways";
import { registeredGateways } from "@/lib/payments/registry";

const FIRST_RUN_DELAY_MS = 60_000;

let running = false;

/** What each gateway did, by gateway id; null when a run is already going on in this process. */
export async function runHousekeeping(options: { awaitMail?: boolean } = {}): Promise<Record<string, Record<string, number> | null> | null> {
  if (running) return null;
  running = true;
  try {
    const report: Record<string, Record<string, number> | null> = {};
    for (const gateway of registeredGateways()) {
      if (!gateway.housekeeping) continue;
      try {
        report[gateway.id] = await gateway.housekeeping({ awaitMail: options.awaitMail ?? false });
      } catch (err) {
        // One gateway's trouble (e-SCOTT unreachable…) must not stop the others.
        console.error(`[housekeeping] ${gateway.id} failed:`, err instanceof Error ? err.message : err);
        report[gateway.id] = null;
      }
    }
    return report;
  } finally {
    running = false;
  }
}

const globalForScheduler = globalThis as unknown as { __housekeepingTimer?: NodeJS.Timeout };

function didSomething(report: Record<string, Record<string, number> | null>): boolean {
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
