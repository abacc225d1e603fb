// The admin order page's 領収書 panel: every issue (how many times, when, by whom), void once the
// order is refunded or cancelled, and a download for the admin (recorded like any other issue).
import { receiptHref } from "@/components/receipts/receipt-panel";
import { buttonClass } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { Panel } from "@/components/ui/panel";
import { Table } from "@/components/ui/table";
import { fmt, type Dictionary, type Locale } from "@/lib/i18n";
import { MAX_ISSUES } from "@/lib/receipts/issue";
import type { ReceiptPanelData } from "@/lib/receipts/queries";
import { formatDateTime } from "@/lib/shop/dates";

export function AdminReceiptPanel({ orderId, data, dict, locale }: { orderId: number; data: ReceiptPanelData | null; dict: Dictionary; locale: Locale }) {
  if (!data) return null;
  const t = dict.receipts;
  const isVoid = !data.eligibility.ok && data.eligibility.reason === "void";
  const who = (by: string) => (by === "customer" ? t.byCustomer : by === "guest" ? t.byGuest : by);
  return (
    <Panel title={t.issuesTitle} titleId="receipt-issues-title" className="space-y-3 text-sm" data-testid="admin-receipt-panel">
      {/* Part of the page, not news: no alert role (the order page has its own alerts). */}
      {!data.configured && (
        <Notice tone="warning" variant="text" role={null}>
          {t.notConfigured}
        </Notice>
      )}
      {isVoid && data.issues.length > 0 && (
        <Notice tone="warning" variant="text" role={null} data-testid="receipt-void-note">
          {t.voidNote}
        </Notice>
      )}
      {data.receipt && (
        <div>
          <p>{fmt(t.fixedAddressee, { addressee: data.receipt.addressee })}</p>
          <p>{fmt(t.fixedPurpose, { purpose: data.receipt.purpose })}</p>
        </div>
      )}
      <Table
        variant="plain"
        rows={data.issues}
        rowKey={(r) => r.number}
        rowTestId="receipt-issue"
        empty={t.noIssues}
        columns={[
          { header: t.issueNumber, cell: (r) => r.number },
          { header: t.kind, cell: (r) => (isVoid ? `${r.number === 1 ? t.original : t.reissue}（${t.voided}）` : r.number === 1 ? t.original : t.reissue), testId: "receipt-issue-kind" },
          { header: t.issuedAt, cell: (r) => formatDateTime(r.issuedAt, locale) },
          { header: t.issuedBy, cell: (r) => who(r.issuedBy) },
        ]}
      />
      {data.issues.length > 0 && <p data-testid="receipt-count">{fmt(t.issuedCount, { count: data.issues.length })}</p>}
      {data.configured && data.eligibility.ok && data.issues.length < MAX_ISSUES && (
        <a href={receiptHref(orderId)} download className={buttonClass("secondary")} data-testid="receipt-download">
          {t.adminDownload}
        </a>
      )}
      {data.configured && !data.eligibility.ok && data.eligibility.reason === "unpaid" && <p className="text-stone-600">{t.notIssuable}</p>}
      {data.issues.length >= MAX_ISSUES && <p>{fmt(t.limitReached, { limit: MAX_ISSUES })}</p>}
    </Panel>
  );
}
