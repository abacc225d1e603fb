import { Pill } from "@/components/ui/pill";
import type { Dictionary } from "@/lib/i18n";
import { isOrderStatus } from "@/lib/orders/status";

const colors: Record<string, string> = {
  pending: "bg-amber-100 text-amber-900",
  "on-hold": "bg-orange-100 text-orange-900",
  processing: "bg-sky-100 text-sky-900",
  completed: "bg-emerald-100 text-emerald-900",
  cancelled: "bg-stone-200 text-stone-700",
  refunded: "bg-violet-100 text-violet-900",
  failed: "bg-red-100 text-red-900",
};

export function StatusBadge({ status, dict }: { status: string; dict: Dictionary }) {
  const label = isOrderStatus(status) ? dict.status[status] : status;
  return (
    <Pill className={colors[status] ?? "bg-stone-100"} data-testid="order-status" data-status={status}>
      {label}
    </Pill>
  );
}
