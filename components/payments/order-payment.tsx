// The payment part of the shopper's order pages (thank-you, My Account), whatever the gateway:
// it asks the order's gateway for its view and draws it.
import { PurchaseEvent } from "@/components/order/purchase-event";
import { Notice } from "@/components/ui/notice";
import { Panel } from "@/components/ui/panel";
import { Facts, noticeTone } from "@/components/payments/facts";
import type { Locale } from "@/lib/i18n";
import "@/lib/payments/gateways";
import { findGateway, type OrderSummary } from "@/lib/payments/registry";

export async function OrderPayment({ order, locale, reportConversion = false }: { order: OrderSummary & { paymentMethod: string | null }; locale: Locale; reportConversion?: boolean }) {
  const gateway = order.paymentMethod ? findGateway(order.paymentMethod) : undefined;
  const view = gateway ? await gateway.orderView(order, locale) : null;
  if (!view) return null;
  return (
    <>
      {view.alerts.map((a) => (
        <Notice key={a.text} as="div" tone={noticeTone(a.tone)} role="status" className="p-4" data-testid={a.testId}>
          {a.text}
        </Notice>
      ))}
      {view.section && (
        <Panel title={view.section.title} titleId={`${view.section.testId}-title`} data-testid={view.section.testId}>
          <Facts facts={view.section.facts} />
        </Panel>
      )}
      {reportConversion && view.converted && <PurchaseEvent orderId={order.id} value={order.total} currency={order.currency} />}
    </>
  );
}
