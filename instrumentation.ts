// Next.js calls register() once when a server process starts. In the Node.js runtime it starts
// the periodic work (CVS deadlines, abandoned card attempts…: lib/payments/housekeeping.ts) and
// registers what a graceful stop must do, for scripts/serve.mjs to call on SIGTERM: no further
// housekeeping here, and this instance's job leases back to the others at once.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startHousekeepingScheduler, stopHousekeeping } = await import("@/lib/payments/housekeeping");
  startHousekeepingScheduler();
  (globalThis as Record<symbol, unknown>)[Symbol.for("escott-storefront.shutdown")] = stopHousekeeping;
}
