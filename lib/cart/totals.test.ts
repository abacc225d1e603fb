import { describe, expect, it } from "vitest";
import { computeTotals, includedTax } from "@/lib/cart/totals";

const rule = { flatFee: 800, freeThreshold: 10000 };

describe("computeTotals", () => {
  it("adds the flat shipping fee below the threshold", () => {
    const t = computeTotals([{ unitPrice: 1980, taxRate: 10, quantity: 2 }], rule);
    expect(t).toMatchObject({ itemCount: 2, subtotal: 3960, shippingFee: 800, total: 4760, tax8: 0 });
    // 10% part = items 3960 + shipping 800 = 4760 → floor(4760 * 10 / 110) = 432
    expect(t.tax10).toBe(432);
  });

  it("ships free at exactly the threshold", () => {
    const t = computeTotals([{ unitPrice: 5000, taxRate: 10, quantity: 2 }], rule);
    expect(t.shippingFee).toBe(0);
    expect(t.total).toBe(10000);
  });

  it("splits consumption tax by rate, rounding down once per rate", () => {
    const t = computeTotals(
      [
        { unitPrice: 1080, taxRate: 8, quantity: 3 }, // 3240 at 8%
        { unitPrice: 2200, taxRate: 10, quantity: 1 }, // 2200 at 10%
      ],
      rule,
    );
    expect(t.subtotal).toBe(5440);
    expect(t.tax8).toBe(240); // floor(3240 * 8 / 108)
    expect(t.tax10).toBe(272); // floor((2200 + 800) * 10 / 110) = floor(272.7)
    expect(t.total).toBe(6240);
  });

  it("includes fees in the total and the 10% tax", () => {
    const t = computeTotals([{ unitPrice: 2200, taxRate: 10, quantity: 1 }], rule, [{ amount: 330, taxRate: 10 }]);
    expect(t.feeTotal).toBe(330);
    expect(t.total).toBe(3330);
    expect(t.tax10).toBe(includedTax(3330, 10));
  });

  it("charges nothing for an empty cart", () => {
    expect(computeTotals([], rule)).toEqual({ itemCount: 0, subtotal: 0, shippingFee: 0, feeTotal: 0, total: 0, tax10: 0, tax8: 0 });
  });

  it("refuses non-integer money and unknown tax rates", () => {
    expect(() => computeTotals([{ unitPrice: 99.5, taxRate: 10, quantity: 1 }], rule)).toThrow();
    expect(() => computeTotals([{ unitPrice: 100, taxRate: 5, quantity: 1 }], rule)).toThrow();
  });
});
