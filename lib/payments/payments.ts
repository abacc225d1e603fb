// The one place that changes a payment's state together with its order. Each function runs
// in one transaction: the Payment row, the order status (via lib/orders/transition.ts), the
// timeline note and, on success, emptying the cart either all happen or none does.
import { randomBytes } from "node:crypto";
import { lockCartRow } from "@/lib/cart/lock";
import { type Db, type Tx } from "@/lib/db";
import { Prisma, type Order, type Payment } from "@/lib/generated/prisma/client";
import { dictionaryFor, fmt } from "@/lib/i18n";
import { ATTENTION } from "@/lib/orders/attention";
import { OrderError } from "@/lib/orders/errors";
import { canTransition, holdsStock, isOrderStatus, type OrderStatus } from "@/lib/orders/status";
import { addOrderNote, transitionOrder } from "@/lib/orders/transition";
import { isLiveState, nextPaymentState, type PaymentEvent, type PaymentState } from "@/lib/payments/state";
import { newTransactionCode } from "@/lib/payments/transaction-code";

export class PaymentConflictError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PaymentConflictError";
  }
}

export interface StartPaymentInput {
  orderId: number;
  /** The gateway's id (PaymentGateway.id). */
  gateway: string;
  amount: number;
  operateId?: string;
  payType?: string;
  pendingData?: string | null;
  agreement?: boolean;
  memberUsed?: boolean;
}

function isUniqueViolation(err: unknown, field: string): boolean {
  if (!(err instanceof Prisma.PrismaClientKnownRequestError) || err.code !== "P2002") return false;
  const target = JSON.stringify(err.meta ?? {});
  return target.includes(field);
}

/**
 * Opens the order's live payment. The unique index on liveOrderId lets exactly one of two
 * concurrent attempts (double click, second tab, retried request) through.
 */
export async function startPayment(db: Db | Tx, input: StartPaymentInput): Promise<Payment> {
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      return await db.payment.create({
        data: {
          orderId: input.orderId,
          liveOrderId: input.orderId,
          gateway: input.gateway,
          transactionCode: newTransactionCode(),
          state: "started",
          operateId: input.operateId,
          amount: input.amount,
          payType: input.payType,
          pendingData: input.pendingData ?? null,
          agreement: input.agreement ?? false,
          memberUsed: input.memberUsed ?? false,
        },
      });
    } catch (err) {
      if (isUniqueViolation(err, "liveOrderId")) throw new PaymentConflictError(`Order ${input.orderId} already has a payment in progress`);
      if (isUniqueViolation(err, "transactionCode")) continue; // 1 in 10^12: draw again
      throw err;
    }
  }
  throw new Error("Could not draw a unique transaction code");
}

/**
 * The one way a payment's state changes: the table in state.ts names the next state for
 * (current state, event), and the row moves by compare-and-set on the state the decision was
 * made on, so two requests racing on the same payment (a 3-D Secure return posted twice, an
 * admin's 取消 against a notification) cannot both proceed. A state that can no longer bring
 * money also stops being the order's live payment.
 */
async function move(db: Db | Tx, payment: { id: string; state: string }, event: PaymentEvent, data: Prisma.PaymentUpdateManyMutationInput = {}): Promise<PaymentState> {
  const to = nextPaymentState(payment.state, event);
  if (!to) throw new PaymentConflictError(`Payment ${payment.id} is ${payment.state}: ${event} is not allowed`);
  const res = await db.payment.updateMany({
    where: { id: payment.id, state: payment.state },
    data: { ...data, ...(isLiveState(to) ? {} : { liveOrderId: null }), state: to },
  });
  if (res.count !== 1) throw new PaymentConflictError(`Payment ${payment.id} changed before ${event}`);
  return to;
}

/** move() that answers false instead of throwing when another request moved the payment first. */
async function moved(db: Db | Tx, payment: { id: string; state: string }, event: PaymentEvent, data: Prisma.PaymentUpdateManyMutationInput = {}): Promise<boolean> {
  try {
    await move(db, payment, event, data);
    return true;
  } catch (err) {
    if (err instanceof PaymentConflictError) return false;
    throw err;
  }
}

/** The state the caller decided on must still be the payment's (stale admin pages, racing requests). */
function expectState(payment: { id: string; state: string }, from: string | undefined): void {
  if (from !== undefined && payment.state !== from) throw new PaymentConflictError(`Payment ${payment.id} is ${payment.state}, not ${from}`);
}

/** Card checkout: the shopper goes to the 3-D Secure page; what they chose is kept sealed until they return. */
export async function awaitThreeDS(db: Db, paymentId: string, pendingData: string): Promise<void> {
  await move(db, { id: paymentId, state: "started" }, "await_3ds", { pendingData });
}

/**
 * The 3-D Secure page answered for this attempt. Exactly one of several returns (replays, double
 * posts) gets `true` and may go on to the authorization.
 */
export async function takeThreeDSReturn(db: Db, paymentId: string, data: Prisma.PaymentUpdateManyMutationInput = {}): Promise<boolean> {
  return moved(db, { id: paymentId, state: "awaiting_3ds" }, "return_3ds", data);
}

export interface SucceedInput {
  event: Extract<PaymentEvent, "authorize" | "authorize_and_capture" | "register">;
  orderStatus: Extract<OrderStatus, "processing" | "on-hold" | "completed">;
  note: string;
  data?: Prisma.PaymentUpdateManyMutationInput;
}

/**
 * A payment and its order as the caller read them earlier in this request (the attempt it has just
 * started). succeedPayment then skips reading them again; both updates are compare-and-sets, so
 * if either moved meanwhile nothing is written and they are read afresh.
 */
export interface KnownPayment {
  id: string;
  state: string;
  orderId: number;
  order: { status: string; stockReserved: boolean; cartId: string | null };
}

/** The money side succeeded: payment updated, order moved on, cart emptied — atomically. */
export async function succeedPayment(db: Db, payment: string | KnownPayment, input: SucceedInput): Promise<void> {
  await writeOnKnownOrFresh(db, payment, true, (tx, current) => recordSuccess(tx, current, input));
}

/**
 * Runs `write` in a transaction on what the caller knows of the payment and its order (when
 * `tryKnown`), else on them as read inside the transaction. The known path's writes are
 * compare-and-sets: when one matches nothing (the payment or the order moved meanwhile), or a
 * receipt was recorded meanwhile, that transaction writes nothing and the write runs again on a
 * fresh read, which decides as if nothing had been known.
 */
async function writeOnKnownOrFresh<T>(db: Db, payment: string | KnownPayment, tryKnown: boolean, write: (tx: Tx, current: KnownPayment) => Promise<T>): Promise<T> {
  if (typeof payment !== "string" && tryKnown) {
    try {
      return await db.$transaction((tx) => write(tx, payment));
    } catch (err) {
      const stale = err instanceof PaymentConflictError || (err instanceof OrderError && err.code === "conflict") || isUniqueViolation(err, "paymentId");
      if (!stale) throw err;
    }
  }
  const id = typeof payment === "string" ? payment : payment.id;
  return db.$transaction(async (tx) => write(tx, await tx.payment.findUniqueOrThrow({ where: { id }, include: { order: true } })));
}

async function recordSuccess(tx: Tx, payment: KnownPayment, input: SucceedInput): Promise<void> {
  await move(tx, payment, input.event, input.data);
  if (payment.order.status !== input.orderStatus) {
    await transitionOrder(tx, payment.orderId, input.orderStatus, { note: input.note, customerVisible: true, current: payment.order });
  }
  if (payment.order.cartId) await tx.cartItem.deleteMany({ where: { cartId: payment.order.cartId } });
  if (payment.state === "unknown") await clearUnknownFlag(tx, payment.orderId);
}

/** Once an unknown outcome is settled (paid or failed), the order no longer needs the admin's eyes for it. */
async function clearUnknownFlag(tx: Tx, orderId: number): Promise<void> {
  await tx.order.updateMany({ where: { id: orderId, attention: { startsWith: ATTENTION.paymentUnknown } }, data: { attention: null } });
}

export interface FailInput {
  event: Extract<PaymentEvent, "decline" | "abandon" | "reconcile_failed">;
  /** The state the decision was made on, when the caller saw one (an admin's page). */
  from?: PaymentState;
  codes: string[];
  note: string;
  /** Extra payment fields to record with the failure (e.g. the 3D認証結果). */
  data?: Prisma.PaymentUpdateManyMutationInput;
  author?: string;
  /** Leave the order pending (e.g. 3-D Secure refused: the shopper goes back to checkout). */
  orderStatus?: Extract<OrderStatus, "failed" | "cancelled">;
}

/** A definite failure: the payment stops being live (so the order may be paid again later). */
export async function failPayment(db: Db, paymentId: string, input: FailInput): Promise<void> {
  await db.$transaction(async (tx) => {
    const payment = await tx.payment.findUniqueOrThrow({ where: { id: paymentId }, include: { order: true } });
    expectState(payment, input.from);
    await move(tx, payment, input.event, { ...input.data, lastCodes: input.codes.join("|"), pendingData: null });
    const to = input.orderStatus ?? "failed";
    if (payment.order.status === "pending" || payment.order.status === "on-hold") {
      await transitionOrder(tx, payment.orderId, to, { note: input.note, customerVisible: false, author: input.author, current: payment.order });
    } else {
      await addOrderNote(tx, payment.orderId, input.note, { author: input.author });
    }
    if (payment.state === "unknown") await clearUnknownFlag(tx, payment.orderId);
  });
}

/**
 * The call went out but no answer came back (timeout, reset, garbage): money may have
 * moved. The payment stays live, so nobody can charge the order again, and the order is
 * flagged for the admin to reconcile (1Search / 2Ref / e-SCOTT's console by 決済コード).
 */
export async function markPaymentUnknown(db: Db, paymentId: string, input: { codes: string[]; reason: string; note: string }): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const payment = await tx.payment.findUniqueOrThrow({ where: { id: paymentId } });
    if (!(await moved(tx, payment, "lose_answer", { lastCodes: input.codes.join("|"), pendingData: null }))) return false;
    await tx.order.update({ where: { id: payment.orderId }, data: { attention: `${ATTENTION.paymentUnknown}:${input.reason}` } });
    await addOrderNote(tx, payment.orderId, input.note);
    return true;
  });
}

/**
 * The cart belongs to another order: one being charged, one that paid for it, or one whose
 * payment outcome is unknown (its money may have moved — a second checkout could charge twice).
 */
export class CartBusyError extends PaymentConflictError {
  constructor(
    message: string,
    readonly reason: "charging" | "paid" | "unknown" = "charging",
  ) {
    super(message);
    this.name = "CartBusyError";
  }
}

export interface CheckoutPaymentOptions {
  /**
   * Attempts still waiting for a 3-D Secure return have moved no money (the authorization only
   * runs when we process the return, from that state): a new attempt replaces them, so a shopper
   * who left the 3DS page and comes back is not locked out, and the old return can no longer pay.
   */
  supersedeAwaiting?: boolean;
  /**
   * A second tab of the same cart is a second order: refuse it while another order of this cart
   * is being charged, or once the cart was paid for (it is emptied on success).
   */
  exclusiveCart?: boolean;
}

/** An attempt in "started" longer than this is not being charged any more (it is for the admin to settle). */
const IN_FLIGHT_MS = 5 * 60 * 1000;

/**
 * startPayment for a checkout submission. A repeated submit of a failed attempt (same checkout
 * key, so the same order) puts the order back to pending — taking its stock again — in the same
 * transaction; an order that is no longer pending (paid, or being paid) is refused as a conflict.
 * Transactions on the SQLite connection are serialised, so the checks and the insert are atomic.
 */
export async function startCheckoutPayment(db: Db, input: StartPaymentInput, options: CheckoutPaymentOptions = {}): Promise<CheckoutPayment> {
  return db.$transaction(async (tx) => {
    const order = await tx.order.findUniqueOrThrow({ where: { id: input.orderId }, select: { id: true, status: true, stockReserved: true, cartId: true } });
    // The checks below and the insert must be atomic per cart. SQLite transactions are serialized in
    // process; on PostgreSQL the cart row is locked, so a second tab of the same cart waits here and
    // then sees the first tab's payment.
    if (order.cartId) await lockCartRow(tx, order.cartId);
    return startInTransaction(tx, order, input, options);
  });
}

/** A checkout's payment as started: the Payment row and its order as the starting transaction left it. */
export type CheckoutPayment = Payment & Pick<KnownPayment, "order">;

/** What a gateway asks to start for a new order (PaymentGateway.startWith); the amount is the order's total. */
export interface CheckoutPaymentStart {
  payment: Omit<StartPaymentInput, "orderId" | "amount">;
  options: CheckoutPaymentOptions;
}

/** The payment started in the order's own transaction, or why the cart refused it (the order stays, pending). */
export type StartedPayment = { ok: true; payment: CheckoutPayment } | { ok: false; busy: CartBusyError };

/**
 * startCheckoutPayment inside the transaction that has just placed the order (lib/orders/place.ts),
 * one transaction less per checkout. The order is new, so no attempt of it can exist; the cart's
 * other orders are checked as for any attempt. A busy cart is answered, not thrown, so the order is
 * still written and the gateway cancels it as it would after a separate start. The caller holds
 * the cart row's lock (placeOrder takes it first on PostgreSQL).
 */
export async function startNewOrderPayment(tx: Tx, order: { id: number; total: number; cartId: string }, start: CheckoutPaymentStart): Promise<StartedPayment> {
  try {
    const payment = await startInTransaction(tx, { id: order.id, status: "pending", stockReserved: true, cartId: order.cartId }, { ...start.payment, orderId: order.id, amount: order.total }, start.options);
    return { ok: true, payment };
  } catch (err) {
    if (err instanceof CartBusyError) return { ok: false, busy: err };
    throw err;
  }
}

/**
 * The checkout's attempt for `order`: the one begun with the order (startNewOrderPayment), else one
 * started now (a repeated submit: startCheckoutPayment). A cart that refused it throws CartBusyError
 * either way, so each gateway handles one outcome.
 */
export async function checkoutAttempt(db: Db, order: { id: number; total: number }, start: CheckoutPaymentStart, started?: StartedPayment): Promise<CheckoutPayment> {
  if (!started) return startCheckoutPayment(db, { ...start.payment, orderId: order.id, amount: order.total }, start.options);
  if (!started.ok) throw started.busy;
  return started.payment;
}

async function startInTransaction(tx: Tx, order: { id: number; status: string; stockReserved: boolean; cartId: string | null }, input: StartPaymentInput, options: CheckoutPaymentOptions): Promise<CheckoutPayment> {
  if (options.supersedeAwaiting) {
    const sameCart = options.exclusiveCart && order.cartId ? [{ order: { cartId: order.cartId } }] : [];
    // Usually none; the other order's status is read only for one that is found.
    const waiting = await tx.payment.findMany({ where: { gateway: input.gateway, state: "awaiting_3ds", OR: [{ orderId: order.id }, ...sameCart] } });
    for (const w of waiting) {
      if (!(await moved(tx, w, "supersede", { lastCodes: "SUPERSEDED", pendingData: null }))) continue;
      const note = fmt(dictionaryFor("ja").cardAdmin.notes.threeDSSuperseded, { code: w.transactionCode });
      const other = w.orderId !== order.id ? await tx.order.findUniqueOrThrow({ where: { id: w.orderId }, select: { status: true, stockReserved: true } }) : null;
      if (other?.status === "pending") await transitionOrder(tx, w.orderId, "failed", { note, customerVisible: false, current: other });
      else await addOrderNote(tx, w.orderId, note);
    }
  }
  // An order already paid, or being paid, first: a repeated submit after the payment answers with its
  // result (settledOutcome), not with "the cart was paid for" — it was, by this very order.
  if (order.status !== "pending" && order.status !== "failed") throw new PaymentConflictError(`Order ${order.id} is ${order.status}`);
  if (order.cartId) await refuseBusyCart(tx, { id: order.id, cartId: order.cartId }, options.exclusiveCart === true);
  if (order.status === "failed") {
    try {
      await transitionOrder(tx, order.id, "pending", { note: dictionaryFor("ja").payment.notes.retrying, customerVisible: false, expectFrom: ["failed"] });
    } catch (err) {
      if (err instanceof OrderError && err.code === "conflict") throw new PaymentConflictError(`Order ${order.id} changed concurrently`);
      throw err;
    }
  }
  // The order as this transaction leaves it: pending (a failed one was moved back, taking its stock again).
  const stockReserved = order.status === "failed" ? holdsStock("pending") : order.stockReserved;
  return { ...(await startPayment(tx, input)), order: { status: "pending", stockReserved, cartId: order.cartId } };
}

/**
 * Another order of the same cart holds it: its payment outcome is unknown (until the admin settles
 * it, the cart stays with that order, whatever the gateway), or — for an exclusive checkout — it is
 * being charged right now, or the cart was already paid for (emptied). One query for both kinds of
 * payment, one for the cart.
 */
async function refuseBusyCart(tx: Tx, order: { id: number; cartId: string }, exclusive: boolean): Promise<void> {
  const busy = await tx.payment.groupBy({
    by: ["state"],
    where: {
      orderId: { not: order.id },
      order: { cartId: order.cartId },
      OR: [{ state: "unknown" }, ...(exclusive ? [{ state: "started", updatedAt: { gte: new Date(Date.now() - IN_FLIGHT_MS) } }] : [])],
    },
    _count: { _all: true },
  });
  if (busy.some((b) => b.state === "unknown")) throw new CartBusyError(`Cart ${order.cartId} belongs to an order whose payment outcome is unknown`, "unknown");
  if (busy.length > 0) throw new CartBusyError(`Another order of cart ${order.cartId} is being paid`);
  if (exclusive && (await tx.cartItem.count({ where: { cartId: order.cartId } })) === 0) throw new CartBusyError(`Cart ${order.cartId} was paid for by another order`, "paid");
}

/** An order that will never be paid because its cart went with another order: cancelled, stock returned. */
export async function cancelUnpaidOrder(db: Db, orderId: number, note: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const order = await tx.order.findUniqueOrThrow({ where: { id: orderId } });
    const live = await tx.payment.count({ where: { liveOrderId: orderId } });
    if (live === 0 && (order.status === "pending" || order.status === "failed")) {
      await transitionOrder(tx, orderId, "cancelled", { note, customerVisible: true });
    }
  });
}

/** An admin operation claimed longer ago than this is taken as dead (its process stopped) and may be claimed again. */
export const OPERATION_CLAIM_MS = 2 * 60_000;

/**
 * Claims the payment for an admin operation before anything is sent to e-SCOTT: only while it is
 * in `from` and no other operation holds it. Returns the claim (pass it to releasePaymentOperation)
 * or null when another operation is running or the state moved on.
 */
export async function claimPaymentOperation(db: Db, paymentId: string, from: PaymentState, operation: string, now = new Date(), guard: { amount?: number } = {}): Promise<string | null> {
  const claim = `${operation}:${randomBytes(6).toString("hex")}`;
  const res = await db.payment.updateMany({
    // `guard.amount`: only while the payment still holds the amount the caller computed from. A
    // refund leaves the state "captured", so the state alone cannot tell a repeated request apart.
    where: { id: paymentId, state: from, ...(guard.amount !== undefined ? { amount: guard.amount } : {}), OR: [{ operation: null }, { operationAt: { lt: new Date(now.getTime() - OPERATION_CLAIM_MS) } }] },
    data: { operation: claim, operationAt: now },
  });
  return res.count === 1 ? claim : null;
}

/** Ends a claim (a settled operation has ended it already: then this changes nothing). */
export async function releasePaymentOperation(db: Db, paymentId: string, claim: string): Promise<void> {
  await db.payment.updateMany({ where: { id: paymentId, operation: claim }, data: { operation: null, operationAt: null } });
}

export interface OperationUpdate {
  event: Extract<PaymentEvent, "capture" | "void" | "change_amount" | "reauthorize" | "refund_part" | "refund_rest" | "reconcile_authorized" | "reconcile_captured" | "reconcile_voided" | "change_registration">;
  /** Compare-and-set: the state the decision was made on. */
  from: PaymentState;
  note: string;
  author?: string;
  /** Move the order too (e.g. 取消 → cancelled / refunded, a resolved unknown → processing). */
  orderStatus?: OrderStatus;
  /** 利用額変更: the order's total follows the payment's amount. */
  orderTotal?: number;
  data?: Prisma.PaymentUpdateManyMutationInput;
  /** Writes what the operation adds (e.g. the Refund row) in the same transaction, after the move. */
  record?: (tx: Tx, payment: Payment & { order: Order }) => Promise<void>;
}

/**
 * An operation on an existing payment (売上計上, 取消, 利用額変更, 再オーソリ, an admin's
 * resolution): payment, order status/total and the timeline note change together or not at all.
 * A payment that ends voided or failed stops being the order's live payment.
 */
export async function applyPaymentOperation(db: Db, paymentId: string, update: OperationUpdate): Promise<void> {
  await db.$transaction(async (tx) => {
    const payment = await tx.payment.findUniqueOrThrow({ where: { id: paymentId }, include: { order: true } });
    expectState(payment, update.from);
    // Settling the operation ends its claim in the same write.
    await move(tx, payment, update.event, { ...update.data, operation: null, operationAt: null });
    if (update.orderTotal !== undefined) await tx.order.update({ where: { id: payment.orderId }, data: { total: update.orderTotal } });
    await update.record?.(tx, payment);
    // The gateway already acted, so its record must be kept even if the order cannot follow (e.g. a completed order is never "cancelled").
    const from = payment.order.status;
    if (update.orderStatus && update.orderStatus !== from && isOrderStatus(from) && canTransition(from, update.orderStatus)) {
      await transitionOrder(tx, payment.orderId, update.orderStatus, { note: update.note, author: update.author, customerVisible: false, current: payment.order });
    } else {
      await addOrderNote(tx, payment.orderId, update.note, { author: update.author });
    }
    if (payment.state === "unknown") await clearUnknownFlag(tx, payment.orderId);
    if (update.orderStatus === "processing" && payment.order.cartId) await tx.cartItem.deleteMany({ where: { cartId: payment.order.cartId } });
  });
}

export function livePayment(db: Db | Tx, orderId: number) {
  return db.payment.findUnique({ where: { liveOrderId: orderId } });
}

export interface ReceiptInput {
  recvNum: string;
  /** As sent by e-SCOTT (YYYYMMDDhhmmss, JST). */
  nyukinDate: string;
  paidAt: Date | null;
  cvsCd?: string | null;
  amount: number;
  source: "notification" | "inquiry";
}

export type ReceiptOutcome =
  /** The order moved on to processing (or was already there). */
  | { kind: "applied"; orderId: number }
  /** Money arrived for an order that no longer waits for it (cancelled, failed…): recorded and flagged. */
  | { kind: "late"; orderId: number; orderStatus: string }
  /** This payment already has its receipt: nothing changed. */
  | { kind: "duplicate"; orderId: number; recorded: { recvNum: string; source: string } };

export interface RecordReceiptOptions {
  /** Timeline note when the order moves on (customer-visible). */
  note: string;
  /** Admin note when the order no longer waits for the money. */
  lateNote: string;
  /** Order.attention value for the late case. */
  attention: string;
  /** Runs in the same transaction once the receipt is recorded (e.g. queue the e-mail). */
  onRecorded?: (tx: Tx, outcome: Exclude<ReceiptOutcome, { kind: "duplicate" }>) => Promise<void>;
}

/**
 * Money received for a payment (入金結果通知 or 2Ref). The receipt row comes first and
 * PaymentReceipt.paymentId is unique, so of any number of concurrent or replayed calls exactly
 * one records the money and moves the order; the others roll back and report "duplicate".
 */
export async function recordReceipt(db: Db, payment: string | KnownPayment, input: ReceiptInput, options: RecordReceiptOptions): Promise<ReceiptOutcome> {
  const paymentId = typeof payment === "string" ? payment : payment.id;
  // The caller's guess is used only for an order that was waiting (the usual case): its move to
  // processing is a compare-and-set. Any other order status is decided on a fresh read.
  const waiting = typeof payment !== "string" && WAITING.includes(payment.order.status);
  try {
    return await writeOnKnownOrFresh(db, payment, waiting, (tx, current) => receive(tx, current, input, options));
  } catch (err) {
    if (!isUniqueViolation(err, "paymentId")) throw err;
    const existing = await db.paymentReceipt.findUniqueOrThrow({ where: { paymentId }, include: { payment: true } });
    return { kind: "duplicate", orderId: existing.payment.orderId, recorded: { recvNum: existing.recvNum, source: existing.source } };
  }
}

const WAITING: readonly string[] = ["pending", "on-hold"];

async function receive(tx: Tx, payment: KnownPayment, input: ReceiptInput, options: RecordReceiptOptions): Promise<Exclude<ReceiptOutcome, { kind: "duplicate" }>> {
  await tx.paymentReceipt.create({
    data: { paymentId: payment.id, recvNum: input.recvNum, nyukinDate: input.nyukinDate, cvsCd: input.cvsCd ?? null, amount: input.amount, source: input.source },
  });
  await move(tx, payment, "receive", { paidAt: input.paidAt ?? new Date(), recvNum: input.recvNum, cvsCd: input.cvsCd ?? null, lastCodes: "OK" });
  const status = payment.order.status;
  let outcome: Exclude<ReceiptOutcome, { kind: "duplicate" }>;
  if (status === "pending" || status === "on-hold") {
    await transitionOrder(tx, payment.orderId, "processing", { note: options.note, customerVisible: true, current: payment.order });
    outcome = { kind: "applied", orderId: payment.orderId };
  } else if (status === "processing" || status === "completed") {
    await addOrderNote(tx, payment.orderId, options.note, { customerVisible: true });
    outcome = { kind: "applied", orderId: payment.orderId };
  } else {
    // The transition table forbids cancelled → processing: keep the status, never lose the money.
    await tx.order.update({ where: { id: payment.orderId }, data: { attention: options.attention } });
    await addOrderNote(tx, payment.orderId, options.lateNote, { kind: "system" });
    outcome = { kind: "late", orderId: payment.orderId, orderStatus: status };
  }
  await options.onRecorded?.(tx, outcome);
  return outcome;
}

export interface ClosePaymentInput {
  event: Extract<PaymentEvent, "cancel" | "expire">;
  note: string;
  author?: string;
  codes?: string[];
}

/**
 * The payment can no longer bring money (registration deleted or past its deadline): it stops
 * being live and a waiting order is cancelled, which returns its stock. An order that moved on
 * meanwhile keeps its status and only gets the note.
 */
export async function closePayment(db: Db, paymentId: string, input: ClosePaymentInput): Promise<{ orderCancelled: boolean }> {
  return db.$transaction(async (tx) => {
    const payment = await tx.payment.findUniqueOrThrow({ where: { id: paymentId }, include: { order: true } });
    await move(tx, payment, input.event, input.codes ? { lastCodes: input.codes.join("|") } : {});
    if (payment.order.status === "pending" || payment.order.status === "on-hold") {
      await transitionOrder(tx, payment.orderId, "cancelled", { note: input.note, author: input.author, customerVisible: true, expectFrom: [payment.order.status], current: payment.order });
      return { orderCancelled: true };
    }
    await addOrderNote(tx, payment.orderId, input.note, { author: input.author });
    return { orderCancelled: false };
  });
}
