// What a 領収書 (適格簡易請求書) says, computed from the order as stored: its lines with the reduced
// rate marked, and the amount and consumption tax per rate, rounded once per rate per document
// (the 適格請求書 rule; the same arithmetic as lib/cart/totals.ts, so it matches order.tax10/tax8).
// This is the one place a receipt's totals are computed: refunds are to be subtracted here.
import { includedTax, type TaxRate } from "@/lib/cart/totals";

export interface ReceiptSourceOrder {
  items: { name: string; unitPrice: number; quantity: number; taxRate: number }[];
  shippingFee: number;
  fees: { name: string; amount: number; taxRate: number }[];
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

  const byRate: RateTotal[] = [];
  for (const rate of [10, 8] as const) {
    const at = lines.filter((l) => l.taxRate === rate);
    if (at.length === 0) continue;
    const amount = at.reduce((n, l) => n + l.amount, 0);
    byRate.push({ rate, amount, tax: includedTax(amount, rate) });
  }
  return { lines, total: lines.reduce((n, l) => n + l.amount, 0), byRate };
}
