// The 領収書 on the customer's order pages (thank-you page with its key, My Account): the one-time
// addressee form, then the download link. Nothing at all for an order without a receipt.
import { AddresseeForm } from "@/components/receipts/addressee-form";
import { buttonClass } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { Panel } from "@/components/ui/panel";
import { fmt, type Dictionary } from "@/lib/i18n";
import { MAX_ISSUES } from "@/lib/receipts/issue";
import type { ReceiptPanelData } from "@/lib/receipts/queries";

export function receiptHref(orderId: number, accessKey?: string): string {
  return `/order/${orderId}/receipt${accessKey ? `?key=${encodeURIComponent(accessKey)}` : ""}`;
}

export function ReceiptPanel({ orderId, accessKey, data, dict }: { orderId: number; accessKey?: string; data: ReceiptPanelData | null; dict: Dictionary }) {
  if (!data || !data.configured || !data.eligibility.ok) return null;
  const t = dict.receipts;
  const count = data.issues.length;
  const fixed = data.receipt !== null || count > 0;
  return (
    <Panel title={t.title} titleId="receipt-title" className="space-y-3 text-sm" data-testid="receipt-panel">
      <p>{t.intro}</p>
      {t.documentLanguage && <p className="text-stone-600">{t.documentLanguage}</p>}
      {fixed ? (
        <div data-testid="receipt-fixed">
          <p>{fmt(t.fixedAddressee, { addressee: data.receipt?.addressee ?? data.billingName })}</p>
          <p>{fmt(t.fixedPurpose, { purpose: data.receipt?.purpose ?? "" })}</p>
        </div>
      ) : (
        <>
          <p className="text-stone-600">{t.addresseeOnce}</p>
          <AddresseeForm orderId={orderId} accessKey={accessKey} defaultAddressee={data.billingName} />
        </>
      )}
      {count >= MAX_ISSUES ? (
        <Notice tone="error" variant="text" role={null}>
          {fmt(t.limitReached, { limit: MAX_ISSUES })}
        </Notice>
      ) : (
        <a href={receiptHref(orderId, accessKey)} download className={buttonClass("primary")} data-testid="receipt-download">
          {t.download}
        </a>
      )}
      <p className="text-xs text-stone-500">
        {count > 0 && <span data-testid="receipt-count">{fmt(t.issuedCount, { count })} </span>}
        {t.reissueNote}
      </p>
    </Panel>
  );
}
