"use client";
// 最終確認画面 (特定商取引法 第12条の6, 2022): right above 注文する, on every screen size, the shopper sees
// what they buy and how many, what they pay in total, how and when they pay, when it arrives, and
// the returns/cancellation terms, with a link to the merchant's full legal notice.
import Link from "next/link";
import { useI18n } from "@/components/i18n-provider";
import { TotalsTable } from "@/components/order/totals-table";
import { cx } from "@/components/ui/cx";
import { panelClass } from "@/components/ui/panel";
import type { Quote } from "@/lib/checkout/quote";
import { fmt, formatYen } from "@/lib/i18n";
import type { CheckoutTerms } from "@/lib/shop/legal-terms";

export interface ConfirmationLine {
  id: string;
  name: string;
  quantity: number;
  lineTotal: number;
  reduced: boolean;
}

export function FinalConfirmation({
  lines,
  quote,
  methodTitle,
  terms,
  deliveryChoice,
}: {
  lines: ConfirmationLine[];
  quote: Quote;
  methodTitle: string | null;
  terms: CheckoutTerms;
  /** The delivery date/slot the shopper chose, when the shop offers the choice. */
  deliveryChoice?: string | null;
}) {
  const { dict } = useI18n();
  const c = dict.shop.confirm;
  const row = "grid gap-1 py-2 sm:grid-cols-[10rem_1fr]";
  const term = (text: string | null) => text ?? c.missingTerm;
  return (
    <section aria-labelledby="final-confirmation-title" data-testid="final-confirmation" className={cx("space-y-3", panelClass)}>
      <h2 id="final-confirmation-title" className="text-lg font-bold">
        {c.title}
      </h2>
      <p className="text-sm text-stone-600">{c.intro}</p>
      <dl className="divide-y divide-stone-200 text-sm">
        <div className={row} data-testid="confirm-items">
          <dt className="font-medium">{c.items}</dt>
          <dd>
            <ul className="space-y-1">
              {lines.map((l) => (
                <li key={l.id} className="flex justify-between gap-2">
                  <span>
                    {l.name} <span data-testid="confirm-quantity">{fmt(c.quantity, { count: l.quantity })}</span>
                    {l.reduced && <span className="ml-1 text-xs text-stone-500">※</span>}
                  </span>
                  <span>{formatYen(dict, l.lineTotal)}</span>
                </li>
              ))}
            </ul>
          </dd>
        </div>
        <div className={row} data-testid="confirm-totals">
          <dt className="font-medium">{c.totals}</dt>
          <dd>
            <TotalsTable totals={quote} dict={dict} />
            {lines.some((l) => l.reduced) && <p className="text-xs text-stone-500">※{dict.product.reducedRate}</p>}
          </dd>
        </div>
        <div className={row} data-testid="confirm-payment">
          <dt className="font-medium">{c.paymentMethod}</dt>
          <dd>{methodTitle ?? c.noMethod}</dd>
        </div>
        <div className={row} data-testid="confirm-payment-timing">
          <dt className="font-medium">{c.paymentTiming}</dt>
          <dd>{term(terms.paymentTiming)}</dd>
        </div>
        <div className={row} data-testid="confirm-delivery">
          <dt className="font-medium">{c.delivery}</dt>
          <dd>
            {term(terms.delivery)}
            {deliveryChoice && (
              <span className="mt-1 block" data-testid="confirm-delivery-choice">
                {c.deliveryChosen}: {deliveryChoice}
              </span>
            )}
          </dd>
        </div>
        <div className={row} data-testid="confirm-returns">
          <dt className="font-medium">{c.returns}</dt>
          <dd>{term(terms.returns)}</dd>
        </div>
      </dl>
      <p className="text-sm">
        <Link href="/legal/tokushoho" target="_blank" rel="noopener" className="text-accent-600 underline" data-testid="confirm-legal-link">
          {c.legalLink}
        </Link>
      </p>
    </section>
  );
}
