// 返金 of a captured card sale, run as the card operation "refund" (lib/payments/card/operations.ts):
// part of the sale goes back through 利用額変更 (1Change, the sale lowered to what is kept), all
// that remains through 取消 (1Delete, the order becomes refunded). The Refund row is written in the
// transaction that moves the payment (applyPaymentOperation), so a refund is recorded exactly when
// our payment follows e-SCOTT. Exactly once: the operation claims the payment on its state *and*
// amount (a refund leaves it "captured", only the amount tells a repeat apart), and
// Refund(paymentId, amountBefore) is unique.
import type { Tx } from "@/lib/db";
import { OPERATE_ID } from "@/lib/escott";
import type { MessageRef } from "@/lib/i18n";

export const REFUND_REASON_MAX = 200;

export type RefundPlan =
  | { ok: true; amount: number; reason: string; /** 1Change to `after`, or 1Delete when nothing is kept. */ after: number; full: boolean }
  | { ok: false; message: MessageRef; values?: Record<string, string> };

/**
 * The admin's input against what the sale holds now (`remaining`): 1 ≤ amount ≤ remaining, whole
 * yen (digits, "1,000" allowed); a reason of 1–REFUND_REASON_MAX characters.
 */
export function planRefund(input: { amount?: string; reason?: string }, remaining: number): RefundPlan {
  const text = (input.amount ?? "").trim().replaceAll(",", "");
  const amount = /^\d{1,9}$/.test(text) ? Number(text) : NaN;
  if (!(amount >= 1 && amount <= remaining)) return { ok: false, message: "refund.amountRange", values: { remaining: String(remaining) } };
  const reason = (input.reason ?? "").trim();
  if (!reason) return { ok: false, message: "refund.reasonRequired" };
  if ([...reason].length > REFUND_REASON_MAX) return { ok: false, message: "refund.reasonTooLong", values: { limit: String(REFUND_REASON_MAX) } };
  const after = remaining - amount;
  return { ok: true, amount, reason, after, full: after === 0 };
}

export interface RefundRecord {
  orderId: number;
  paymentId: string;
  amount: number;
  reason: string;
  author: string;
  operateId: typeof OPERATE_ID.change | typeof OPERATE_ID.delete;
  transactionId: string | null;
  amountBefore: number;
}

/** The Refund row, inside the payment operation's transaction. */
export async function recordRefund(tx: Tx, r: RefundRecord): Promise<void> {
  await tx.refund.create({ data: { ...r, amountAfter: r.operateId === OPERATE_ID.delete ? 0 : r.amountBefore - r.amount } });
}
