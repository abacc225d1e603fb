// Card attempts nobody is finishing. Left at the 3-D Secure page: no money moved (the
// authorization runs only on the return), so the attempt fails and the order's stock comes back.
// Left "started": the process died during a call that may have charged, so it is not failed but
// flagged unknown for the admin to settle (取引照会 needs a ProcessId that only the answer brings).
import type { Db } from "@/lib/db";
import { dictionaryFor, fmt } from "@/lib/i18n";
import { failPayment, markPaymentUnknown, PaymentConflictError } from "@/lib/payments/payments";

const BATCH = 100;

export interface AbandonedReport {
  abandoned: number;
  interrupted: number;
}

export async function settleAbandonedAttempts(db: Db, now: Date, staleMs: number): Promise<AbandonedReport> {
  const notes = dictionaryFor("ja").cardAdmin.notes;
  const before = new Date(now.getTime() - staleMs);
  const minutes = Math.round(staleMs / 60_000);
  const stale = await db.payment.findMany({
    where: { gateway: "card", state: { in: ["awaiting_3ds", "started"] }, updatedAt: { lt: before } },
    select: { id: true, state: true, transactionCode: true },
    orderBy: { updatedAt: "asc" },
    take: BATCH,
  });
  const report: AbandonedReport = { abandoned: 0, interrupted: 0 };
  for (const p of stale) {
    if (p.state === "awaiting_3ds") {
      try {
        await failPayment(db, p.id, { event: "abandon", codes: ["ABANDONED"], note: fmt(notes.abandonedAtThreeDS, { minutes, code: p.transactionCode }) });
        report.abandoned++;
      } catch (err) {
        if (!(err instanceof PaymentConflictError)) throw err; // returned meanwhile
      }
    } else if (await markPaymentUnknown(db, p.id, { codes: ["NG"], reason: "interrupted", note: fmt(notes.interrupted, { minutes, code: p.transactionCode }) })) {
      report.interrupted++;
    }
  }
  return report;
}
