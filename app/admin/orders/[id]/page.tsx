import { notFound } from "next/navigation";
import { NoteForm } from "@/components/admin/note-form";
import { StatusForm } from "@/components/admin/status-form";
import { OrderDetails } from "@/components/order/order-details";
import { AdminPaymentPanel } from "@/components/payments/admin-payment-panel";
import { Timeline } from "@/components/order/timeline";
import { AdminReceiptPanel } from "@/components/receipts/admin-receipt-panel";
import { PageHeader } from "@/components/ui/page-header";
import { Panel } from "@/components/ui/panel";
import { requireAdmin } from "@/lib/auth/session";
import { fmt } from "@/lib/i18n";
import { getDictionary } from "@/lib/i18n/server";
import { orderWithDetails } from "@/lib/orders/queries";
import { receiptPanelData } from "@/lib/receipts/queries";
import { isOrderStatus, TRANSITIONS } from "@/lib/orders/status";

export default async function AdminOrderPage({ params }: PageProps<"/admin/orders/[id]">) {
  const { id } = await params;
  await requireAdmin(`/admin/orders/${id}`);
  const orderId = Number(id);
  const [{ locale, dict }, order] = await Promise.all([getDictionary(), Number.isSafeInteger(orderId) ? orderWithDetails(orderId) : null]);
  if (!order) notFound();
  const receipt = await receiptPanelData(order.id);
  const status = isOrderStatus(order.status) ? order.status : null;
  return (
    <div className="space-y-6">
      <PageHeader back={{ href: "/admin/orders", label: dict.admin.orders }} title={fmt(dict.account.orderTitle, { number: String(order.id) })} />
      <div className="grid gap-6 xl:grid-cols-[1fr_320px]">
        <div className="space-y-6">
          <OrderDetails order={order} dict={dict} locale={locale} />
          <AdminPaymentPanel order={order} paymentMethod={order.paymentMethod} locale={locale} />
          <Timeline notes={order.notes} dict={dict} locale={locale} audience="admin" />
        </div>
        <aside className="h-fit space-y-6">
          <Panel title={dict.admin.changeStatus}>
            {status && <StatusForm orderId={order.id} current={status} allowed={TRANSITIONS[status]} />}
          </Panel>
          <Panel>
            <NoteForm orderId={order.id} />
          </Panel>
          <AdminReceiptPanel orderId={order.id} data={receipt} dict={dict} locale={locale} />
        </aside>
      </div>
    </div>
  );
}
