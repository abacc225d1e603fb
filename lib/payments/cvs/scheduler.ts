import "server-only";
// The in-process expiry check: light (every CVS_EXPIRY_CHECK_MINUTES, default 10), never two
// runs at once, nothing to do while the gateway is disabled. `npm run jobs:expire` runs the same
// check once for cron; the two may overlap safely (every change is a compare-and-set).
import { env } from "@/lib/env";
import { loadCvsContext } from "@/lib/payments/cvs/context";
import { expireOverdue, type ExpiryReport } from "@/lib/payments/cvs/expiry";

const FIRST_RUN_DELAY_MS = 60_000;

let running = false;

/** One check, unless one is already running in this process (then null). */
export async function runExpiryCheck(options: { onlyWhenEnabled: boolean; awaitMail?: boolean }): Promise<ExpiryReport | null> {
  if (running) return null;
  running = true;
  try {
    const deps = await loadCvsContext({ awaitMail: options.awaitMail });
    if (options.onlyWhenEnabled && !deps.settings.enabled) return null;
    return await expireOverdue(deps);
  } finally {
    running = false;
  }
}

const globalForScheduler = globalThis as unknown as { __cvsExpiryTimer?: NodeJS.Timeout };

export function startCvsExpiryScheduler(): void {
  const minutes = env().CVS_EXPIRY_CHECK_MINUTES;
  if (minutes === 0 || globalForScheduler.__cvsExpiryTimer) return;
  const tick = () => {
    runExpiryCheck({ onlyWhenEnabled: true }).then(
      (report) => {
        if (report && (report.checked > 0 || report.abandoned > 0)) console.log(`[cvs] expiry check: ${JSON.stringify(report)}`);
      },
      (err: unknown) => console.error("[cvs] expiry check failed:", err instanceof Error ? err.message : err),
    );
  };
  const first = setTimeout(() => {
    tick();
    globalForScheduler.__cvsExpiryTimer = setInterval(tick, minutes * 60_000);
    globalForScheduler.__cvsExpiryTimer.unref();
  }, FIRST_RUN_DELAY_MS);
  first.unref();
  globalForScheduler.__cvsExpiryTimer = first;
}
