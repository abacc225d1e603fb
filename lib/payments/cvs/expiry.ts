// The scheduled check for unpaid registrations past their 支払期日. Nothing is cancelled on our
// clock alone: 2Ref confirms first (the money may have arrived with its notification lost), and a
// registration e-SCOTT does not report as EXPIRED is deleted (2Del) before the order is cancelled, so the
// shopper cannot pay for an order that no longer exists. A registration whose 2Add never got an
// answer recorded (the process died mid-call) is failed, so its order is not left locked.
import { jstMinute, parseJstTimestamp, RESPONSE_CODE } from "@/lib/escott";
import { dictionaryFor, fmt } from "@/lib/i18n";
import type { CvsContext } from "@/lib/payments/cvs/context";
import { applyReceipt } from "@/lib/payments/cvs/receipt";
import { formatPayLimit } from "@/lib/payments/cvs/status";
import { closePayment, failPayment, PaymentConflictError } from "@/lib/payments/payments";

const NOTES = dictionaryFor("ja").cvsAdmin.notes;

export interface ExpiryReport {
  checked: number;
  expired: number;
  paid: number;
  /** Left for the next run (e-SCOTT unreachable, unexpected answer). */
  skipped: number;
  /** 2Add attempts that never recorded an outcome, now failed. */
  abandoned: number;
}

/** Far beyond any e-SCOTT call (ESCOTT_TIMEOUT_MS ≤ 5 min): nobody is still waiting for this answer. */
export const ABANDONED_AFTER_MS = 15 * 60_000;

type Due = { id: string; orderId: number; state: string; amount: number; transactionCode: string; processId: string | null; processPass: string | null; payLimit: string | null };

export async function expireOverdue(deps: CvsContext, options: { limit?: number } = {}): Promise<ExpiryReport> {
  const report: ExpiryReport = { checked: 0, expired: 0, paid: 0, skipped: 0, abandoned: 0 };
  report.abandoned = await failAbandoned(deps);
  if (!deps.client) return report;
  const due: Due[] = await deps.db.payment.findMany({
    where: { gateway: "cvs", state: "unpaid", payLimit: { lt: jstMinute(deps.now()) } },
    orderBy: { payLimit: "asc" },
    take: options.limit ?? 100,
    select: { id: true, orderId: true, state: true, amount: true, transactionCode: true, processId: true, processPass: true, payLimit: true },
  });
  for (const payment of due) {
    report.checked++;
    try {
      const result = await expireOne(deps, payment);
      report[result]++;
    } catch (err) {
      if (!(err instanceof PaymentConflictError)) throw err;
      report.skipped++; // changed meanwhile (notification, admin): nothing to do
    }
  }
  return report;
}

async function failAbandoned(deps: CvsContext): Promise<number> {
  const stuck = await deps.db.payment.findMany({
    where: { gateway: "cvs", state: "started", updatedAt: { lt: new Date(deps.now().getTime() - ABANDONED_AFTER_MS) } },
    select: { id: true },
    take: 100,
  });
  let failed = 0;
  for (const { id } of stuck) {
    try {
      await failPayment(deps.db, id, { event: "abandon", codes: ["NG"], note: NOTES.abandoned });
      failed++;
    } catch (err) {
      if (!(err instanceof PaymentConflictError)) throw err;
    }
  }
  return failed;
}

async function expireOne(deps: CvsContext, payment: Due): Promise<"expired" | "paid" | "skipped"> {
  const client = deps.client!;
  if (!payment.processId || !payment.processPass) return "skipped";
  const process = { orderId: String(payment.orderId), processId: payment.processId, processPass: deps.box.open(payment.processPass), transactionCode: payment.transactionCode };
  const note = fmt(NOTES.expired, { limit: formatPayLimit(payment.payLimit ?? "") });

  const ref = await client.cvs.reference(process);
  if (!ref.ok) {
    if (ref.codes.includes(RESPONSE_CODE.transactionGone)) {
      // e-SCOTT no longer knows the registration (deleted in its merchant console).
      await closePayment(deps.db, payment.id, { event: "cancel", note: NOTES.goneAtEscott, codes: ref.codes });
      return "expired";
    }
    return "skipped";
  }
  if (ref.data.paid && ref.data.recvNum && ref.data.nyukinDate) {
    const outcome = await applyReceipt(deps, payment, inquiryReceipt(ref.data, payment.amount));
    return outcome.kind === "duplicate" ? "skipped" : "paid";
  }
  if (!ref.data.expired) {
    const del = await client.cvs.delete(process);
    if (!del.ok && !del.codes.includes(RESPONSE_CODE.transactionGone)) return "skipped"; // state conflict: paid meanwhile — the next run's 2Ref sees it
  }
  await closePayment(deps.db, payment.id, { event: "expire", note });
  return "expired";
}

export function inquiryReceipt(data: { recvNum?: string; nyukinDate?: string; cvsCd?: string; amount?: number }, fallbackAmount = 0) {
  return {
    recvNum: data.recvNum ?? "",
    nyukinDate: data.nyukinDate ?? "",
    paidAt: data.nyukinDate ? parseJstTimestamp(data.nyukinDate) : null,
    cvsCd: data.cvsCd ?? null,
    amount: data.amount ?? fallbackAmount,
    source: "inquiry" as const,
  };
}
