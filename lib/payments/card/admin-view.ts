// What the admin order page shows of a card payment (docs/escott-protocol.md §10.1–10.2): the
// current attempt (決済日時, 決済コード, 3D認証結果, 支払回数), earlier attempts, the operation
// history from the payment log and the operations the state allows.
import type { Db } from "@/lib/db";
import { transactionIdIn } from "@/lib/escott";
import { isPayType, payTypeLabel } from "@/lib/escott/installments";
import type { Payment, Refund } from "@/lib/generated/prisma/client";
import { refundedAmount, refundsOfOrder, remainingAmount } from "@/lib/orders/refunds";
import { dictionaryFor, fmt, formatYen, type Dictionary, type Locale } from "@/lib/i18n";
import type { OrderSummary } from "@/lib/payments/registry";
import type { AdminPaymentView, FactGroup, OperationView } from "@/lib/payments/views";
import { formatDateTime } from "@/lib/shop/dates";
import { availableOperations, operationsExpired, STALE_ATTEMPT_MS, type CardOperation } from "@/lib/payments/card/operations";
import { PENDING_KIND } from "@/lib/payments/card/registration-pending";
import { REFUND_REASON_MAX } from "@/lib/payments/card/refund";

export function cardStateLabel(dict: Dictionary, state: string): string {
  const label = dict.cardAdmin[`state_${state}` as keyof Dictionary["cardAdmin"]];
  return typeof label === "string" ? label : state;
}

function transactionIdOf(response: string | null): string | null {
  if (!response) return null;
  try {
    return transactionIdIn(JSON.parse(response) as Record<string, unknown>);
  } catch {
    return null;
  }
}

function operationView(dict: Dictionary, op: CardOperation, payment: Payment): OperationView {
  const t = dict.cardAdmin;
  const fields: OperationView["fields"] = [];
  if (op === "change" || op === "reauth") fields.push({ name: "amount", label: t.newAmount, kind: "yen", defaultValue: payment.amount });
  if (op === "markPaid" || op === "markFailed") fields.push({ name: "note", label: t.resolutionNote, kind: "text", required: true });
  if (op === "refund") {
    fields.push(
      { name: "expectedAmount", kind: "hidden", value: payment.amount },
      { name: "amount", label: dict.refund.amountLabel, kind: "yen" },
      { name: "note", label: dict.refund.reasonLabel, kind: "text", required: true, maxLength: REFUND_REASON_MAX },
    );
  }
  return { id: op, label: t[`op_${op}`], confirm: t[`confirm_${op}`], hint: op === "refund" ? dict.refund.hint : undefined, danger: op === "void" || op === "markFailed" || op === "refund", fields };
}

/** The refunds of the order (newest last) with what went back in all and what the order comes to now. */
function refundGroup(dict: Dictionary, locale: Locale, order: OrderSummary, refunds: Refund[]): FactGroup {
  const r = dict.refund;
  return {
    title: r.listTitle,
    testId: "card-refunds",
    facts: [
      ...refunds.map((x) => ({ label: fmt(r.by, { date: formatDateTime(x.createdAt, locale), author: x.author }), value: fmt(r.entry, { amount: x.amount.toLocaleString("ja-JP"), reason: x.reason }), hint: `${x.operateId} ${x.transactionId ?? ""}`.trim(), testId: "card-refund" })),
      { label: r.refundedTotal, value: formatYen(dict, refundedAmount({ refunds })), testId: "card-refunded-total" },
      { label: r.remaining, value: formatYen(dict, remainingAmount({ total: order.total, refunds })), testId: "card-remaining" },
    ],
  };
}

export async function cardAdminView(db: Db, order: OrderSummary, locale: Locale, now: Date, saveLog: boolean): Promise<AdminPaymentView | null> {
  const payments = await db.payment.findMany({ where: { orderId: order.id, gateway: "card" }, orderBy: { createdAt: "desc" } });
  if (payments.length === 0) return null;
  const dict = dictionaryFor(locale);
  const t = dict.cardAdmin;
  const p = payments.find((x) => x.liveOrderId === order.id) ?? payments[0]!;
  const logs = await db.paymentLog.findMany({
    where: { gateway: "card", kind: { not: PENDING_KIND }, OR: [{ orderId: order.id }, { transactionCode: { in: payments.map((x) => x.transactionCode) } }] },
    orderBy: { createdAt: "asc" },
  });
  const stale = (p.state === "started" || p.state === "awaiting_3ds") && now.getTime() - p.updatedAt.getTime() > STALE_ATTEMPT_MS;
  const needsResolution = p.state === "unknown" ? t.unknownHelp : stale ? t.staleHelp : null;
  const operations = availableOperations(p, order, now);
  const refunds = await refundsOfOrder(db, order.id);
  return {
    title: t.panelTitle,
    testId: "card-payment-panel",
    testIdPrefix: "card",
    alerts: [
      ...(needsResolution ? [{ tone: "warning" as const, text: fmt(needsResolution, { code: p.transactionCode }), testId: "card-needs-resolution" }] : []),
      ...(operationsExpired(order, now) ? [{ tone: "neutral" as const, text: t.expiredWindow, testId: "card-expired" }] : []),
    ],
    facts: [
      { label: t.paymentStatus, value: cardStateLabel(dict, p.state), testId: "card-payment-state" },
      { label: t.paidAt, value: p.paidAt ? formatDateTime(p.paidAt, locale) : "-" },
      { label: t.transactionCode, value: p.transactionCode, testId: "card-transaction-code", mono: true },
      { label: t.amount, value: formatYen(dict, p.amount) },
      { label: t.payTypeLabel, value: p.payType && isPayType(p.payType) ? payTypeLabel(p.payType, locale) : "-", testId: "card-pay-type" },
      ...(p.secureResultCode !== null ? [{ label: t.secureResult, value: p.secureResultCode, testId: "card-secure-result" }] : []),
      ...(p.agreement ? [{ label: t.agreement, value: t.agreed }] : []),
      ...(p.memberUsed ? [{ label: t.memberUsed, value: "✓" }] : []),
    ],
    groups: refunds.length === 0 ? [] : [refundGroup(dict, locale, order, refunds)],
    operations: { title: t.operations, items: operations.map((op) => operationView(dict, op, p)), empty: t.noOperations, expectedState: p.state },
    history: {
      title: t.history,
      note: saveLog ? undefined : t.historyLogOff,
      empty: t.historyEmpty,
      columns: [t.historyTime, t.historyOperate, t.historyTransactionId, t.historyResult],
      rows: logs.map((l) => ({ id: l.id, cells: [formatDateTime(l.createdAt, locale), l.operateId, transactionIdOf(l.response) ?? "-", l.responseCd ?? l.outcome] })),
      testId: "card-history",
      rowTestId: "card-history-row",
    },
    earlier: payments.length > 1 ? { title: t.earlierAttempts, items: payments.filter((x) => x.id !== p.id).map((e) => `${e.transactionCode} · ${cardStateLabel(dict, e.state)} · ${e.lastCodes ?? "-"}`) } : undefined,
  };
}
