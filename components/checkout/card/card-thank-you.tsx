// The card part of the thank-you page: the conversion event once the card payment went
// through, and — when e-SCOTT's answer was lost — why the order still waits.
import { PurchaseEvent } from "@/components/checkout/card/purchase-event";
import type { Dictionary } from "@/lib/i18n";

interface OrderLike {
  id: number;
  total: number;
  currency: string;
  status: string;
  paymentMethod: string | null;
  attention: string | null;
}

export function CardThankYou({ order, dict }: { order: OrderLike; dict: Dictionary }) {
  if (order.paymentMethod !== "card") return null;
  const paid = order.status === "processing" || order.status === "completed";
  return (
    <>
      {order.attention?.startsWith("payment_unknown") && (
        <div role="status" data-testid="card-payment-unknown" className="rounded-md border border-amber-500 bg-amber-50 p-4 text-amber-900">
          {dict.payment.unknown}
        </div>
      )}
      {paid && <PurchaseEvent orderId={order.id} value={order.total} currency={order.currency} />}
    </>
  );
}
