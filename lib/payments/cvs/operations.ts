// The admin's operations on an order's convenience-store registration (docs/escott-protocol.md §10.2):
// 照会 (2Ref — and apply a payment whose notification was lost), 変更 (2Chg), 取消 (2Del).
// Results carry dictionary keys ("cvs.xxx") for the admin page.
import { adminText, isPayLimitPast, jstDate, payLimitFromDate, RESPONSE_CODE, type CvsReferenceData } from "@/lib/escott";
import type { Payment } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/db";
import { dictionaryFor, fmt, formatYen, type Locale, type MessageKey, type MessageRef } from "@/lib/i18n";
import type { OrderStatus } from "@/lib/orders/status";
import type { CvsContext } from "@/lib/payments/cvs/context";
import { inquiryReceipt } from "@/lib/payments/cvs/expiry";
import { applyReceipt } from "@/lib/payments/cvs/receipt";
import { formatNyukinDate, formatPayLimit } from "@/lib/payments/cvs/status";
import { applyPaymentOperation, claimPaymentOperation, closePayment, PaymentConflictError, releasePaymentOperation } from "@/lib/payments/payments";
import type { PaymentState } from "@/lib/payments/state";
import type { Fact, OperationOutcome, OperationRequest } from "@/lib/payments/views";

const NOTES = dictionaryFor("ja").cvsAdmin.notes;
const DAY_MS = 24 * 60 * 60 * 1000;
export const MAX_PAY_LIMIT_DAYS = 60;

export interface ReferenceView {
  paid: boolean;
  kessaiStatus?: string;
  nyukinDate?: string;
  recvNum?: string;
  storeName?: string;
  amount?: number;
  payLimit?: string;
}

export type OperationResult =
  | { ok: true; message: MessageRef; values?: Record<string, string | number>; reference?: ReferenceView }
  | { ok: false; message: MessageRef; values?: Record<string, string | number> };

/** The order's newest registration at e-SCOTT (the one the admin operates on). */
export function currentRegistration(deps: Pick<CvsContext, "db">, orderId: number): Promise<Payment | null> {
  return deps.db.payment.findFirst({ where: { orderId, gateway: "cvs", processId: { not: null } }, orderBy: { createdAt: "desc" } });
}

function processOf(deps: CvsContext, p: Payment) {
  return { orderId: String(p.orderId), processId: p.processId ?? "", processPass: deps.box.open(p.processPass ?? ""), transactionCode: p.transactionCode };
}

const failedCall = (codes: string[]): OperationResult => ({ ok: false, message: "cvsAdmin.opFailed", values: { codes: adminText(codes) } });

function referenceView(data: CvsReferenceData): ReferenceView {
  return {
    paid: data.paid,
    kessaiStatus: data.status,
    nyukinDate: data.nyukinDate,
    recvNum: data.recvNum,
    storeName: data.cvsName,
    amount: data.amount,
    payLimit: data.payLimit,
  };
}

export async function referenceRegistration(deps: CvsContext, orderId: number): Promise<OperationResult> {
  const payment = await currentRegistration(deps, orderId);
  if (!payment) return { ok: false, message: "cvsAdmin.opNoRegistration" };
  if (!deps.client) return { ok: false, message: "cvsAdmin.opNotConfigured" };
  const ref = await deps.client.cvs.reference(processOf(deps, payment));
  if (!ref.ok) {
    if (ref.codes.includes(RESPONSE_CODE.transactionGone)) return { ok: true, message: "cvsAdmin.refGone", reference: { paid: false, kessaiStatus: "DELETED" } };
    return failedCall(ref.codes);
  }
  const reference = referenceView(ref.data);
  if (!ref.data.paid) return { ok: true, message: "cvsAdmin.refUnpaid", reference };
  if (!ref.data.recvNum || !ref.data.nyukinDate) return { ok: true, message: "cvsAdmin.refPaid", reference };
  const outcome = await applyReceipt(deps, payment, inquiryReceipt(ref.data, payment.amount));
  const message = outcome.kind === "applied" ? "cvsAdmin.refApplied" : outcome.kind === "late" ? "cvsAdmin.refLate" : "cvsAdmin.refPaid";
  return { ok: true, message, reference };
}

/** `YYYY-MM-DD` or `YYYYMMDD` → `YYYYMMDD`, or null. */
function ymd(value: string): string | null {
  const digits = value.trim().replace(/[-/]/g, "");
  return /^\d{8}$/.test(digits) ? digits : null;
}

export async function changeRegistration(deps: CvsContext, orderId: number, input: { payLimitDate: string; amount: number }, actor: string): Promise<OperationResult> {
  const payment = await currentRegistration(deps, orderId);
  if (!payment) return { ok: false, message: "cvsAdmin.opNoRegistration" };
  if (payment.state !== "unpaid") return { ok: false, message: "cvsAdmin.opNotUnpaid" };
  if (!deps.client) return { ok: false, message: "cvsAdmin.opNotConfigured" };
  const date = ymd(input.payLimitDate);
  let payLimit: string;
  try {
    payLimit = payLimitFromDate(date ?? "");
  } catch {
    return { ok: false, message: "cvsAdmin.changeDateInvalid" };
  }
  const now = deps.now();
  if (isPayLimitPast(payLimit, now) || (date ?? "") > jstDate(new Date(now.getTime() + MAX_PAY_LIMIT_DAYS * DAY_MS))) {
    return { ok: false, message: "cvsAdmin.changeDateRange", values: { days: MAX_PAY_LIMIT_DAYS } };
  }
  if (!Number.isInteger(input.amount) || input.amount < 1 || input.amount > 99_999_999) return { ok: false, message: "cvsAdmin.changeAmountInvalid" };
  if (payLimit === payment.payLimit && input.amount === payment.amount) return { ok: false, message: "cvsAdmin.changeNothing" };

  const res = await deps.client.cvs.change({ ...processOf(deps, payment), payLimit, amount: input.amount });
  if (!res.ok) return failedCall(res.codes);
  const paymentUrl = deps.client.cvs.paymentPageUrl(res.data.freeArea, 2);
  try {
    await applyPaymentOperation(deps.db, payment.id, {
      event: "change_registration",
      from: "unpaid",
      note: fmt(NOTES.changed, { limit: formatPayLimit(payLimit), amount: input.amount, before: payment.amount }),
      author: actor,
      data: { payLimit, amount: input.amount, freeArea: res.data.freeArea, paymentUrl, lastCodes: "OK" },
    });
  } catch (err) {
    if (err instanceof PaymentConflictError) return { ok: false, message: "cvsAdmin.opConflict" };
    throw err;
  }
  return { ok: true, message: "cvsAdmin.changed" };
}

export async function deleteRegistration(deps: CvsContext, orderId: number, actor: string): Promise<OperationResult> {
  const payment = await currentRegistration(deps, orderId);
  if (!payment) return { ok: false, message: "cvsAdmin.opNoRegistration" };
  if (payment.state !== "unpaid") return { ok: false, message: "cvsAdmin.opNotUnpaid" };
  if (!deps.client) return { ok: false, message: "cvsAdmin.opNotConfigured" };
  const res = await deps.client.cvs.delete(processOf(deps, payment));
  if (!res.ok && res.codes.includes(RESPONSE_CODE.stateConflict)) return { ok: false, message: "cvsAdmin.deletePaid" };
  if (!res.ok && !res.codes.includes(RESPONSE_CODE.transactionGone)) return failedCall(res.codes);
  try {
    await closePayment(deps.db, payment.id, { event: "cancel", note: NOTES.deleted, author: actor, codes: res.codes });
  } catch (err) {
    if (err instanceof PaymentConflictError) return { ok: false, message: "cvsAdmin.opConflict" };
    throw err;
  }
  return { ok: true, message: "cvsAdmin.deleted" };
}

/**
 * Cancelling an order whose registration is still payable would let the money arrive anyway: the
 * 取消 operation (2Del) deletes it at e-SCOTT first.
 */
export async function cvsStatusChangeBlock(db: Db, orderId: number, to: OrderStatus): Promise<MessageKey | null> {
  if (to !== "cancelled" && to !== "failed") return null;
  const live = await db.payment.findUnique({ where: { liveOrderId: orderId } });
  return live?.gateway === "cvs" && live.state === "unpaid" ? "cvsAdmin.useDeleteOperation" : null;
}

export const CVS_OPERATIONS = ["reference", "change", "delete"] as const;

/** The admin order page's operations, by the ids the admin view offers. */
export async function runCvsOperation(deps: CvsContext, orderId: number, request: OperationRequest, actor: string, locale: Locale): Promise<OperationOutcome> {
  const registration = await currentRegistration(deps, orderId);
  // 照会 only reads; the others act on the registration the admin was looking at.
  if (request.operation !== "reference" && registration && registration.state !== request.expectedState) return { ok: false, message: "cvsAdmin.opConflict" };
  switch (request.operation) {
    case "reference": {
      const result = await referenceRegistration(deps, orderId);
      return { ok: result.ok, message: result.message, values: result.values, facts: result.ok && result.reference ? referenceFacts(result.reference, locale) : undefined };
    }
    case "change":
    case "delete": {
      if (!registration) return { ok: false, message: "cvsAdmin.opConflict" };
      // Claimed before e-SCOTT hears of it: a simultaneous 変更 and 取消 cannot both be sent.
      const claim = await claimPaymentOperation(deps.db, registration.id, registration.state as PaymentState, request.operation);
      if (!claim) return { ok: false, message: "cardAdmin.opBusy" };
      try {
        if (request.operation === "delete") return await deleteRegistration(deps, orderId, actor);
        const amount = /^\d{1,9}$/.test(request.fields.amount ?? "") ? Number(request.fields.amount) : Number.NaN;
        return await changeRegistration(deps, orderId, { payLimitDate: request.fields.payLimitDate ?? "", amount }, actor);
      } finally {
        await releasePaymentOperation(deps.db, registration.id, claim);
      }
    }
    default:
      return { ok: false, message: "errors.generic" };
  }
}

function referenceFacts(r: ReferenceView, locale: Locale): Fact[] {
  const dict = dictionaryFor(locale);
  const t = dict.cvs;
  const adminT = dict.cvsAdmin;
  const facts: Fact[] = [];
  if (r.kessaiStatus) facts.push({ label: adminT.kessaiStatus, value: r.kessaiStatus });
  if (r.recvNum) facts.push({ label: t.recvNum, value: r.recvNum, testId: "cvs-reference-recvnum" });
  if (r.nyukinDate) facts.push({ label: t.paidAt, value: formatNyukinDate(r.nyukinDate) });
  if (r.storeName) facts.push({ label: t.store, value: r.storeName, testId: "cvs-reference-store" });
  if (r.amount !== undefined) facts.push({ label: t.amount, value: formatYen(dict, r.amount) });
  if (!r.paid && r.payLimit) facts.push({ label: t.payLimit, value: formatPayLimit(r.payLimit) });
  return facts;
}
