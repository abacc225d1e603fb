// Next.js calls register() once when a server process starts. In the Node.js runtime it starts
// the gateways' periodic work (CVS deadlines, abandoned card attempts): lib/payments/housekeeping.ts.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startHousekeepingScheduler } = await import("@/lib/payments/housekeeping");
  startHousekeepingScheduler();
}
