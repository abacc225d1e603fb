// What went back to the customer of an order (Refund rows, written by lib/payments/card/refund.ts
// with the payment operation that moved the money). Order.total stays what was ordered: receipts,
// exports and the order page subtract refundedAmount() from it.
import type { Db, Tx } from "@/lib/db";
import type { Refund } from "@/lib/generated/prisma/client";

export type RefundLike = Pick<Refund, "amount">;

/** Yen refunded on the order, all refunds together. */
export function refundedAmount(order: { refunds: readonly RefundLike[] }): number {
  return order.refunds.reduce((sum, r) => sum + r.amount, 0);
}

/** The order's total less what was refunded (never below zero). */
export function remainingAmount(order: { total: number; refunds: readonly RefundLike[] }): number {
  return Math.max(0, order.total - refundedAmount(order));
}

/** The order's refunds, oldest first. */
export function refundsOfOrder(db: Db | Tx, orderId: number): Promise<Refund[]> {
  return db.refund.findMany({ where: { orderId }, orderBy: [{ createdAt: "asc" }, { amountBefore: "desc" }] });
}

/** Yen refunded on one payment (for an amount change after refunds: the order total keeps them). */
export async function refundedOnPayment(db: Db | Tx, paymentId: string): Promise<number> {
  const sum = await db.refund.aggregate({ where: { paymentId }, _sum: { amount: true } });
  return sum._sum.amount ?? 0;
}
