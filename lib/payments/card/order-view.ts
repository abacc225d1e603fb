// What the shopper sees of a card payment on the thank-you and My Account order pages: why the
// order still waits when e-SCOTT's answer was lost, and whether the purchase went through.
import { dictionaryFor, type Locale } from "@/lib/i18n";
import type { OrderSummary } from "@/lib/payments/registry";
import type { OrderPaymentView } from "@/lib/payments/views";

export function cardOrderView(order: OrderSummary, locale: Locale): OrderPaymentView {
  const unknown = order.attention?.startsWith("payment_unknown") ?? false;
  return {
    alerts: unknown ? [{ tone: "warning", text: dictionaryFor(locale).payment.unknown, testId: "card-payment-unknown" }] : [],
    converted: order.status === "processing" || order.status === "completed",
  };
}
