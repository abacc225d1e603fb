// 支払期日, the payment page and 未入金 / 入金済 / 期限切れ / 取消済み on the thank-you page and in
// My Account, for orders paid through the online payment agency.
import type { Db } from "@/lib/db";
import { cvsStoreName } from "@/lib/escott";
import { dictionaryFor, formatYen, type Locale } from "@/lib/i18n";
import type { OrderSummary } from "@/lib/payments/registry";
import type { Fact, OrderPaymentView } from "@/lib/payments/views";
import { formatDateTime } from "@/lib/shop/dates";
import { cvsPaymentOfOrder } from "@/lib/payments/cvs/queries";
import { cvsDisplayStatus, cvsStatusLabel, CVS_STATUS_TONE, formatPayLimit } from "@/lib/payments/cvs/status";

export async function cvsOrderView(db: Db, order: OrderSummary, locale: Locale, now: Date): Promise<OrderPaymentView | null> {
  const payment = await cvsPaymentOfOrder(db, order.id);
  if (!payment) return null;
  const dict = dictionaryFor(locale);
  const t = dict.cvs;
  const status = cvsDisplayStatus(payment, now);
  const facts: Fact[] = [
    { label: t.paymentStatus, value: cvsStatusLabel(dict, status), pill: CVS_STATUS_TONE[status], testId: "cvs-status", hint: status === "expired" ? t.expiredHint : undefined },
    { label: t.amount, value: formatYen(dict, payment.amount) },
  ];
  if (payment.payLimit && status !== "paid") facts.push({ label: t.payLimit, value: formatPayLimit(payment.payLimit), testId: "cvs-pay-limit" });
  if (status === "unpaid" && payment.paymentUrl) facts.push({ label: t.paymentPage, value: t.openPaymentPage, href: payment.paymentUrl, hint: t.unpaidHint, testId: "cvs-payment-link" });
  if (status === "paid" && payment.paidAt) facts.push({ label: t.paidAt, value: formatDateTime(payment.paidAt, locale), testId: "cvs-paid-at" });
  if (status === "paid" && payment.cvsCd) facts.push({ label: t.store, value: cvsStoreName(payment.cvsCd), testId: "cvs-store" });
  // Conversion tracking is the card payment's (the manual): the thank-you page comes before the money here.
  return { alerts: [], section: { title: t.infoTitle, testId: "cvs-order-payment", facts }, converted: false };
}
