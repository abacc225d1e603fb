import { notFound } from "next/navigation";
import { OrderDetails } from "@/components/order/order-details";
import { OrderPayment } from "@/components/payments/order-payment";
import { Timeline } from "@/components/order/timeline";
import { ReceiptPanel } from "@/components/receipts/receipt-panel";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { fmt } from "@/lib/i18n";
import { getDictionary } from "@/lib/i18n/server";
import { orderWithDetails } from "@/lib/orders/queries";
import { receiptPanelData } from "@/lib/receipts/queries";

export default async function AccountOrderPage({ params }: PageProps<"/account/orders/[id]">) {
  const { id } = await params;
  const user = await requireUser(`/account/orders/${id}`);
  const orderId = Number(id);
  const [{ locale, dict }, order] = await Promise.all([getDictionary(), Number.isSafeInteger(orderId) ? orderWithDetails(orderId) : null]);
  // Another customer's order looks exactly like a missing one.
  if (!order || order.userId !== user.id) notFound();
  const receipt = await receiptPanelData(order.id);
  return (
    <div className="space-y-6">
      <PageHeader back={{ href: "/account", label: dict.account.backToOrders }} title={fmt(dict.account.orderTitle, { number: String(order.id) })} />
      <OrderPayment order={order} locale={locale} />
      <OrderDetails order={order} dict={dict} locale={locale} />
      <ReceiptPanel orderId={order.id} data={receipt} dict={dict} />
      <Timeline notes={order.notes} dict={dict} locale={locale} audience="customer" />
    </div>
  );
}
