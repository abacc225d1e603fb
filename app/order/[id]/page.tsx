import { notFound } from "next/navigation";
import { OrderDetails } from "@/components/order/order-details";
import { OrderPayment } from "@/components/payments/order-payment";
import { Timeline } from "@/components/order/timeline";
import { ReceiptPanel } from "@/components/receipts/receipt-panel";
import { getCurrentUser } from "@/lib/auth/session";
import { getDictionary } from "@/lib/i18n/server";
import { canViewOrder } from "@/lib/orders/access";
import { orderWithDetails } from "@/lib/orders/queries";
import { receiptPanelData } from "@/lib/receipts/queries";

export async function generateMetadata() {
  return { title: (await getDictionary()).dict.order.thankYou, robots: { index: false } };
}

/** The thank-you page: reachable by the shopper through the secret key in its URL. */
export default async function OrderReceivedPage({ params, searchParams }: PageProps<"/order/[id]">) {
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const orderId = Number(id);
  const key = typeof query.key === "string" ? query.key : undefined;
  const [{ locale, dict }, user, order] = await Promise.all([
    getDictionary(),
    getCurrentUser(),
    Number.isSafeInteger(orderId) ? orderWithDetails(orderId) : null,
  ]);
  if (!order || !canViewOrder(order, user, key)) notFound();
  const receipt = await receiptPanelData(order.id);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">{dict.order.thankYou}</h1>
        <p className="mt-1 text-stone-600">{dict.order.received}</p>
      </div>
      <OrderPayment order={order} locale={locale} reportConversion />
      <OrderDetails order={order} dict={dict} locale={locale} />
      <ReceiptPanel orderId={order.id} accessKey={key} data={receipt} dict={dict} />
      <Timeline notes={order.notes} dict={dict} locale={locale} audience="customer" />
    </div>
  );
}
