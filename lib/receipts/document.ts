// What a 領収書 (適格簡易請求書) says, computed from the order as stored: its lines with the reduced
// rate marked, and the amount and consumption tax per rate, rounded once per rate per document
// (the 適格請求書 rule; the same arithmetic as lib/cart/totals.ts, so it matches order.tax10/tax8).
// This is the one place a receipt's totals are computed, refunds (返金, lib/orders/refunds.ts) included:
// after a partial refund the receipt states what was finally received.
import { includedTax, type TaxRate } from "@/lib/cart/totals";

export interface ReceiptSourceOrder {
  items: { name: string; unitPrice: number; quantity: number; taxRate: number }[];
  shippingFee: number;
  fees: { name: string; amount: number; taxRate: number }[];
  /** Partial refunds of the sale (a fully refunded order gets no receipt at all). */
  refunds?: { amount: number; createdAt: Date }[];
}

export interface ReceiptLine {
  name: string;
  unitPrice: number;
  quantity: number;
  amount: number;
  taxRate: TaxRate;
}

export interface RateTotal {
  rate: TaxRate;
  /** Tax-inclusive amount at this rate (税込対象額). */
  amount: number;
  /** Consumption tax contained in it, rounded down once for the whole document. */
  tax: number;
}

export interface ReceiptTotals {
  lines: ReceiptLine[];
  /** Refunds, printed as negative lines below the goods. */
  refunds: { amount: number; createdAt: Date }[];
  /** What was received: the lines less the refunds. */
  total: number;
  /** 10% first, then 8%; a rate with nothing at it is left out. */
  byRate: RateTotal[];
}

/** The label the 送料 line carries on the document (shipping is standard-rated). */
export const SHIPPING_LINE = "送料";

function rateOf(taxRate: number): TaxRate {
  if (taxRate !== 8 && taxRate !== 10) throw new Error(`Unsupported tax rate ${taxRate}`);
  return taxRate;
}

export function receiptTotals(order: ReceiptSourceOrder): ReceiptTotals {
  const lines: ReceiptLine[] = order.items.map((i) => ({ name: i.name, unitPrice: i.unitPrice, quantity: i.quantity, amount: i.unitPrice * i.quantity, taxRate: rateOf(i.taxRate) }));
  if (order.shippingFee > 0) lines.push({ name: SHIPPING_LINE, unitPrice: order.shippingFee, quantity: 1, amount: order.shippingFee, taxRate: 10 });
  for (const f of order.fees) lines.push({ name: f.name, unitPrice: f.amount, quantity: 1, amount: f.amount, taxRate: rateOf(f.taxRate) });

  const gross = new Map<TaxRate, number>();
  for (const l of lines) gross.set(l.taxRate, (gross.get(l.taxRate) ?? 0) + l.amount);
  const refunds = order.refunds ?? [];
  const refunded = Math.min(refunds.reduce((n, r) => n + r.amount, 0), [...gross.values()].reduce((a, b) => a + b, 0));
  const net = spreadRefund(gross, refunded);

  const byRate: RateTotal[] = [];
  for (const rate of [10, 8] as const) {
    if (!gross.has(rate)) continue;
    const amount = net.get(rate) ?? 0;
    byRate.push({ rate, amount, tax: includedTax(amount, rate) });
  }
  return { lines, refunds, total: byRate.reduce((n, r) => n + r.amount, 0), byRate };
}

/**
 * A refund is an amount, not goods, so it is spread over the rates in proportion to what each
 * rate held (the reduced rate's share rounded down, the rest standard-rated); the tax per rate is
 * then computed once on what remains at each rate.
 */
function spreadRefund(gross: Map<TaxRate, number>, refunded: number): Map<TaxRate, number> {
  const total = [...gross.values()].reduce((a, b) => a + b, 0);
  if (refunded <= 0 || total <= 0) return new Map(gross);
  const reduced = gross.get(8) ?? 0;
  const fromReduced = Math.min(reduced, Math.floor((refunded * reduced) / total));
  const fromStandard = refunded - fromReduced;
  const net = new Map<TaxRate, number>();
  if (gross.has(10)) net.set(10, (gross.get(10) ?? 0) - fromStandard);
  if (gross.has(8)) net.set(8, reduced - fromReduced - (gross.has(10) ? 0 : fromStandard));
  return net;
}
