// Prices are tax-inclusive (税込) integer yen. The consumption tax contained in a total is
// computed once per rate over the whole order (invoice rule: one rounding per rate), rounded down.

export type TaxRate = 8 | 10;

export interface PricedLine {
  unitPrice: number;
  taxRate: number;
  quantity: number;
}

export interface FeeLine {
  amount: number;
  taxRate: number;
}

export interface ShippingRule {
  flatFee: number;
  /** Orders whose item subtotal reaches this amount ship free. */
  freeThreshold: number;
  /** Added to every non-empty order, free shipping or not (a remote island's relay charge). */
  surcharge?: number;
}

export interface Totals {
  itemCount: number;
  subtotal: number;
  shippingFee: number;
  feeTotal: number;
  total: number;
  /** Consumption tax contained in the 10% part (items, shipping, fees). */
  tax10: number;
  /** Consumption tax contained in the 8% (reduced rate) part. */
  tax8: number;
}

export function includedTax(amountInclusive: number, rate: number): number {
  return Math.floor((amountInclusive * rate) / (100 + rate));
}

export function shippingFeeFor(subtotal: number, itemCount: number, rule: ShippingRule): number {
  if (itemCount === 0) return 0;
  return (subtotal >= rule.freeThreshold ? 0 : rule.flatFee) + (rule.surcharge ?? 0);
}

export function computeTotals(lines: PricedLine[], rule: ShippingRule, fees: FeeLine[] = []): Totals {
  for (const l of lines) {
    if (!Number.isInteger(l.unitPrice) || !Number.isInteger(l.quantity) || l.quantity < 0 || l.unitPrice < 0) {
      throw new Error("Prices and quantities must be non-negative integers");
    }
    if (l.taxRate !== 8 && l.taxRate !== 10) throw new Error(`Unsupported tax rate ${l.taxRate}`);
  }
  const itemCount = lines.reduce((n, l) => n + l.quantity, 0);
  const subtotal = lines.reduce((n, l) => n + l.unitPrice * l.quantity, 0);
  const shippingFee = shippingFeeFor(subtotal, itemCount, rule);
  const feeTotal = fees.reduce((n, f) => n + f.amount, 0);

  // Shipping and fees are standard-rated (10%).
  const at10 =
    lines.filter((l) => l.taxRate === 10).reduce((n, l) => n + l.unitPrice * l.quantity, 0) +
    shippingFee +
    fees.filter((f) => f.taxRate !== 8).reduce((n, f) => n + f.amount, 0);
  const at8 =
    lines.filter((l) => l.taxRate === 8).reduce((n, l) => n + l.unitPrice * l.quantity, 0) +
    fees.filter((f) => f.taxRate === 8).reduce((n, f) => n + f.amount, 0);

  return {
    itemCount,
    subtotal,
    shippingFee,
    feeTotal,
    total: subtotal + shippingFee + feeTotal,
    tax10: includedTax(at10, 10),
    tax8: includedTax(at8, 8),
  };
}
