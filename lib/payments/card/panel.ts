// What the admin order page shows of a card payment (docs/escott-protocol.md §10.1–10.2): the current attempt,
// earlier ones, the operation history from the payment log and what may be done next.
import type { Db } from "@/lib/db";
import { transactionIdIn } from "@/lib/escott";
import type { Payment } from "@/lib/generated/prisma/client";
import { PENDING_KIND } from "@/lib/payments/card/registration-pending";
import { availableOperations, operationsExpired, STALE_ATTEMPT_MS, type CardOperation } from "@/lib/payments/card/operations";

export interface HistoryRow {
  id: string;
  at: Date;
  operateId: string;
  transactionId: string | null;
  responseCd: string | null;
  outcome: string;
}

export interface CardPanel {
  payment: Payment;
  earlier: Payment[];
  history: HistoryRow[];
  operations: CardOperation[];
  expired: boolean;
  /** Nobody knows whether money moved, or the attempt stopped half-way: the admin must look. */
  needsResolution: "unknown" | "stale" | null;
}

function transactionIdOf(response: string | null): string | null {
  if (!response) return null;
  try {
    return transactionIdIn(JSON.parse(response) as Record<string, unknown>);
  } catch {
    return null;
  }
}

export async function cardPanel(db: Db, orderId: number, now: Date): Promise<CardPanel | null> {
  const order = await db.order.findUnique({ where: { id: orderId }, include: { payments: { where: { gateway: "card" }, orderBy: { createdAt: "desc" } } } });
  if (!order || order.payments.length === 0) return null;
  const payment = order.payments.find((p) => p.liveOrderId === orderId) ?? order.payments[0]!;
  const codes = order.payments.map((p) => p.transactionCode);
  const logs = await db.paymentLog.findMany({
    where: { gateway: "card", kind: { not: PENDING_KIND }, OR: [{ orderId }, { transactionCode: { in: codes } }] },
    orderBy: { createdAt: "asc" },
  });
  const stale = (payment.state === "started" || payment.state === "awaiting_3ds") && now.getTime() - payment.updatedAt.getTime() > STALE_ATTEMPT_MS;
  return {
    payment,
    earlier: order.payments.filter((p) => p.id !== payment.id),
    history: logs.map((l) => ({ id: l.id, at: l.createdAt, operateId: l.operateId, transactionId: transactionIdOf(l.response), responseCd: l.responseCd, outcome: l.outcome })),
    operations: availableOperations(payment, order, now),
    expired: operationsExpired(order, now),
    needsResolution: payment.state === "unknown" ? "unknown" : stale ? "stale" : null,
  };
}
