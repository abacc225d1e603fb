import { StatusBadge } from "@/components/order/status-badge";
import { TotalsTable } from "@/components/order/totals-table";
import { DescriptionList } from "@/components/ui/description-list";
import { Panel } from "@/components/ui/panel";
import { Table } from "@/components/ui/table";
import { prefectureName } from "@/lib/address/prefectures";
import { formatYen, type Dictionary, type Locale } from "@/lib/i18n";
import type { OrderWithDetails } from "@/lib/orders/queries";
import { refundedAmount } from "@/lib/orders/refunds";
import { formatDateTime } from "@/lib/shop/dates";
import { deliverySummary } from "@/lib/shop/delivery-format";

function Address({ lines }: { lines: (string | null | undefined)[] }) {
  return (
    <address className="text-sm not-italic leading-relaxed">
      {lines.filter(Boolean).map((l, i) => (
        <span key={i} className="block">
          {l}
        </span>
      ))}
    </address>
  );
}

export function billingLines(o: OrderWithDetails, locale: Locale) {
  return [
    `${o.billingLastName} ${o.billingFirstName}（${o.billingLastNameKana} ${o.billingFirstNameKana}）`,
    `〒${o.billingPostalCode}`,
    `${prefectureName(o.billingPrefecture, locale)}${o.billingCity}${o.billingAddress1}`,
    o.billingAddress2,
    o.billingPhone,
    o.email,
  ];
}

export function shippingLines(o: OrderWithDetails, locale: Locale) {
  if (!o.shipToDifferentAddress) return null;
  return [
    `${o.shippingLastName} ${o.shippingFirstName}（${o.shippingLastNameKana} ${o.shippingFirstNameKana}）`,
    `〒${o.shippingPostalCode}`,
    `${prefectureName(o.shippingPrefecture ?? "", locale)}${o.shippingCity}${o.shippingAddress1}`,
    o.shippingAddress2,
    o.shippingPhone,
  ];
}

/** Items, totals and addresses, as shown to customers and admins alike. */
export function OrderDetails({ order, dict, locale }: { order: OrderWithDetails; dict: Dictionary; locale: Locale }) {
  const shipping = shippingLines(order, locale);
  const delivery = deliverySummary(dict, locale, order);
  return (
    <div className="space-y-6">
      <DescriptionList
        card
        columns={4}
        items={[
          { label: dict.order.number, value: order.id, className: "font-semibold", "data-testid": "order-number" },
          { label: dict.order.date, value: formatDateTime(order.createdAt, locale) },
          { label: dict.order.status, value: <StatusBadge status={order.status} dict={dict} /> },
          { label: dict.order.total, value: formatYen(dict, order.total), className: "font-semibold" },
        ]}
      />
      <Panel title={dict.order.items}>
        <Table
          variant="plain"
          rows={order.items}
          rowKey={(i) => i.id}
          columns={[
            {
              header: dict.cart.product,
              cell: (i) => (
                <>
                  {i.name}
                  {i.taxRate === 8 && <span className="ml-1 text-xs text-stone-500">※{dict.product.reducedRate}</span>}
                </>
              ),
            },
            { header: dict.cart.unitPrice, align: "right", cell: (i) => formatYen(dict, i.unitPrice) },
            { header: dict.cart.quantity, align: "right", cell: (i) => i.quantity },
            { header: dict.cart.lineTotal, align: "right", cell: (i) => formatYen(dict, i.lineTotal) },
          ]}
        />
        <div className="mt-4 sm:ml-auto sm:w-80">
          <TotalsTable totals={{ ...order, fees: order.fees, refunded: refundedAmount(order) }} dict={dict} />
        </div>
      </Panel>
      <section className="grid gap-4 sm:grid-cols-2">
        <Panel as="div" title={dict.order.billingAddress}>
          <Address lines={billingLines(order, locale)} />
        </Panel>
        <Panel as="div" title={dict.order.shippingAddress}>
          {shipping ? <Address lines={shipping} /> : <p className="text-sm">{dict.order.sameAsBilling}</p>}
          {delivery && (
            <p className="mt-3 text-sm" data-testid="order-delivery">
              <span className="font-medium">{dict.delivery.orderTitle}:</span> {delivery}
            </p>
          )}
        </Panel>
      </section>
    </div>
  );
}
