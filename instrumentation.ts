// Next.js calls register() once when a server process starts. In the Node.js runtime it starts
// the scheduled check for unpaid convenience-store payments past their deadline.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startCvsExpiryScheduler } = await import("@/lib/payments/cvs/scheduler");
  startCvsExpiryScheduler();
}
