// 「クレジットカード決済」 on the admin order page: 決済日時, 決済コード, 3D認証結果, 支払回数,
// e-SCOTT status, the operation history and the operations the state allows.
import { CardOperationForms } from "@/components/admin/card-operation-forms";
import { db } from "@/lib/db";
import { isPayType, payTypeLabel } from "@/lib/escott/installments";
import { fmt, formatYen, type Dictionary, type Locale } from "@/lib/i18n";
import { gatewaySettings } from "@/lib/payments/escott-client";
import { cardPanel } from "@/lib/payments/card/panel";
import { CARD_STATES, type CardPaymentState } from "@/lib/payments/state";
import { formatDateTime } from "@/lib/shop/dates";

function stateLabel(dict: Dictionary, state: string): string {
  return (CARD_STATES as readonly string[]).includes(state) ? dict.card[`state_${state as CardPaymentState}`] : state;
}

export async function CardPaymentPanel({ orderId, dict, locale }: { orderId: number; dict: Dictionary; locale: Locale }) {
  const [panel, settings] = await Promise.all([cardPanel(db(), orderId, new Date()), gatewaySettings("card")]);
  if (!panel) return null;
  const p = panel.payment;
  const t = dict.card;
  return (
    <section className="space-y-4 rounded-lg border border-stone-200 bg-white p-4" aria-labelledby="card-panel-title" data-testid="card-payment-panel">
      <h2 id="card-panel-title" className="font-bold">
        {t.panelTitle}
      </h2>
      <dl className="grid grid-cols-2 gap-3 text-sm sm:grid-cols-3">
        <div>
          <dt className="text-stone-500">{t.paymentStatus}</dt>
          <dd className="font-semibold" data-testid="card-payment-state">
            {stateLabel(dict, p.state)}
          </dd>
        </div>
        <div>
          <dt className="text-stone-500">{t.paidAt}</dt>
          <dd>{p.paidAt ? formatDateTime(p.paidAt, locale) : "-"}</dd>
        </div>
        <div>
          <dt className="text-stone-500">{t.transactionCode}</dt>
          <dd className="font-mono" data-testid="card-transaction-code">
            {p.transactionCode}
          </dd>
        </div>
        <div>
          <dt className="text-stone-500">{t.amount}</dt>
          <dd>{formatYen(dict, p.amount)}</dd>
        </div>
        <div>
          <dt className="text-stone-500">{t.payTypeLabel}</dt>
          <dd data-testid="card-pay-type">{p.payType && isPayType(p.payType) ? payTypeLabel(p.payType, locale) : "-"}</dd>
        </div>
        {p.secureResultCode !== null && (
          <div>
            <dt className="text-stone-500">{t.secureResult}</dt>
            <dd data-testid="card-secure-result">{p.secureResultCode}</dd>
          </div>
        )}
        {p.agreement && (
          <div>
            <dt className="text-stone-500">{t.agreement}</dt>
            <dd>{t.agreed}</dd>
          </div>
        )}
        {p.memberUsed && (
          <div>
            <dt className="text-stone-500">{t.memberUsed}</dt>
            <dd>✓</dd>
          </div>
        )}
      </dl>

      {panel.needsResolution && (
        <p role="alert" className="rounded-md border border-amber-500 bg-amber-50 p-3 text-sm text-amber-900" data-testid="card-needs-resolution">
          {fmt(panel.needsResolution === "unknown" ? t.unknownHelp : t.staleHelp, { code: p.transactionCode })}
        </p>
      )}
      {panel.expired && <p className="rounded-md bg-stone-100 p-3 text-sm text-stone-700" data-testid="card-expired">{t.expiredWindow}</p>}

      <div>
        <h3 className="mb-2 text-sm font-bold">{t.operations}</h3>
        <CardOperationForms orderId={orderId} state={p.state} operations={panel.operations} amount={p.amount} />
      </div>

      <div>
        <h3 className="mb-2 text-sm font-bold">{t.history}</h3>
        {!settings.saveLog && <p className="mb-2 text-xs text-stone-500">{t.historyLogOff}</p>}
        {panel.history.length === 0 ? (
          <p className="text-sm text-stone-600">{t.historyEmpty}</p>
        ) : (
          <table className="w-full text-sm" data-testid="card-history">
            <thead className="text-left text-stone-500">
              <tr>
                <th className="py-1 font-normal">{t.historyTime}</th>
                <th className="py-1 font-normal">{t.historyOperate}</th>
                <th className="py-1 font-normal">{t.historyTransactionId}</th>
                <th className="py-1 font-normal">{t.historyResult}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-100">
              {panel.history.map((h) => (
                <tr key={h.id} data-testid="card-history-row">
                  <td className="py-1">{formatDateTime(h.at, locale)}</td>
                  <td className="py-1 font-mono">{h.operateId}</td>
                  <td className="py-1 font-mono">{h.transactionId ?? "-"}</td>
                  <td className="py-1 font-mono">{h.responseCd ?? h.outcome}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>

      {panel.earlier.length > 0 && (
        <div>
          <h3 className="mb-1 text-sm font-bold">{t.earlierAttempts}</h3>
          <ul className="text-sm text-stone-700">
            {panel.earlier.map((e) => (
              <li key={e.id} className="font-mono">
                {e.transactionCode} · {stateLabel(dict, e.state)} · {e.lastCodes ?? "-"}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
