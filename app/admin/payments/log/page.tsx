import Link from "next/link";
import { inputClass } from "@/components/ui/field";
import { FilterField, FilterForm } from "@/components/ui/filter-form";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { DetailsPanel, Panel } from "@/components/ui/panel";
import { Table } from "@/components/ui/table";
import { listPaymentLog, paymentLogFilter } from "@/lib/admin/payment-log-queries";
import { requireAdmin } from "@/lib/auth/session";
import { fmt } from "@/lib/i18n";
import { getDictionary } from "@/lib/i18n/server";
import { db } from "@/lib/db";
import { rejectionSummary } from "@/lib/security/rejections";
import { formatDateTime } from "@/lib/shop/dates";

export async function generateMetadata() {
  return { title: (await getDictionary()).dict.cardAdmin.logTitle };
}

function pretty(json: string | null): string {
  if (!json) return "";
  try {
    return JSON.stringify(JSON.parse(json), null, 2);
  } catch {
    return json;
  }
}

function label(table: Record<string, string>, prefix: string, value: string): string {
  return table[`${prefix}_${value}`] ?? value;
}

function Payload({ title, json }: { title: string; json: string }) {
  return (
    <>
      <p className="mt-1 text-xs font-medium">{title}</p>
      <pre className="max-w-md overflow-x-auto rounded bg-stone-50 p-2 text-xs">{pretty(json)}</pre>
    </>
  );
}

export default async function PaymentLogPage({ searchParams }: PageProps<"/admin/payments/log">) {
  await requireAdmin("/admin/payments/log");
  const [{ locale, dict }, query] = await Promise.all([getDictionary(), searchParams]);
  const filter = paymentLogFilter(query);
  const [{ rows, total, page, pages }, rejections] = await Promise.all([listPaymentLog(filter), rejectionSummary(db())]);
  const t = dict.cardAdmin;
  const table = t as unknown as Record<string, string>;

  return (
    <div className="space-y-4">
      <PageHeader title={t.logTitle} intro={t.logIntro} />
      <FilterForm submitLabel={t.filter} data-testid="log-filter">
        <FilterField id="log-order" label={t.filterOrder}>
          <input id="log-order" name="order" defaultValue={filter.order} inputMode="numeric" className={`${inputClass} w-32`} />
        </FilterField>
        <FilterField id="log-code" label={t.filterCode}>
          <input id="log-code" name="code" defaultValue={filter.code} inputMode="numeric" className={`${inputClass} w-44`} />
        </FilterField>
        <FilterField id="log-gateway" label={t.filterGateway}>
          <select id="log-gateway" name="gateway" defaultValue={filter.gateway} className={`${inputClass} w-48`}>
            <option value="">{t.allGateways}</option>
            <option value="card">{t.gateway_card}</option>
            <option value="cvs">{t.gateway_cvs}</option>
          </select>
        </FilterField>
      </FilterForm>
      <p className="text-sm text-stone-600">{fmt(t.logCount, { count: total })}</p>
      <Table
        data-testid="payment-log"
        rows={rows}
        rowKey={(r) => r.id}
        rowTestId="payment-log-row"
        empty={t.logEmpty}
        alignTop
        columns={[
          { header: t.logTime, className: "whitespace-nowrap", cell: (r) => formatDateTime(r.createdAt, locale) },
          { header: t.logGateway, cell: (r) => label(table, "gateway", r.gateway) },
          {
            header: t.logOrder,
            cell: (r) =>
              r.orderId ? (
                <Link href={`/admin/orders/${r.orderId}`} className="text-brand-700 underline">
                  #{r.orderId}
                </Link>
              ) : (
                "-"
              ),
          },
          { header: t.logCode, className: "font-mono", cell: (r) => r.transactionCode ?? "-" },
          { header: t.logOperate, className: "font-mono", cell: (r) => r.operateId },
          { header: t.logKind, cell: (r) => label(table, "kind", r.kind) },
          { header: t.logOutcome, cell: (r) => label(table, "outcome", r.outcome) },
          { header: t.logResponseCd, className: "font-mono", cell: (r) => r.responseCd ?? "-" },
          {
            header: t.logDetails,
            cell: (r) =>
              (r.request || r.response || r.detail) && (
                <DetailsPanel summary={t.logDetails}>
                  {r.detail && <p className="mt-1 whitespace-pre-wrap text-xs">{r.detail}</p>}
                  {r.durationMs !== null && (
                    <p className="text-xs text-stone-500">
                      {t.logDuration}: {r.durationMs} ms
                    </p>
                  )}
                  {r.request && <Payload title={t.logRequest} json={r.request} />}
                  {r.response && <Payload title={t.logResponse} json={r.response} />}
                </DetailsPanel>
              ),
          },
        ]}
      />
      <Pagination page={page} pages={pages} basePath="/admin/payments/log" params={{ order: filter.order, code: filter.code, gateway: filter.gateway }} labels={t} />
      <Panel title={t.rejectionsTitle}>
        <p className="mb-2 text-sm text-stone-600">{t.rejectionsIntro}</p>
        <Table
          data-testid="rejections"
          rows={rejections}
          rowKey={(r) => `${r.source}:${r.reason}`}
          rowTestId="rejection-row"
          empty={t.rejectionsEmpty}
          variant="plain"
          columns={[
            { header: t.rejectionsSource, cell: (r) => label(table, "source", r.source) },
            { header: t.rejectionsReason, className: "font-mono", testId: "rejection-reason", cell: (r) => r.reason },
            { header: t.rejectionsCount, align: "right", testId: "rejection-count", cell: (r) => r.count.toLocaleString(locale) },
            { header: t.rejectionsLast, className: "whitespace-nowrap", cell: (r) => formatDateTime(r.lastHour, locale) },
          ]}
        />
      </Panel>
    </div>
  );
}
