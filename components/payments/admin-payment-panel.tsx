// The payment box of the admin order page, whatever the gateway: it asks the order's gateway for
// its view (facts, alerts, operations, history) and draws it with the shared parts.
import { Notice } from "@/components/ui/notice";
import { Panel } from "@/components/ui/panel";
import { Table } from "@/components/ui/table";
import { Facts, noticeTone } from "@/components/payments/facts";
import { PaymentOperations } from "@/components/payments/payment-operations";
import type { Locale } from "@/lib/i18n";
import "@/lib/payments/gateways";
import { findGateway, type OrderSummary } from "@/lib/payments/registry";
import type { HistoryView, Tone } from "@/lib/payments/views";

const ROW_TONE: Record<Tone, string> = { success: "text-emerald-800", warning: "text-amber-800", error: "text-accent-600", info: "", neutral: "" };

function History({ history }: { history: HistoryView }) {
  return (
    <div>
      <h3 className="mb-2 text-sm font-bold">{history.title}</h3>
      {history.note && <p className="mb-2 text-xs text-stone-500">{history.note}</p>}
      <div className="overflow-x-auto">
        <Table
          variant="plain"
          data-testid={history.testId}
          rowTestId={history.rowTestId}
          rows={history.rows}
          rowKey={(r) => r.id}
          empty={history.empty}
          columns={history.columns.map((header, i) => ({
            key: String(i),
            header,
            cell: (r: HistoryView["rows"][number]) => <span className={r.tone ? ROW_TONE[r.tone] : undefined}>{r.cells[i]}</span>,
            className: i === 0 ? "whitespace-nowrap pr-2" : "pr-2",
          }))}
        />
      </div>
    </div>
  );
}

export async function AdminPaymentPanel({ order, paymentMethod, locale }: { order: OrderSummary; paymentMethod: string | null; locale: Locale }) {
  const gateway = paymentMethod ? findGateway(paymentMethod) : undefined;
  const view = gateway ? await gateway.adminView(order, locale) : null;
  if (!gateway || !view) return null;
  return (
    <Panel title={view.title} titleId={`${view.testId}-title`} className="space-y-4" data-testid={view.testId}>
      {view.alerts.map((a) => (
        <Notice key={a.text} tone={noticeTone(a.tone)} data-testid={a.testId}>
          {a.text}
        </Notice>
      ))}
      {view.empty ? <p className="text-sm text-stone-600">{view.empty}</p> : <Facts facts={view.facts} />}
      {view.groups.map((g) => (
        <div key={g.title} className={g.tone === "success" ? "rounded-md bg-emerald-50 p-3" : "rounded-md bg-stone-50 p-3"}>
          <h3 className="mb-1 text-sm font-bold">{g.title}</h3>
          <Facts facts={g.facts} data-testid={g.testId} />
        </div>
      ))}
      {view.operations && (
        <div>
          <h3 className="mb-2 text-sm font-bold">{view.operations.title}</h3>
          <PaymentOperations
            orderId={order.id}
            gateway={gateway.id}
            testIdPrefix={view.testIdPrefix}
            expectedState={view.operations.expectedState}
            operations={view.operations.items}
            empty={view.operations.empty}
          />
        </div>
      )}
      {view.history && <History history={view.history} />}
      {view.earlier && (
        <div>
          <h3 className="mb-1 text-sm font-bold">{view.earlier.title}</h3>
          <ul className="text-sm text-stone-700">
            {view.earlier.items.map((item) => (
              <li key={item} className="font-mono">
                {item}
              </li>
            ))}
          </ul>
        </div>
      )}
    </Panel>
  );
}
