import { StatusBadge } from "@/components/order/status-badge";
import { TotalsTable } from "@/components/order/totals-table";
import { prefectureName } from "@/lib/address/prefectures";
import { formatYen, type Dictionary, type Locale } from "@/lib/i18n";
import type { OrderWithDetails } from "@/lib/orders/queries";
import { formatDateTime } from "@/lib/shop/dates";

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
  return (
    <div className="space-y-6">
      <dl className="grid grid-cols-2 gap-3 rounded-lg border border-stone-200 bg-white p-4 text-sm sm:grid-cols-4">
        <div>
          <dt className="text-stone-500">{dict.order.number}</dt>
          <dd className="font-semibold" data-testid="order-number">
            {order.id}
          </dd>
        </div>
        <div>
          <dt className="text-stone-500">{dict.order.date}</dt>
          <dd>{formatDateTime(order.createdAt, locale)}</dd>
        </div>
        <div>
          <dt className="text-stone-500">{dict.order.status}</dt>
          <dd>
            <StatusBadge status={order.status} dict={dict} />
          </dd>
        </div>
        <div>
          <dt className="text-stone-500">{dict.order.total}</dt>
          <dd className="font-semibold">{formatYen(dict, order.total)}</dd>
        </div>
      </dl>
      <section className="rounded-lg border border-stone-200 bg-white p-4">
        <h2 className="mb-3 font-bold">{dict.order.items}</h2>
        <table className="w-full text-sm">
          <thead className="text-left text-stone-500">
            <tr>
              <th className="py-1 font-normal">{dict.cart.product}</th>
              <th className="py-1 text-right font-normal">{dict.cart.unitPrice}</th>
              <th className="py-1 text-right font-normal">{dict.cart.quantity}</th>
              <th className="py-1 text-right font-normal">{dict.cart.lineTotal}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-stone-100">
            {order.items.map((i) => (
              <tr key={i.id}>
                <td className="py-2">
                  {i.name}
                  {i.taxRate === 8 && <span className="ml-1 text-xs text-stone-500">※{dict.product.reducedRate}</span>}
                </td>
                <td className="py-2 text-right">{formatYen(dict, i.unitPrice)}</td>
                <td className="py-2 text-right">{i.quantity}</td>
                <td className="py-2 text-right">{formatYen(dict, i.lineTotal)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="mt-4 sm:ml-auto sm:w-80">
          <TotalsTable totals={{ ...order, fees: order.fees }} dict={dict} />
        </div>
      </section>
      <section className="grid gap-4 sm:grid-cols-2">
        <div className="rounded-lg border border-stone-200 bg-white p-4">
          <h2 className="mb-2 font-bold">{dict.order.billingAddress}</h2>
          <Address lines={billingLines(order, locale)} />
        </div>
        <div className="rounded-lg border border-stone-200 bg-white p-4">
          <h2 className="mb-2 font-bold">{dict.order.shippingAddress}</h2>
          {shipping ? <Address lines={shipping} /> : <p className="text-sm">{dict.order.sameAsBilling}</p>}
        </div>
      </section>
    </div>
  );
}
