// The card operations the vendor's light WooCommerce plugin leaves to e-SCOTT's console (docs/escott-protocol.md §10.2), done from
// the order page: 売上計上 1Capture, 取消 1Delete, 利用額変更 1Change, 再オーソリ 1ReAuth,
// 取引照会 1Search, 返金 (part of a sale through 1Change, the rest through 1Delete: refund.ts), and
// settling an attempt whose outcome is unknown. Unlike the vendor's pro plugin the
// order follows: 取消 cancels (or refunds) it and an amount change updates its total.
import { adminText, OPERATE_ID, RESPONSE_CODE, type EscottFailure, type EscottResult, type ProcessParams, type SearchData } from "@/lib/escott";
import type { Order, Payment } from "@/lib/generated/prisma/client";
import type { Db, Tx } from "@/lib/db";
import { dictionaryFor, fmt, type MessageKey, type MessageRef } from "@/lib/i18n";
import { canTransition, isOrderStatus, type OrderStatus } from "@/lib/orders/status";
import { addOrderNote } from "@/lib/orders/transition";
import { applyPaymentOperation, claimPaymentOperation, failPayment, PaymentConflictError, releasePaymentOperation } from "@/lib/payments/payments";
import { nextPaymentState, type CardPaymentState, type PaymentEvent } from "@/lib/payments/state";
import type { CardContext } from "@/lib/payments/card/context";
import { findMember } from "@/lib/payments/card/member-store";
import { planRefund, recordRefund, type RefundPlan } from "@/lib/payments/card/refund";
import { refundedOnPayment } from "@/lib/orders/refunds";

export const OPERATION_WINDOW_DAYS = 60;
/** An attempt still "started" or "awaiting_3ds" after this long was abandoned or interrupted. */
export const STALE_ATTEMPT_MS = 30 * 60 * 1000;

export const GATEWAY_OPERATIONS = ["capture", "void", "change", "reauth", "refund", "search"] as const;
export const RESOLUTIONS = ["markPaid", "markFailed"] as const;
export type CardOperation = (typeof GATEWAY_OPERATIONS)[number] | (typeof RESOLUTIONS)[number];

const NOTES = dictionaryFor("ja").cardAdmin.notes;
const REFUND_NOTES = dictionaryFor("ja").refund;

/** The operations that move money, by the transition they make: offered where the table allows it. */
const MONEY_OPERATIONS = { capture: "capture", void: "void", change: "change_amount", reauth: "reauthorize", refund: "refund_part" } as const satisfies Record<string, PaymentEvent>;
/** 取引照会 only reads: offered whenever e-SCOTT may hold the transaction. */
const SEARCHABLE: readonly string[] = ["authorized", "captured", "voided", "unknown"];

/** 受注日から60日 (the manual): after that e-SCOTT no longer accepts operations on the transaction. */
export function operationsExpired(order: Pick<Order, "createdAt">, now: Date): boolean {
  return now.getTime() - order.createdAt.getTime() > OPERATION_WINDOW_DAYS * 24 * 60 * 60 * 1000;
}

export function availableOperations(payment: Payment, order: Pick<Order, "createdAt">, now: Date): CardOperation[] {
  const state = payment.state;
  const stale = now.getTime() - payment.updatedAt.getTime() > STALE_ATTEMPT_MS;
  let ops: CardOperation[] = (Object.keys(MONEY_OPERATIONS) as (keyof typeof MONEY_OPERATIONS)[]).filter((op) => nextPaymentState(state, MONEY_OPERATIONS[op]) !== null);
  if (SEARCHABLE.includes(state)) ops.push("search");
  // Settling by hand what nobody knows (a lost answer) or what stopped half-way (a stale attempt).
  if (state === "unknown" || (state === "started" && stale)) ops.push("markPaid", "markFailed");
  if (state === "awaiting_3ds" && stale) ops.push("markFailed");
  // No ProcessId (a lost answer, a 0-yen order): e-SCOTT cannot be asked about this transaction.
  if (!payment.processId) ops = ops.filter((op) => !(GATEWAY_OPERATIONS as readonly string[]).includes(op));
  if (operationsExpired(order, now)) ops = ops.filter((op) => op === "search" || op === "markPaid" || op === "markFailed");
  return [...ops];
}

/**
 * A card order cancelled or refunded by hand would leave the authorization or the sale standing at
 * e-SCOTT: the 取消 operation does both. An unknown outcome must be settled first.
 */
export async function cardStatusChangeBlock(db: Db, orderId: number, to: OrderStatus): Promise<MessageKey | null> {
  if (to !== "cancelled" && to !== "refunded") return null;
  const live = await db.payment.findUnique({ where: { liveOrderId: orderId } });
  if (!live || live.gateway !== "card") return null;
  if (live.state === "authorized" || live.state === "captured") return "cardAdmin.useVoidOperation";
  if (live.state === "unknown" || live.state === "started" || live.state === "awaiting_3ds") return "cardAdmin.settleFirst";
  return null;
}

/** The payment the order page acts on: the live one, else the latest attempt. */
export async function orderCardPayment(c: CardContext, orderId: number): Promise<(Payment & { order: Order }) | null> {
  const live = await c.db.payment.findUnique({ where: { liveOrderId: orderId }, include: { order: true } });
  if (live) return live.gateway === "card" ? live : null;
  return c.db.payment.findFirst({ where: { orderId, gateway: "card" }, orderBy: { createdAt: "desc" }, include: { order: true } });
}

export interface OperationRequest {
  operation: CardOperation;
  /** 利用額変更 / 再オーソリ. */
  amount?: number;
  /** 返金: the amount and the reason as typed (validated against the sale by planRefund). */
  refund?: { amount?: string; reason?: string };
  /** 返金: the payment amount the admin was looking at (a refund keeps the state, so the state cannot show a stale page). */
  expectedAmount?: number;
  /** Required for the resolutions: what the admin checked. */
  note?: string;
  /** The payment state the admin was looking at (stale pages are refused). */
  expectedState: string;
}

/** `message` is a dictionary key (dict.card.*); `values` fill its placeholders. */
export type OperationResult = { ok: boolean; message: MessageRef; values?: Record<string, string> };

export async function runCardOperation(c: CardContext, orderId: number, request: OperationRequest, admin: string): Promise<OperationResult> {
  const payment = await orderCardPayment(c, orderId);
  if (!payment) return { ok: false, message: "cardAdmin.noPayment" };
  if (payment.state !== request.expectedState) return { ok: false, message: "cardAdmin.opStale" };
  const now = c.now();
  if (!availableOperations(payment, payment.order, now).includes(request.operation)) {
    return { ok: false, message: operationsExpired(payment.order, now) ? "cardAdmin.opExpiredWindow" : "cardAdmin.opNotAllowed" };
  }
  let plan: Extract<RefundPlan, { ok: true }> | undefined;
  if (request.operation === "refund") {
    if (request.expectedAmount !== payment.amount) return { ok: false, message: "cardAdmin.opStale" };
    const planned = planRefund(request.refund ?? {}, payment.amount);
    if (!planned.ok) return planned;
    plan = planned;
  }
  // Claimed before e-SCOTT hears of it: a simultaneous 売上計上 and 取消 cannot both be sent. A refund
  // claims the amount it was computed from too: a double submit or a second admin finds it changed.
  const claim = await claimPaymentOperation(c.db, payment.id, payment.state as CardPaymentState, request.operation, now, plan ? { amount: payment.amount } : {});
  if (!claim) return { ok: false, message: "cardAdmin.opBusy" };
  try {
    if (request.operation === "markPaid" || request.operation === "markFailed") return await resolve(c, payment, request, admin);
    if (plan) return await refund(c, payment, plan, admin);
    return await callGateway(c, payment, request, admin);
  } catch (err) {
    if (err instanceof PaymentConflictError) return { ok: false, message: "cardAdmin.opStale" };
    throw err;
  } finally {
    await releasePaymentOperation(c.db, payment.id, claim);
  }
}

async function resolve(c: CardContext, payment: Payment, request: OperationRequest, admin: string): Promise<OperationResult> {
  const note = request.note?.trim();
  if (!note) return { ok: false, message: "cardAdmin.noteRequired" };
  if (request.operation === "markFailed") {
    await failPayment(c.db, payment.id, {
      codes: payment.lastCodes ? payment.lastCodes.split("|") : [RESPONSE_CODE.ng],
      note: fmt(NOTES.markedFailed, { code: payment.transactionCode, note }),
      event: "reconcile_failed",
      from: payment.state as CardPaymentState,
      author: admin,
    });
    return { ok: true, message: "cardAdmin.markedFailed" };
  }
  await applyPaymentOperation(c.db, payment.id, {
    event: payment.operateId === OPERATE_ID.auth ? "reconcile_authorized" : "reconcile_captured",
    from: payment.state as CardPaymentState,
    orderStatus: "processing",
    note: fmt(NOTES.markedPaid, { code: payment.transactionCode, note }),
    author: admin,
    data: { paidAt: c.now(), pendingData: null },
  });
  return { ok: true, message: "cardAdmin.markedPaid" };
}

function outcomeLine(result: EscottResult<unknown>): string {
  return fmt(NOTES.outcomeLine, { operation: result.operateId, transactionId: result.transactionId ?? "-", result: result.codes.join("|") });
}

/** The ProcessId/ProcessPass (and saved-card member, when the payment used it) an operation on `payment` sends. */
async function processParams(c: CardContext, payment: Payment & { order: Order }) {
  const member = payment.memberUsed && payment.order.userId ? await findMember(c.db, c.box, payment.order.userId) : null;
  const base: ProcessParams = {
    orderId: String(payment.orderId),
    processId: payment.processId!,
    processPass: payment.processPass ? c.box.open(payment.processPass) : "",
    transactionCode: payment.transactionCode,
  };
  return { base, member };
}

/** The call went out but e-SCOTT refused it or did not answer: the timeline says so, the admin gets why. */
async function operationFailed(c: CardContext, payment: Payment, op: (typeof GATEWAY_OPERATIONS)[number], result: EscottFailure, admin: string): Promise<OperationResult> {
  const why = result.reason === "rejected" ? adminText(result.codes) : `${RESPONSE_CODE.ng} (${result.reason})`;
  await addOrderNote(c.db, payment.orderId, fmt(NOTES.operationFailed, { label: NOTES.labels[op], line: outcomeLine(result), why }), { author: admin });
  if (result.reason !== "rejected") return { ok: false, message: "cardAdmin.opUnknown" };
  return { ok: false, message: result.codes.includes(RESPONSE_CODE.transactionGone) ? "cardAdmin.opK12" : "cardAdmin.opRejected", values: { codes: adminText(result.codes) } };
}

async function refund(c: CardContext, payment: Payment & { order: Order }, plan: Extract<RefundPlan, { ok: true }>, admin: string): Promise<OperationResult> {
  const { base, member } = await processParams(c, payment);
  const send = (withMember: boolean) => {
    const m = withMember && member ? { kaiinId: member.kaiinId, kaiinPass: member.kaiinPass } : undefined;
    return plan.full ? c.client.card.delete({ ...base, member: m }) : c.client.card.change({ ...base, member: m, amount: plan.after });
  };
  let result = await send(member !== null);
  if (!result.ok && member && result.codes.includes(RESPONSE_CODE.memberNotOnTransaction)) result = await send(false);
  if (!result.ok) return operationFailed(c, payment, "refund", result, admin);

  const values = { amount: String(plan.amount), before: String(payment.amount), after: String(plan.after), reason: plan.reason, line: outcomeLine(result) };
  const record = (tx: Tx) =>
    recordRefund(tx, { orderId: payment.orderId, paymentId: payment.id, amount: plan.amount, reason: plan.reason, author: admin, operateId: plan.full ? OPERATE_ID.delete : OPERATE_ID.change, transactionId: result.transactionId ?? null, amountBefore: payment.amount });
  await applyPaymentOperation(c.db, payment.id, {
    event: plan.full ? "refund_rest" : "refund_part",
    from: "captured",
    ...(plan.full ? { orderStatus: "refunded" as const } : {}),
    note: fmt(plan.full ? REFUND_NOTES.noteRest : REFUND_NOTES.notePart, values),
    author: admin,
    // A full refund keeps the amount the sale had when it was cancelled; a partial one is the sale now.
    data: { lastCodes: "OK", ...(plan.full ? {} : { amount: plan.after }) },
    record,
  });
  return { ok: true, message: plan.full ? "refund.refundedAll" : "refund.refunded", values: { amount: String(plan.amount) } };
}

async function callGateway(c: CardContext, payment: Payment & { order: Order }, request: OperationRequest, admin: string): Promise<OperationResult> {
  const op = request.operation as Exclude<(typeof GATEWAY_OPERATIONS)[number], "refund">;
  if ((op === "change" || op === "reauth") && !(request.amount && Number.isSafeInteger(request.amount) && request.amount > 0 && request.amount <= 99_999_999)) {
    return { ok: false, message: "cardAdmin.amountInvalid" };
  }
  if (op === "change" && request.amount === payment.amount) return { ok: false, message: "cardAdmin.amountUnchanged" };

  const { base, member } = await processParams(c, payment);
  const send = (withMember: boolean): Promise<EscottResult<SearchData>> => {
    const m = withMember && member ? { kaiinId: member.kaiinId, kaiinPass: member.kaiinPass } : undefined;
    switch (op) {
      case "capture":
        return c.client.card.capture({ ...base, member: m });
      case "void":
        return c.client.card.delete({ ...base, member: m });
      case "change":
        return c.client.card.change({ ...base, member: m, amount: request.amount! });
      case "reauth":
        return c.client.card.reAuth({ ...base, amount: request.amount!, member: m && member ? { ...m, userId: member.userId } : undefined });
      case "search":
        return c.client.card.search({ ...base, member: m });
    }
  };
  let result = await send(member !== null);
  // K81: the master had no KaiinId after all — the vendor's pro plugin resends once without it (§9.4).
  if (!result.ok && member && result.codes.includes(RESPONSE_CODE.memberNotOnTransaction)) result = await send(false);

  if (!result.ok) return operationFailed(c, payment, op, result, admin);

  const line = outcomeLine(result);
  const state = payment.state as CardPaymentState;
  switch (op) {
    case "capture":
      await applyPaymentOperation(c.db, payment.id, { event: "capture", from: state, note: fmt(NOTES.captured, { line }), author: admin, data: { lastCodes: "OK" } });
      return { ok: true, message: "cardAdmin.captured" };
    case "void": {
      const target: OrderStatus = state === "authorized" && canCancel(payment.order.status) ? "cancelled" : "refunded";
      // 取消 of a sale gives all that remains back: recorded as a refund, so refundedAmount() stays the money returned.
      const record =
        state === "captured"
          ? (tx: Tx) => recordRefund(tx, { orderId: payment.orderId, paymentId: payment.id, amount: payment.amount, reason: REFUND_NOTES.voidReason, author: admin, operateId: OPERATE_ID.delete, transactionId: result.transactionId ?? null, amountBefore: payment.amount })
          : undefined;
      await applyPaymentOperation(c.db, payment.id, { event: "void", from: state, orderStatus: target, note: fmt(target === "cancelled" ? NOTES.voidedAuthorization : NOTES.voidedSale, { line }), author: admin, data: { lastCodes: "OK" }, record });
      return { ok: true, message: "cardAdmin.voided" };
    }
    case "change":
    case "reauth": {
      const amount = request.amount!;
      // The order total is what was ordered: after refunds it is the new amount plus what went back.
      const refunded = state === "captured" ? await refundedOnPayment(c.db, payment.id) : 0;
      await applyPaymentOperation(c.db, payment.id, { event: op === "change" ? "change_amount" : "reauthorize", from: state, orderTotal: amount + refunded, note: fmt(op === "change" ? NOTES.amountChanged : NOTES.reauthorized, { before: payment.amount, after: amount, line }), author: admin, data: { amount, lastCodes: "OK" } });
      return { ok: true, message: op === "change" ? "cardAdmin.amountChanged" : "cardAdmin.reauthorized" };
    }
    case "search":
      return searchResult(c, payment, result, line, admin);
  }
}

/** What 取引照会 found at e-SCOTT, as the event that brings our record in line. */
const RECONCILE = { authorized: "reconcile_authorized", captured: "reconcile_captured", voided: "reconcile_voided" } as const;

function canCancel(status: string): boolean {
  return isOrderStatus(status) && canTransition(status, "cancelled");
}

/**
 * 1Search answers Amount and SalesDate. docs/escott-protocol.md §14.2 leaves its other fields unknown; when the
 * answer carries a status (the emulator's KessaiStatus), an unknown or stale local state follows it.
 */
async function searchResult(c: CardContext, payment: Payment & { order: Order }, result: EscottResult<SearchData>, line: string, admin: string): Promise<OperationResult> {
  if (!result.ok) return { ok: false, message: "cardAdmin.opRejected" };
  const remote = result.data.status;
  const values = { amount: result.data.amount !== undefined ? String(result.data.amount) : "-", salesDate: result.data.salesDate ?? "-", status: result.data.statusText ?? "-" };
  const note = fmt(NOTES.searched, { ...values, line });
  const local = payment.state as CardPaymentState;
  if (remote && remote !== local && (local === "unknown" || local === "authorized" || local === "captured")) {
    await applyPaymentOperation(c.db, payment.id, {
      event: RECONCILE[remote],
      from: local,
      orderStatus: remote === "voided" ? (local === "authorized" && canCancel(payment.order.status) ? "cancelled" : "refunded") : local === "unknown" ? "processing" : undefined,
      note: `${note}\n${NOTES.followedEscott}`,
      author: admin,
      data: { lastCodes: "OK", ...(result.data.amount ? { amount: result.data.amount } : {}), ...(local === "unknown" ? { paidAt: c.now() } : {}) },
    });
  } else {
    await addOrderNote(c.db, payment.orderId, note, { author: admin });
  }
  return { ok: true, message: "cardAdmin.searchResult", values };
}
