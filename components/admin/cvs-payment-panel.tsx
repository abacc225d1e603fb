// The admin order page's オンライン収納代行 box: the registration (決済コード, 支払期日, amount,
// payment URL), the money received, the operations and the call/notification history.
import { CvsOperationForms } from "@/app/admin/payments/cvs/operation-forms";
import { STATUS_KEY, STATUS_STYLE } from "@/components/checkout/cvs/cvs-order-payment";
import { adminText, cvsStoreName } from "@/lib/escott";
import { formatYen } from "@/lib/i18n";
import { getDictionary } from "@/lib/i18n/server";
import { cvsHistoryOfOrder, cvsPaymentOfOrder } from "@/lib/payments/cvs/queries";
import { PAID_AFTER_CANCEL } from "@/lib/payments/cvs/receipt";
import { cvsDisplayStatus, formatNyukinDate, formatPayLimit } from "@/lib/payments/cvs/status";
import { formatDateTime } from "@/lib/shop/dates";

const OUTCOME_STYLE: Record<string, string> = {
  ok: "text-emerald-800",
  duplicate: "text-amber-800",
  rejected: "text-accent-600",
  error: "text-accent-600",
};

export async function CvsPaymentPanel({ orderId, attention }: { orderId: number; attention: string | null }) {
  const [{ locale, dict }, payment, history] = await Promise.all([getDictionary(), cvsPaymentOfOrder(orderId), cvsHistoryOfOrder(orderId)]);
  const t = dict.cvs;
  const status = payment ? cvsDisplayStatus(payment) : null;
  const receipt = payment?.receipts[0];
  const row = (label: string, value: React.ReactNode, testId?: string) => (
    <>
      <dt className="text-stone-500">{label}</dt>
      <dd data-testid={testId} className="break-all">
        {value}
      </dd>
    </>
  );
  const limitDate = payment?.payLimit ? `${payment.payLimit.slice(0, 4)}-${payment.payLimit.slice(4, 6)}-${payment.payLimit.slice(6, 8)}` : "";

  return (
    <section className="space-y-4 rounded-lg border border-stone-200 bg-white p-4" aria-labelledby="cvs-panel-title" data-testid="cvs-panel">
      <h2 id="cvs-panel-title" className="font-bold">
        {t.panelTitle}
      </h2>
      {attention === PAID_AFTER_CANCEL && (
        <p role="alert" className="rounded-md border border-accent-600 bg-red-50 p-3 text-sm text-accent-600" data-testid="cvs-attention">
          {t.attentionPaidAfterCancel}
        </p>
      )}
      {!payment || !status ? (
        <p className="text-sm text-stone-600">{t.noRegistration}</p>
      ) : (
        <>
          <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
            {row(
              t.paymentStatus,
              <span className={`rounded px-2 py-0.5 text-xs font-semibold ${STATUS_STYLE[status]}`}>{t[STATUS_KEY[status]]}</span>,
              "cvs-admin-status",
            )}
            {row(t.transactionCode, payment.transactionCode, "cvs-transaction-code")}
            {payment.kessaiNumber && row(t.kessaiNumber, payment.kessaiNumber)}
            {payment.payLimit && row(t.payLimit, formatPayLimit(payment.payLimit), "cvs-admin-pay-limit")}
            {row(t.amount, formatYen(dict, payment.amount), "cvs-admin-amount")}
            {payment.paymentUrl &&
              row(
                t.paymentUrl,
                <a href={payment.paymentUrl} className="text-brand-700 underline" target="_blank" rel="noreferrer">
                  {payment.paymentUrl}
                </a>,
              )}
          </dl>
          {receipt && (
            <div className="rounded-md bg-emerald-50 p-3">
              <h3 className="mb-1 text-sm font-bold">{t.receipt}</h3>
              <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm" data-testid="cvs-receipt">
                {row(t.recvNum, receipt.recvNum, "cvs-recvnum")}
                {row(t.paidAt, formatNyukinDate(receipt.nyukinDate))}
                {receipt.cvsCd && row(t.store, cvsStoreName(receipt.cvsCd), "cvs-receipt-store")}
                {row(t.amount, formatYen(dict, receipt.amount))}
                {row(t.receiptSource, receipt.source === "inquiry" ? t.sourceInquiry : t.sourceNotification)}
              </dl>
            </div>
          )}
          <CvsOperationForms orderId={orderId} unpaid={payment.state === "unpaid"} payLimitDate={limitDate} amount={payment.amount} />
        </>
      )}
      <div>
        <h3 className="mb-2 text-sm font-bold">{t.history}</h3>
        {history.length === 0 ? (
          <p className="text-sm text-stone-600">{t.historyEmpty}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-xs" data-testid="cvs-history">
              <thead className="text-left text-stone-500">
                <tr>
                  <th className="py-1 pr-2 font-normal">{t.historyDate}</th>
                  <th className="py-1 pr-2 font-normal">{t.historyOperation}</th>
                  <th className="py-1 pr-2 font-normal">{t.historyResult}</th>
                  <th className="py-1 font-normal">{t.historyDetail}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-stone-100">
                {history.map((h) => (
                  <tr key={h.id} data-testid="cvs-history-row">
                    <td className="whitespace-nowrap py-1 pr-2">{formatDateTime(h.createdAt, locale)}</td>
                    <td className="py-1 pr-2">
                      {h.operateId}
                      {h.kind === "notification" ? ` (${t.sourceNotification})` : ""}
                    </td>
                    <td className={`py-1 pr-2 font-semibold ${OUTCOME_STYLE[h.outcome] ?? ""}`}>
                      {h.outcome}
                      {h.responseCd ? ` ${h.responseCd}` : ""}
                    </td>
                    <td className="py-1 text-stone-600">{h.detail ?? (h.responseCd && h.responseCd !== "OK" ? adminText(h.responseCd.split("|")) : "")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
    </section>
  );
}
