// Placing a convenience-store order (docs/escott-protocol.md §7.1): 2Add with the order's total (fee included),
// then the order waits on-hold for the money and the shopper goes to the payment page.
import { adminText, customerMessage, OPERATE_ID, PAYMENT_FAILED_MESSAGE, payLimitFromDays, shouhinName, toFullWidthKatakana } from "@/lib/escott";
import type { Payment } from "@/lib/generated/prisma/client";
import { dictionaryFor, fmt, isLocale, type Locale } from "@/lib/i18n";
import { queueOrderReceivedMail } from "@/lib/mail/order-mails";
import { changeOrderStatus } from "@/lib/orders/transition";
import type { CvsContext } from "@/lib/payments/cvs/context";
import { unpaidMailLines } from "@/lib/payments/cvs/mail-lines";
import { CartBusyError, cancelUnpaidOrder, checkoutAttempt, failPayment, livePayment, PaymentConflictError, succeedPayment, type CheckoutPaymentStart, type StartedPayment } from "@/lib/payments/payments";
import type { PayOutcome } from "@/lib/payments/registry";

const NOTES = dictionaryFor("ja").cvsAdmin.notes;

function cut(text: string, max: number): string {
  return Array.from(text).slice(0, max).join("");
}

/** TelNo allows digits and hyphens up to 13 characters (K28); drop the hyphens of a longer number. */
function telNo(phone: string): string {
  return phone.length <= 13 ? phone : phone.replace(/-/g, "");
}

export function orderPagePath(order: { id: number; accessKey: string }): string {
  return `/order/${order.id}?key=${encodeURIComponent(order.accessKey)}`;
}

/** The attempt a convenience-store checkout starts (2Add); the cart's other orders only block it while one's outcome is unknown. */
export const CVS_PAYMENT_START: CheckoutPaymentStart = { payment: { gateway: "cvs", operateId: OPERATE_ID.cvsAdd }, options: {} };

/** `started`: the attempt begun with a new order (PaymentGateway.startWith); else it is started here. */
export async function registerCvsPayment(deps: CvsContext, ref: { id: number }, shopperLocale: Locale, started?: StartedPayment): Promise<PayOutcome> {
  const { db, client, settings } = deps;
  const failed = (message: string): PayOutcome => ({ kind: "failed", message });
  const order = await db.order.findUnique({ where: { id: ref.id }, include: { items: { orderBy: { id: "asc" } } } });
  if (!order) return failed(PAYMENT_FAILED_MESSAGE[shopperLocale]);

  // A second submit of the same checkout (double click, retried request) finds the first registration.
  const live = started ? null : await livePayment(db, order.id);
  if (live) return resume(deps, order, live, shopperLocale);
  if (!client) {
    if (order.status === "pending") await changeOrderStatus(db, order.id, "failed", { note: NOTES.notConfigured, customerVisible: false, expectFrom: ["pending"] });
    return failed(PAYMENT_FAILED_MESSAGE[shopperLocale]);
  }

  let payment: Payment;
  try {
    // A failed earlier attempt of this order goes back to pending (taking its stock again) first.
    payment = await checkoutAttempt(db, order, CVS_PAYMENT_START, started);
  } catch (err) {
    if (err instanceof CartBusyError) {
      await cancelUnpaidOrder(db, order.id, dictionaryFor("ja").payment.notes.cartTaken);
      return failed(dictionaryFor(shopperLocale).payment.cartUnknown);
    }
    if (!(err instanceof PaymentConflictError)) throw err;
    const other = await livePayment(db, order.id);
    return other ? resume(deps, order, other, shopperLocale) : failed(PAYMENT_FAILED_MESSAGE[shopperLocale]);
  }

  const payLimit = payLimitFromDays(settings.payLimitDays, deps.now());
  const nameKanji = cut(`${order.billingLastName}${order.billingFirstName}`, 40);
  const result = await client.cvs.add({
    orderId: String(order.id),
    transactionCode: payment.transactionCode,
    amount: order.total,
    payLimit,
    nameKanji,
    nameKana: cut(toFullWidthKatakana(`${order.billingLastNameKana}${order.billingFirstNameKana}`), 40) || nameKanji,
    telNo: telNo(order.billingPhone),
    shouhinName: shouhinName(order.items.map((i) => i.name), "ja"),
    returnUrl: new URL(orderPagePath(order), deps.siteUrl).toString(),
  });

  if (!result.ok) {
    // Without the answer nobody got a payment page, so no money can arrive: a plain failure the
    // shopper may retry (a registration e-SCOTT kept anyway simply expires).
    const detail = result.reason === "rejected" ? adminText(result.codes) : `${result.reason}${result.detail ? ` — ${result.detail}` : ""}`;
    await failPayment(db, payment.id, { event: "decline", codes: result.codes, note: fmt(NOTES.addFailed, { detail }) });
    return failed(result.reason === "rejected" ? customerMessage(result.codes, shopperLocale) : PAYMENT_FAILED_MESSAGE[shopperLocale]);
  }

  const { freeArea, processId, processPass, kessaiNumber } = result.data;
  const paymentUrl = client.cvs.paymentPageUrl(freeArea, 2);
  await succeedPayment(db, payment.id, {
    event: "register",
    orderStatus: "on-hold",
    note: NOTES.awaitingPayment,
    data: { processId, processPass: deps.box.seal(processPass), freeArea, paymentUrl, payLimit, kessaiNumber: kessaiNumber ?? null, lastCodes: "OK" },
  });
  const dict = dictionaryFor(isLocale(order.locale) ? order.locale : "ja");
  // Own transaction: a plain write could be rolled back with a concurrent transaction (SQLite adapter).
  const mailId = await db.$transaction((tx) => queueOrderReceivedMail(tx, order.id, { methodTitle: settings.title, lines: unpaidMailLines(dict, { paymentUrl, payLimit }) }));
  if (mailId) await deps.deliver([mailId]);
  return { kind: "redirect", url: client.cvs.paymentPageUrl(freeArea, 1) };
}

function resume(deps: CvsContext, order: { id: number; accessKey: string }, live: Payment, locale: Locale): PayOutcome {
  if (live.gateway === "cvs" && live.state === "unpaid" && live.freeArea) {
    return { kind: "redirect", url: deps.client?.cvs.paymentPageUrl(live.freeArea, 1) ?? live.paymentUrl ?? orderPagePath(order) };
  }
  if (live.state === "paid") return { kind: "redirect", url: orderPagePath(order) };
  return { kind: "failed", message: dictionaryFor(locale).payment.inProgress };
}
