// 入金結果通知 (docs/escott-protocol.md §7.3). Unlike the vendor's WooCommerce plugins (the reference implementation), a notification changes something only when it
// is complete, comes from our CVS merchant (MerchantId, HashCd), names a registration we made
// (MerchantFree1 + MerchantFree2, the ProcessPass 2Add gave us) and carries its amount. An applied
// notification leaves a PaymentLog row; duplicates and rejections are counted per reason
// (lib/security/rejections.ts) with one sampled row per reason per minute, so nobody can fill the
// database by posting here.
import { timingSafeEqual } from "node:crypto";
import type { Db } from "@/lib/db";
import { RESPONSE_CODE, summarizeNotification, verifyNotification } from "@/lib/escott";
import type { CvsContext } from "@/lib/payments/cvs/context";
import { applyReceipt, type RecordedReceipt } from "@/lib/payments/cvs/receipt";
import { dictionaryFor, fmt } from "@/lib/i18n";
import { ATTENTION } from "@/lib/orders/attention";
import { addOrderNote } from "@/lib/orders/transition";
import { readLimitedBody } from "@/lib/security/body-limit";
import { writePaymentLog } from "@/lib/payments/payment-log";
import { countRejection } from "@/lib/security/rejections";
import { MACHINE_RESPONSE_HEADERS } from "@/lib/security/csp";

export type NotificationOutcome = "ok" | "duplicate" | "rejected";

export interface NotificationResult {
  outcome: NotificationOutcome;
  /** Why it was rejected or what it was a duplicate of. */
  reason?: string;
  orderId?: number;
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a, "utf8");
  const y = Buffer.from(b, "utf8");
  return x.length === y.length && timingSafeEqual(x, y);
}

type LogDeps = Pick<CvsContext, "db" | "settings">;

function logEntry(posted: Record<string, string>, result: NotificationResult) {
  const claimed = summarizeNotification(posted);
  return {
    gateway: "cvs" as const,
    orderId: result.orderId ?? claimed.orderId,
    transactionCode: claimed.transactionCode,
    operateId: "paid",
    kind: "notification" as const,
    outcome: result.outcome,
    responseCd: claimed.responseCd,
    request: claimed.fields,
    detail: result.reason ?? null,
  };
}

/** Duplicates and rejections: counted per reason, one sampled row per reason per minute. */
async function logNotification(deps: LogDeps, posted: Record<string, string>, result: NotificationResult): Promise<NotificationResult> {
  // In a transaction of its own: the SQLite adapter runs a plain write on the connection that a
  // concurrent transaction holds open, so a receipt rolling back would take this row with it.
  const save = () => deps.db.$transaction((tx) => writePaymentLog(tx, logEntry(posted, result), deps.settings.saveLog));
  await countRejection(deps.db, "notification", result.outcome === "duplicate" ? "duplicate" : (result.reason ?? "rejected"), save);
  return result;
}

/** Flags the order once (a more urgent flag is kept) and says why in its timeline. */
async function flagAmountMismatch(db: Db, orderId: number, notified: number, registered: number): Promise<void> {
  await db.$transaction(async (tx) => {
    const flagged = await tx.order.updateMany({ where: { id: orderId, attention: null }, data: { attention: ATTENTION.amountMismatch } });
    if (flagged.count === 1) await addOrderNote(tx, orderId, fmt(dictionaryFor("ja").cvsAdmin.notes.amountMismatch, { notified, registered }), { kind: "system" });
  });
}

/** For a request that never got as far as its fields (unreadable or oversized body). */
export function rejectNotification(deps: LogDeps, posted: Record<string, string>, reason: string): Promise<NotificationResult> {
  return logNotification(deps, posted, { outcome: "rejected", reason });
}

export async function processNotification(deps: Pick<CvsContext, "db" | "settings" | "box" | "deliver">, posted: Record<string, string>): Promise<NotificationResult> {
  const { db, settings } = deps;
  const log = (result: NotificationResult) => logNotification(deps, posted, result);
  const reject = (reason: string, orderId?: number) => log({ outcome: "rejected", reason, orderId });

  if (!settings.merchantId || !settings.merchantPass) return reject("not_configured: the CVS gateway has no merchant credentials");
  const verified = verifyNotification(posted, { merchantId: settings.merchantId, merchantPass: settings.merchantPass });
  if (!verified.ok) return reject(`${verified.reason}: ${verified.detail}`);
  const n = verified.notification;
  if (n.responseCd && n.responseCd !== RESPONSE_CODE.ok) return reject(`response_not_ok: ResponseCd=${n.responseCd}`);

  const payment = await db.payment.findUnique({ where: { transactionCode: n.transactionCode } });
  if (!payment || payment.gateway !== "cvs" || String(payment.orderId) !== n.orderId || !payment.processPass) {
    return reject("unknown_registration: no convenience-store registration with this MerchantFree1 + MerchantFree2");
  }
  if (!sameSecret(deps.box.open(payment.processPass), n.processPass)) {
    return reject("process_pass_mismatch: ProcessPass is not the one 2Add returned", payment.orderId);
  }
  if (n.amount !== payment.amount) {
    // Genuine (our merchant, our registration, its ProcessPass) yet for another amount: never applied
    // automatically, but the admin must see it.
    await flagAmountMismatch(deps.db, payment.orderId, n.amount, payment.amount);
    return reject(`amount_mismatch: notified ${n.amount} yen, registered ${payment.amount} yen`, payment.orderId);
  }

  // A repeated notification (e-SCOTT retries, or someone replays one) is answered from a read,
  // without opening a write transaction that can only roll back. A receipt is written only with
  // the move to "paid" (recordReceipt) and nothing leaves "paid", so only a paid payment has one
  // to look up: the first notification of a payment costs no read for it.
  const recorded = payment.state === "paid" ? await db.paymentReceipt.findUnique({ where: { paymentId: payment.id } }) : null;
  if (recorded) return log(duplicateOf(payment.orderId, recorded, n.recvNum));

  const applied = (recorded: RecordedReceipt): NotificationResult => ({
    outcome: "ok",
    orderId: payment.orderId,
    reason: recorded.kind === "late" ? `paid_after_cancel: order is ${recorded.orderStatus}, flagged for the admin` : undefined,
  });
  const outcome = await applyReceipt(
    deps,
    payment,
    { recvNum: n.recvNum, nyukinDate: n.nyukinDate, paidAt: n.paidAt, cvsCd: n.cvsCd ?? null, amount: n.amount, source: "notification" },
    // The log row of an applied notification is written in the receipt's transaction: exactly when the money is recorded.
    (tx, recorded) => writePaymentLog(tx, logEntry(posted, applied(recorded)), settings.saveLog),
  );
  // Another request recorded it between the read above and this transaction (the unique receipt decides).
  if (outcome.kind === "duplicate") return log(duplicateOf(payment.orderId, outcome.recorded, n.recvNum));
  return applied(outcome);
}

function duplicateOf(orderId: number, recorded: { recvNum: string; source: string }, recvNum: string): NotificationResult {
  const same = recorded.recvNum === recvNum;
  return {
    outcome: "duplicate",
    orderId,
    reason: same ? `already recorded (${recorded.source})` : `already recorded (${recorded.source}) with another RecvNum ${recorded.recvNum}`,
  };
}

const MAX_BODY_BYTES = 16 * 1024;

/** Form fields, last value wins (like PHP's $_POST). */
function formFields(body: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [key, value] of new URLSearchParams(body)) fields[key] = value;
  return fields;
}

const answer = (status: number, text: string) => new Response(text, { status, headers: { ...MACHINE_RESPONSE_HEADERS, "Content-Type": "text/plain; charset=utf-8" } });
const ok = () => answer(200, "OK");

/**
 * The HTTP side (the CVS gateway's "notification" endpoint). Whatever was posted, the answer is 200
 * and quick — rejections are logged, never bounced back (e-SCOTT would only retry). Only a failure on
 * our side (database unavailable…) answers 503, so the notification comes again.
 */
export async function notificationEndpoint(request: Request, context: () => Promise<CvsContext>): Promise<Response> {
  const read = await readLimitedBody(request, MAX_BODY_BYTES);
  const body = read.ok ? Buffer.from(read.bytes).toString("utf8") : null;
  try {
    const deps = await context();
    if (body === null) await rejectNotification(deps, {}, `unreadable_body: not read or larger than ${MAX_BODY_BYTES} bytes`);
    else await processNotification(deps, formFields(body));
  } catch (err) {
    console.error("[escott] notification could not be processed:", err instanceof Error ? err.message : err);
    return answer(503, "Temporarily unavailable");
  }
  return ok();
}
