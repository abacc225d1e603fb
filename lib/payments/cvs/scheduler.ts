import "server-only";
// The expiry check of unpaid registrations (the CVS gateway's housekeeping): never two runs at
// once in a process, nothing to do while the gateway is disabled (unless run by hand for cron).
// Runs from lib/payments/housekeeping.ts; overlapping runs are safe (every change is a compare-and-set).
import { loadCvsContext } from "@/lib/payments/cvs/context";
import { expireOverdue, type ExpiryReport } from "@/lib/payments/cvs/expiry";

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
