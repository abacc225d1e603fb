import { formatYen, type Dictionary } from "@/lib/i18n";

export interface TotalsLike {
  subtotal: number;
  shippingFee: number;
  total: number;
  tax10: number;
  tax8: number;
  fees?: { name: string; amount: number }[];
  /** Yen refunded on a placed order (lib/orders/refunds.ts): shown with what remains when not zero. */
  refunded?: number;
}

export function TotalsTable({ totals, dict }: { totals: TotalsLike; dict: Dictionary }) {
  const row = "flex justify-between py-1";
  return (
    <dl className="divide-y divide-stone-200 text-sm" data-testid="totals">
      <div className={row}>
        <dt>{dict.cart.subtotal}</dt>
        <dd data-testid="subtotal">{formatYen(dict, totals.subtotal)}</dd>
      </div>
      <div className={row}>
        <dt>{dict.cart.shipping}</dt>
        <dd data-testid="shipping">{totals.shippingFee === 0 ? dict.cart.free : formatYen(dict, totals.shippingFee)}</dd>
      </div>
      {totals.fees?.map((f) => (
        <div key={f.name} className={row}>
          <dt>{f.name}</dt>
          <dd>{formatYen(dict, f.amount)}</dd>
        </div>
      ))}
      <div className={`${row} text-base font-bold`}>
        <dt>
          {dict.cart.total}
          <span className="text-xs font-normal text-stone-500">{dict.common.taxIncluded}</span>
        </dt>
        <dd data-testid="total">{formatYen(dict, totals.total)}</dd>
      </div>
      <div className={`${row} text-xs text-stone-500`}>
        <dt>{dict.cart.tax10}</dt>
        <dd>{formatYen(dict, totals.tax10)}</dd>
      </div>
      {totals.tax8 > 0 && (
        <div className={`${row} text-xs text-stone-500`}>
          <dt>{dict.cart.tax8}</dt>
          <dd>{formatYen(dict, totals.tax8)}</dd>
        </div>
      )}
      {!!totals.refunded && (
        <>
          <div className={row}>
            <dt>{dict.refund.refundedTotal}</dt>
            <dd data-testid="refunded">−{formatYen(dict, totals.refunded)}</dd>
          </div>
          <div className={`${row} font-bold`}>
            <dt>{dict.refund.remaining}</dt>
            <dd data-testid="remaining">{formatYen(dict, Math.max(0, totals.total - totals.refunded))}</dd>
          </div>
        </>
      )}
    </dl>
  );
}
