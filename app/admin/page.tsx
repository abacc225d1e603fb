import Link from "next/link";
import { StatusBadge } from "@/components/order/status-badge";
import { PageHeader } from "@/components/ui/page-header";
import { Notice } from "@/components/ui/notice";
import { Panel } from "@/components/ui/panel";
import { Table } from "@/components/ui/table";
import { requireAdmin } from "@/lib/auth/session";
import { fmt } from "@/lib/i18n";
import { getDictionary } from "@/lib/i18n/server";
import { countByStatus } from "@/lib/orders/admin-queries";
import { ORDER_STATUSES } from "@/lib/orders/status";
import { db } from "@/lib/db";
import { cspReportSummary } from "@/lib/security/csp-reports";
import { ATTENTION } from "@/lib/orders/attention";
import { DECLINE_BURST, failedCardAttemptsLastHour } from "@/lib/payments/card/card-testing";
import { formatDateTime } from "@/lib/shop/dates";

export async function generateMetadata() {
  return { title: (await getDictionary()).dict.admin.dashboard };
}

export default async function AdminDashboard() {
  await requireAdmin("/admin");
  // Browsers' Content-Security-Policy violation reports of the last 24 h (PCI DSS 11.6.1).
  // A burst of failed card payments (card testing) and notifications whose amount differs (issue 10).
  const [{ dict, locale }, counts, csp, declines, mismatches] = await Promise.all([
    getDictionary(),
    countByStatus(),
    cspReportSummary(db()),
    failedCardAttemptsLastHour(db()),
    db().order.count({ where: { attention: ATTENTION.amountMismatch } }),
  ]);
  return (
    <div className="space-y-6">
      <PageHeader title={dict.admin.dashboard} />
      {declines >= DECLINE_BURST && (
        <Notice tone="error" as="div" className="space-y-1" data-testid="decline-burst">
          <p className="font-bold">{dict.admin.declineBurst}</p>
          <p>{fmt(dict.admin.declineBurstBody, { count: declines })}</p>
        </Notice>
      )}
      {mismatches > 0 && (
        <Notice tone="error" data-testid="amount-mismatch-alert">
          <Link href="/admin/orders" className="underline">
            {fmt(dict.admin.amountMismatchAlert, { count: mismatches })}
          </Link>
        </Notice>
      )}
      {csp.recent.length > 0 && (
        <Notice tone="error" as="div" className="space-y-2" data-testid="csp-alert">
          <p className="font-bold">{dict.admin.cspAlert}</p>
          <p>{fmt(dict.admin.cspAlertBody, { count: csp.total })}</p>
          <Table
            variant="plain"
            rows={csp.recent.slice(0, 10).map((r, i) => ({ ...r, i }))}
            rowKey={(r) => r.i}
            columns={[
              { header: dict.admin.cspReceived, cell: (r) => formatDateTime(r.lastSeenAt, locale) },
              { header: dict.admin.cspCount, cell: (r) => r.count, testId: "csp-count" },
              { header: dict.admin.cspBlocked, cell: (r) => <span className="break-all">{r.blockedUri || "—"}</span>, testId: "csp-blocked" },
              { header: dict.admin.cspPage, cell: (r) => <span className="break-all">{r.documentUrl}</span>, testId: "csp-page" },
              { header: dict.admin.cspDirective, cell: (r) => r.directive },
            ]}
          />
        </Notice>
      )}
      <Panel title={dict.admin.stats}>
        <ul className="grid grid-cols-2 gap-3 sm:grid-cols-4">
          {ORDER_STATUSES.map((s) => (
            <li key={s}>
              <Link href={`/admin/orders?status=${s}`} className="block rounded border border-stone-200 p-3 hover:bg-stone-50">
                <StatusBadge status={s} dict={dict} />
                <span className="mt-2 block text-2xl font-bold">{counts[s]}</span>
              </Link>
            </li>
          ))}
        </ul>
      </Panel>
    </div>
  );
}
