import Link from "next/link";
import { StatusBadge } from "@/components/order/status-badge";
import { requireUser } from "@/lib/auth/session";
import { fmt, formatYen } from "@/lib/i18n";
import { getDictionary } from "@/lib/i18n/server";
import { ordersOfUser } from "@/lib/orders/queries";
import { formatDateTime } from "@/lib/shop/dates";

export async function generateMetadata() {
  return { title: (await getDictionary()).dict.account.title };
}

export default async function AccountPage() {
  const user = await requireUser("/account");
  const [{ locale, dict }, orders] = await Promise.all([getDictionary(), ordersOfUser(user.id)]);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">{dict.account.title}</h1>
        <p className="text-sm text-stone-600" data-testid="account-email">
          {fmt(dict.account.welcome, { email: user.email })}
        </p>
        <Link href="/account/card" className="mt-2 inline-block text-sm text-brand-700 underline">{dict.card.accountTitle}</Link>
      </div>
      <section className="rounded-lg border border-stone-200 bg-white p-4">
        <h2 className="mb-3 font-bold">{dict.account.orders}</h2>
        {orders.length === 0 ? (
          <p className="text-sm">{dict.account.noOrders}</p>
        ) : (
          <table className="w-full text-sm">
            <thead className="text-left text-stone-500">
              <tr>
                <th className="py-1 font-normal">{dict.order.number}</th>
                <th className="py-1 font-normal">{dict.order.date}</th>
                <th className="py-1 font-normal">{dict.order.status}</th>
                <th className="py-1 text-right font-normal">{dict.order.total}</th>
                <th />
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-100">
              {orders.map((o) => (
                <tr key={o.id} data-testid="account-order">
                  <td className="py-2">#{o.id}</td>
                  <td className="py-2">{formatDateTime(o.createdAt, locale)}</td>
                  <td className="py-2">
                    <StatusBadge status={o.status} dict={dict} />
                  </td>
                  <td className="py-2 text-right">{formatYen(dict, o.total)}</td>
                  <td className="py-2 text-right">
                    <Link href={`/account/orders/${o.id}`} className="text-brand-700 underline">
                      {dict.account.viewOrder}
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
