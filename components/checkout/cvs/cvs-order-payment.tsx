// 支払期日, the payment page and 未入金 / 入金済 / 期限切れ / 取消済み on the thank-you page and in
// My Account — for orders paid at a convenience store; renders nothing for other orders.
import { cvsStoreName } from "@/lib/escott";
import { formatYen, type Dictionary } from "@/lib/i18n";
import { cvsPaymentOfOrder } from "@/lib/payments/cvs/queries";
import { cvsDisplayStatus, formatPayLimit, type CvsDisplayStatus } from "@/lib/payments/cvs/status";
import { formatDateTime } from "@/lib/shop/dates";

export const STATUS_KEY: Record<CvsDisplayStatus, "statusUnpaid" | "statusPaid" | "statusExpired" | "statusCancelled" | "statusFailed"> = {
  unpaid: "statusUnpaid",
  paid: "statusPaid",
  expired: "statusExpired",
  cancelled: "statusCancelled",
  failed: "statusFailed",
};

export const STATUS_STYLE: Record<CvsDisplayStatus, string> = {
  unpaid: "bg-amber-100 text-amber-900",
  paid: "bg-emerald-100 text-emerald-900",
  expired: "bg-stone-200 text-stone-700",
  cancelled: "bg-stone-200 text-stone-700",
  failed: "bg-red-100 text-red-800",
};

export async function CvsOrderPayment({ orderId, dict, locale }: { orderId: number; dict: Dictionary; locale: "ja" | "en" }) {
  const payment = await cvsPaymentOfOrder(orderId);
  if (!payment) return null;
  const status = cvsDisplayStatus(payment);
  const t = dict.cvs;
  return (
    <section className="rounded-lg border border-stone-200 bg-white p-4" aria-labelledby="cvs-payment-title" data-testid="cvs-order-payment">
      <h2 id="cvs-payment-title" className="mb-3 font-bold">
        {t.infoTitle}
      </h2>
      <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
        <dt className="text-stone-500">{t.paymentStatus}</dt>
        <dd>
          <span className={`rounded px-2 py-0.5 text-xs font-semibold ${STATUS_STYLE[status]}`} data-testid="cvs-status">
            {t[STATUS_KEY[status]]}
          </span>
        </dd>
        <dt className="text-stone-500">{t.amount}</dt>
        <dd>{formatYen(dict, payment.amount)}</dd>
        {payment.payLimit && status !== "paid" && (
          <>
            <dt className="text-stone-500">{t.payLimit}</dt>
            <dd data-testid="cvs-pay-limit">{formatPayLimit(payment.payLimit)}</dd>
          </>
        )}
        {status === "unpaid" && payment.paymentUrl && (
          <>
            <dt className="text-stone-500">{t.paymentPage}</dt>
            <dd>
              <a href={payment.paymentUrl} className="font-semibold text-brand-700 underline" data-testid="cvs-payment-link">
                {t.openPaymentPage}
              </a>
              <p className="mt-1 text-xs text-stone-500">{t.unpaidHint}</p>
            </dd>
          </>
        )}
        {status === "expired" && <dd className="sm:col-span-2 text-stone-600">{t.expiredHint}</dd>}
        {status === "paid" && (
          <>
            {payment.paidAt && (
              <>
                <dt className="text-stone-500">{t.paidAt}</dt>
                <dd data-testid="cvs-paid-at">{formatDateTime(payment.paidAt, locale)}</dd>
              </>
            )}
            {payment.cvsCd && (
              <>
                <dt className="text-stone-500">{t.store}</dt>
                <dd data-testid="cvs-store">{cvsStoreName(payment.cvsCd)}</dd>
              </>
            )}
          </>
        )}
      </dl>
    </section>
  );
}
