import Link from "next/link";
import { requireAdmin } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { fmt } from "@/lib/i18n";
import { getDictionary } from "@/lib/i18n/server";
import { listPaymentLog } from "@/lib/payments/card/payment-log-query";
import { formatDateTime } from "@/lib/shop/dates";
import { inputClass } from "@/components/ui/field";

export async function generateMetadata() {
  return { title: (await getDictionary()).dict.card.logTitle };
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

export default async function PaymentLogPage({ searchParams }: PageProps<"/admin/payments/log">) {
  await requireAdmin("/admin/payments/log");
  const [{ locale, dict }, query] = await Promise.all([getDictionary(), searchParams]);
  const str = (v: string | string[] | undefined) => (typeof v === "string" ? v : "");
  const filter = { order: str(query.order), code: str(query.code), gateway: str(query.gateway), page: Number(str(query.page)) || 1 };
  const { rows, total, page, pages } = await listPaymentLog(db(), filter);
  const t = dict.card;
  const table = t as unknown as Record<string, string>;
  const pageHref = (n: number) => `/admin/payments/log?${new URLSearchParams({ ...filter, page: String(n) })}`;

  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t.logTitle}</h1>
      <p className="text-sm text-stone-600">{t.logIntro}</p>
      <form className="flex flex-wrap items-end gap-3 rounded-lg border border-stone-200 bg-white p-4" data-testid="log-filter">
        <div>
          <label htmlFor="log-order" className="mb-1 block text-sm">
            {t.filterOrder}
          </label>
          <input id="log-order" name="order" defaultValue={filter.order} inputMode="numeric" className={`${inputClass} w-32`} />
        </div>
        <div>
          <label htmlFor="log-code" className="mb-1 block text-sm">
            {t.filterCode}
          </label>
          <input id="log-code" name="code" defaultValue={filter.code} inputMode="numeric" className={`${inputClass} w-44`} />
        </div>
        <div>
          <label htmlFor="log-gateway" className="mb-1 block text-sm">
            {t.filterGateway}
          </label>
          <select id="log-gateway" name="gateway" defaultValue={filter.gateway} className={`${inputClass} w-48`}>
            <option value="">{t.allGateways}</option>
            <option value="card">{t.gateway_card}</option>
            <option value="cvs">{t.gateway_cvs}</option>
          </select>
        </div>
        <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800">
          {t.filter}
        </button>
      </form>
      <p className="text-sm text-stone-600">{fmt(t.logCount, { count: total })}</p>
      {rows.length === 0 ? (
        <p className="rounded-lg border border-stone-200 bg-white p-4">{t.logEmpty}</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white">
          <table className="w-full text-sm" data-testid="payment-log">
            <thead className="bg-stone-50 text-left text-stone-500">
              <tr>
                <th className="px-2 py-2 font-normal">{t.logTime}</th>
                <th className="px-2 py-2 font-normal">{t.logGateway}</th>
                <th className="px-2 py-2 font-normal">{t.logOrder}</th>
                <th className="px-2 py-2 font-normal">{t.logCode}</th>
                <th className="px-2 py-2 font-normal">{t.logOperate}</th>
                <th className="px-2 py-2 font-normal">{t.logKind}</th>
                <th className="px-2 py-2 font-normal">{t.logOutcome}</th>
                <th className="px-2 py-2 font-normal">{t.logResponseCd}</th>
                <th className="px-2 py-2 font-normal">{t.logDetails}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-100 align-top">
              {rows.map((r) => (
                <tr key={r.id} data-testid="payment-log-row">
                  <td className="whitespace-nowrap px-2 py-2">{formatDateTime(r.createdAt, locale)}</td>
                  <td className="px-2 py-2">{label(table, "gateway", r.gateway)}</td>
                  <td className="px-2 py-2">{r.orderId ? <Link href={`/admin/orders/${r.orderId}`} className="text-brand-700 underline">#{r.orderId}</Link> : "-"}</td>
                  <td className="px-2 py-2 font-mono">{r.transactionCode ?? "-"}</td>
                  <td className="px-2 py-2 font-mono">{r.operateId}</td>
                  <td className="px-2 py-2">{label(table, "kind", r.kind)}</td>
                  <td className="px-2 py-2">{label(table, "outcome", r.outcome)}</td>
                  <td className="px-2 py-2 font-mono">{r.responseCd ?? "-"}</td>
                  <td className="px-2 py-2">
                    {(r.request || r.response || r.detail) && (
                      <details>
                        <summary className="cursor-pointer text-brand-700">{t.logDetails}</summary>
                        {r.detail && <p className="mt-1 whitespace-pre-wrap text-xs">{r.detail}</p>}
                        {r.durationMs !== null && <p className="text-xs text-stone-500">{t.logDuration}: {r.durationMs} ms</p>}
                        {r.request && (
                          <>
                            <p className="mt-1 text-xs font-medium">{t.logRequest}</p>
                            <pre className="max-w-md overflow-x-auto rounded bg-stone-50 p-2 text-xs">{pretty(r.request)}</pre>
                          </>
                        )}
                        {r.response && (
                          <>
                            <p className="mt-1 text-xs font-medium">{t.logResponse}</p>
                            <pre className="max-w-md overflow-x-auto rounded bg-stone-50 p-2 text-xs">{pretty(r.response)}</pre>
                          </>
                        )}
                      </details>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {pages > 1 && (
        <nav className="flex gap-3 text-sm">
          {page > 1 && <Link href={pageHref(page - 1)} className="text-brand-700 underline">{t.previous}</Link>}
          <span>
            {page} / {pages}
          </span>
          {page < pages && <Link href={pageHref(page + 1)} className="text-brand-700 underline">{t.next}</Link>}
        </nav>
      )}
    </div>
  );
}
