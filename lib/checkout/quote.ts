// What checkout shows the shopper before 注文する: the totals for each offered payment method (its
// fees included), computed on the server with the same computeTotals that placeOrder freezes, so the
// browser only picks the quote of the chosen method and never does price arithmetic.
import { computeTotals, type PricedLine, type ShippingRule, type Totals } from "@/lib/cart/totals";
import type { PaymentFee } from "@/lib/payments/registry";

export interface Quote extends Totals {
  fees: { name: string; amount: number }[];
}

export interface CheckoutQuotes {
  /** Before a payment method is chosen (no fees). */
  base: Quote;
  /** By payment method id. */
  byMethod: Record<string, Quote>;
}

export function quote(lines: PricedLine[], rule: ShippingRule, fees: PaymentFee[] = []): Quote {
  return { ...computeTotals(lines, rule, fees), fees: fees.map((f) => ({ name: f.name, amount: f.amount })) };
}

export function checkoutQuotes(lines: PricedLine[], rule: ShippingRule, methods: { id: string; fees: PaymentFee[] }[]): CheckoutQuotes {
  return { base: quote(lines, rule), byMethod: Object.fromEntries(methods.map((m) => [m.id, quote(lines, rule, m.fees)])) };
}
