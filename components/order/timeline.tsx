import { Panel } from "@/components/ui/panel";
import { type Dictionary, type Locale } from "@/lib/i18n";
import { isOrderStatus } from "@/lib/orders/status";
import { formatDateTime } from "@/lib/shop/dates";

interface Note {
  id: string;
  createdAt: Date;
  kind: string;
  fromStatus: string | null;
  toStatus: string | null;
  message: string;
  customerVisible: boolean;
  author: string;
}

/** The order's history. Customers see only notes marked for them; admins see everything. */
export function Timeline({ notes, dict, locale, audience }: { notes: Note[]; dict: Dictionary; locale: Locale; audience: "customer" | "admin" }) {
  const shown = audience === "admin" ? notes : notes.filter((n) => n.customerVisible);
  const statusLabel = (s: string | null) => (s && isOrderStatus(s) ? dict.status[s] : s ?? "");
  return (
    <Panel title={dict.order.timeline} titleId="timeline-title">
      <ol className="space-y-3 border-l-2 border-stone-200 pl-4" data-testid="timeline">
        {shown.map((n) => (
          <li key={n.id} className="text-sm" data-testid="timeline-entry">
            <p className="text-xs text-stone-500">
              {formatDateTime(n.createdAt, locale)}
              {audience === "admin" && (
                <>
                  {" · "}
                  {n.author === "system" ? dict.admin.system : n.author}
                  {" · "}
                  {n.customerVisible ? dict.admin.shownToCustomer : dict.admin.internal}
                </>
              )}
            </p>
            {n.kind === "status" && n.toStatus && (
              <p className="font-medium">
                {n.fromStatus ? `${statusLabel(n.fromStatus)} → ` : ""}
                {statusLabel(n.toStatus)}
              </p>
            )}
            <p className="whitespace-pre-line">{n.message}</p>
          </li>
        ))}
      </ol>
    </Panel>
  );
}
