import { describe, expect, it } from "vitest";
import { computeTotals } from "@/lib/cart/totals";
import { receiptTotals, SHIPPING_LINE } from "@/lib/receipts/document";

const item = (unitPrice: number, quantity: number, taxRate: 8 | 10, name = "品") => ({ name, unitPrice, quantity, taxRate });

describe("receiptTotals", () => {
  it("sums each rate and rounds its tax once for the document, not per line", () => {
    // Three 8% lines of 105 yen contain 7.77… yen each: rounded per line that is 21 yen, rounded
    // once over the rate's 315 yen it is 23.
    const t = receiptTotals({ items: [item(105, 1, 8, "a"), item(105, 1, 8, "b"), item(105, 1, 8, "c"), item(1100, 2, 10, "d")], shippingFee: 0, fees: [] });
    expect(t.byRate).toEqual([
      { rate: 10, amount: 2200, tax: 200 },
      { rate: 8, amount: 315, tax: 23 },
    ]);
    expect(t.total).toBe(2515);
  });

  it("puts shipping and fees at their rate and lists them as lines", () => {
    const t = receiptTotals({ items: [item(540, 1, 8)], shippingFee: 800, fees: [{ name: "コンビニ決済手数料", amount: 330, taxRate: 10 }] });
    expect(t.lines.map((l) => [l.name, l.amount, l.taxRate])).toEqual([
      ["品", 540, 8],
      [SHIPPING_LINE, 800, 10],
      ["コンビニ決済手数料", 330, 10],
    ]);
    expect(t.byRate).toEqual([
      { rate: 10, amount: 1130, tax: 102 },
      { rate: 8, amount: 540, tax: 40 },
    ]);
    expect(t.total).toBe(1670);
  });

  it("leaves out a rate with nothing at it", () => {
    expect(receiptTotals({ items: [item(1000, 3, 10)], shippingFee: 0, fees: [] }).byRate).toEqual([{ rate: 10, amount: 3000, tax: 272 }]);
  });

  it("agrees with the checkout's totals (what the order stored as tax10/tax8)", () => {
    const items = [item(1296, 2, 8), item(3300, 1, 10), item(77, 7, 8)];
    const fees = [{ name: "手数料", amount: 220, taxRate: 10 }];
    const order = computeTotals(items, { flatFee: 880, freeThreshold: 10000 }, [{ amount: 220, taxRate: 10 }]);
    const t = receiptTotals({ items, shippingFee: order.shippingFee, fees });
    expect(t.total).toBe(order.total);
    expect(t.byRate.find((r) => r.rate === 10)?.tax).toBe(order.tax10);
    expect(t.byRate.find((r) => r.rate === 8)?.tax).toBe(order.tax8);
  });

  it("refuses a rate it does not know", () => {
    expect(() => receiptTotals({ items: [{ name: "x", unitPrice: 100, quantity: 1, taxRate: 5 }], shippingFee: 0, fees: [] })).toThrow();
  });
});

describe("receiptTotals after partial refunds", () => {
  const at = new Date("2026-12-03T01:00:00Z");
  it("states what was received, the refund spread over the rates in proportion, tax once per rate", () => {
    // 10%: 2,200 + 800 shipping = 3,000; 8%: 1,000. A refund of 1,000 takes 250 from 8% and 750 from 10%.
    const t = receiptTotals({ items: [item(1100, 2, 10), item(1000, 1, 8)], shippingFee: 800, fees: [], refunds: [{ amount: 600, createdAt: at }, { amount: 400, createdAt: at }] });
    expect(t.total).toBe(3000);
    expect(t.refunds).toHaveLength(2);
    expect(t.byRate).toEqual([
      { rate: 10, amount: 2250, tax: 204 },
      { rate: 8, amount: 750, tax: 55 },
    ]);
    expect(t.lines.reduce((n, l) => n + l.amount, 0)).toBe(4000);
  });

  it("with one rate only, the whole refund comes off it; never below zero", () => {
    expect(receiptTotals({ items: [item(540, 2, 8)], shippingFee: 0, fees: [], refunds: [{ amount: 80, createdAt: at }] }).byRate).toEqual([{ rate: 8, amount: 1000, tax: 74 }]);
    const all = receiptTotals({ items: [item(500, 1, 10)], shippingFee: 0, fees: [], refunds: [{ amount: 9999, createdAt: at }] });
    expect(all.total).toBe(0);
    expect(all.byRate).toEqual([{ rate: 10, amount: 0, tax: 0 }]);
  });

  it("without refunds the totals are the lines'", () => {
    const t = receiptTotals({ items: [item(1100, 1, 10)], shippingFee: 0, fees: [] });
    expect(t).toMatchObject({ total: 1100, refunds: [], byRate: [{ rate: 10, amount: 1100, tax: 100 }] });
  });
});
