import Link from "next/link";
import { OrderExportForm } from "@/components/admin/order-export-form";
import { StatusBadge } from "@/components/order/status-badge";
import { inputClass } from "@/components/ui/field";
import { FilterField, FilterForm } from "@/components/ui/filter-form";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { Pill } from "@/components/ui/pill";
import { Table } from "@/components/ui/table";
import { requireAdmin } from "@/lib/auth/session";
import { errorText, fmt, formatYen } from "@/lib/i18n";
import { getDictionary } from "@/lib/i18n/server";
import { listOrders } from "@/lib/orders/admin-queries";
import { EXPORT_MAX_ROWS } from "@/lib/orders/export/export-orders";
import { attentionLabel } from "@/lib/orders/attention";
import { ORDER_STATUSES } from "@/lib/orders/status";
import { formatDateTime } from "@/lib/shop/dates";
import "@/lib/payments/gateways";
import { paymentStatusLabel } from "@/lib/payments/registry";

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
  return (
    <div className="space-y-4">
      <PageHeader title={dict.admin.orders} />
      <FilterForm submitLabel={dict.admin.searchButton}>
        <FilterField id="filter-status" label={dict.admin.filterStatus}>
          <select id="filter-status" name="status" defaultValue={status} className={inputClass}>
            <option value="">{dict.admin.allStatuses}</option>
            {ORDER_STATUSES.map((s) => (
              <option key={s} value={s}>
                {dict.status[s]}
              </option>
            ))}
          </select>
        </FilterField>
        <FilterField id="filter-q" label={dict.admin.search} className="min-w-56 flex-1">
          <input id="filter-q" name="q" type="search" defaultValue={q} className={inputClass} />
        </FilterField>
      </FilterForm>
      <OrderExportForm dict={dict} status={status} q={q} maxRows={EXPORT_MAX_ROWS} />
      <p className="text-sm text-stone-600">{fmt(dict.admin.ordersCount, { count: result.total })}</p>
      <Table
        data-testid="admin-orders"
        rows={result.orders}
        rowKey={(o) => o.id}
        rowTestId="admin-order-row"
        empty={dict.admin.noOrders}
        columns={[
          {
            header: dict.order.number,
            cell: (o) => (
              <Link href={`/admin/orders/${o.id}`} className="font-medium text-brand-700 underline">
                #{o.id}
              </Link>
            ),
          },
          { header: dict.order.date, cell: (o) => formatDateTime(o.createdAt, locale) },
          {
            header: dict.admin.customer,
            cell: (o) => (
              <>
                {o.billingLastName} {o.billingFirstName}
                <span className="block text-xs text-stone-500">
                  {o.email}
                  {!o.userId && ` · ${dict.admin.guest}`}
                </span>
              </>
            ),
          },
          {
            header: dict.order.status,
            cell: (o) => {
              const flag = attentionLabel(o.attention);
              return (
                <>
                  <StatusBadge status={o.status} dict={dict} />
                  {flag && (
                    <Pill className="ml-1 bg-amber-100 text-amber-900" data-testid="order-attention" title={dict.admin.attention}>
                      {errorText(dict, flag)}
                    </Pill>
                  )}
                </>
              );
            },
          },
          { header: dict.admin.paymentStatus, className: "text-xs", testId: "payment-status", cell: (o) => (o.payments[0] ? paymentStatusLabel(o.payments[0], locale) : "—") },
          { header: dict.order.total, align: "right", cell: (o) => formatYen(dict, o.total) },
        ]}
      />
      <Pagination page={result.page} pages={result.pages} basePath="/admin/orders" params={{ status: status || undefined, q: q || undefined }} labels={dict.admin} />
    </div>
  );
}
