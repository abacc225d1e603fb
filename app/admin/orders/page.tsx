import Link from "next/link";
import { StatusBadge } from "@/components/order/status-badge";
import { inputClass } from "@/components/ui/field";
import { requireAdmin } from "@/lib/auth/session";
import { fmt, formatYen } from "@/lib/i18n";
import { getDictionary } from "@/lib/i18n/server";
import { listOrders } from "@/lib/orders/admin-queries";
import { ORDER_STATUSES } from "@/lib/orders/status";
import { formatDateTime } from "@/lib/shop/dates";
import { paymentStatusLabel } from "@/lib/payments/status-label";

export async function generateMetadata() {
  return { title: (await getDictionary()).dict.admin.orders };
}

export default async function AdminOrdersPage({ searchParams }: PageProps<"/admin/orders">) {
  await requireAdmin("/admin/orders");
  const query = await searchParams;
  const status = typeof query.status === "string" ? query.status : "";
  const q = typeof query.q === "string" ? query.q : "";
  const page = Number(query.page) || 1;
  const [{ locale, dict }, result] = await Promise.all([getDictionary(), listOrders({ status, q, page })]);
  const pageLink = (p: number) => `/admin/orders?${new URLSearchParams({ ...(status && { status }), ...(q && { q }), page: String(p) })}`;
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{dict.admin.orders}</h1>
      <form method="get" className="flex flex-wrap items-end gap-3 rounded-lg border border-stone-200 bg-white p-3" role="search">
        <div>
          <label htmlFor="filter-status" className="mb-1 block text-xs text-stone-600">
            {dict.admin.filterStatus}
          </label>
          <select id="filter-status" name="status" defaultValue={status} className={inputClass}>
            <option value="">{dict.admin.allStatuses}</option>
            {ORDER_STATUSES.map((s) => (
              <option key={s} value={s}>
                {dict.status[s]}
              </option>
            ))}
          </select>
        </div>
        <div className="min-w-56 flex-1">
          <label htmlFor="filter-q" className="mb-1 block text-xs text-stone-600">
            {dict.admin.search}
          </label>
          <input id="filter-q" name="q" type="search" defaultValue={q} className={inputClass} />
        </div>
        <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 text-white hover:bg-brand-800">
          {dict.admin.searchButton}
        </button>
      </form>
      <p className="text-sm text-stone-600">{fmt(dict.admin.ordersCount, { count: result.total })}</p>
      {result.orders.length === 0 ? (
        <p className="rounded-lg border border-stone-200 bg-white p-4">{dict.admin.noOrders}</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white">
          <table className="w-full text-sm" data-testid="admin-orders">
            <thead className="bg-stone-50 text-left text-stone-600">
              <tr>
                <th className="px-3 py-2 font-medium">{dict.order.number}</th>
                <th className="px-3 py-2 font-medium">{dict.order.date}</th>
                <th className="px-3 py-2 font-medium">{dict.admin.customer}</th>
                <th className="px-3 py-2 font-medium">{dict.order.status}</th>
                <th className="px-3 py-2 font-medium">{dict.admin.paymentStatus}</th>
                <th className="px-3 py-2 text-right font-medium">{dict.order.total}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-100">
              {result.orders.map((o) => (
                <tr key={o.id} data-testid="admin-order-row">
                  <td className="px-3 py-2">
                    <Link href={`/admin/orders/${o.id}`} className="font-medium text-brand-700 underline">
                      #{o.id}
                    </Link>
                  </td>
                  <td className="px-3 py-2">{formatDateTime(o.createdAt, locale)}</td>
                  <td className="px-3 py-2">
                    {o.billingLastName} {o.billingFirstName}
                    <span className="block text-xs text-stone-500">
                      {o.email}
                      {!o.userId && ` · ${dict.admin.guest}`}
                    </span>
                  </td>
                  <td className="px-3 py-2">
                    <StatusBadge status={o.status} dict={dict} />
                  </td>
                  <td className="px-3 py-2 text-xs" data-testid="payment-status">
                    {o.payments[0] ? paymentStatusLabel(o.payments[0], dict) : "—"}
                  </td>
                  <td className="px-3 py-2 text-right">{formatYen(dict, o.total)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {result.pages > 1 && (
        <nav className="flex justify-between text-sm" aria-label="pagination">
          {result.page > 1 ? <Link href={pageLink(result.page - 1)}>← {dict.admin.previous}</Link> : <span />}
          <span>
            {result.page} / {result.pages}
          </span>
          {result.page < result.pages ? <Link href={pageLink(result.page + 1)}>{dict.admin.next} →</Link> : <span />}
        </nav>
      )}
    </div>
  );
}
