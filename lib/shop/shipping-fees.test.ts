import { describe, expect, it } from "vitest";
import { PREFECTURES } from "@/lib/address/prefectures";
import { computeTotals } from "@/lib/cart/totals";
import { prefectureFee, REGIONS, shippingRuleFor, shippingSettingsSchema, type ShippingSettings } from "@/lib/shop/shipping-fees";

const defaults = { flatFee: 800, freeThreshold: 10000 };
const settings = (over: Partial<ShippingSettings> = {}): ShippingSettings => ({ ...shippingSettingsSchema.parse({}), ...over });
const tokyo = { prefecture: "13", postalCode: "100-0001" };

describe("shipping fee selection", () => {
  it("never saved: every prefecture pays the env flat fee with the env threshold, as before", () => {
    for (const p of PREFECTURES) expect(shippingRuleFor(settings(), defaults, { prefecture: p.code, postalCode: "100-0001" })).toEqual(defaults);
    expect(shippingRuleFor(settings(), defaults)).toEqual(defaults);
  });

  it("the regions cover the 47 prefectures exactly once", () => {
    const codes = REGIONS.flatMap((r) => r.prefectures);
    expect(codes.sort()).toEqual(PREFECTURES.map((p) => p.code));
  });

  it("a prefecture's own fee wins over its region's, which wins over the base fee", () => {
    const s = settings({ baseFee: 900, regionFees: { kanto: 700, hokkaido: 1500 }, prefectureFees: { "13": 600 } });
    expect(prefectureFee(s, defaults, "13")).toBe(600); // 東京都: override
    expect(prefectureFee(s, defaults, "14")).toBe(700); // 神奈川県: 関東
    expect(prefectureFee(s, defaults, "01")).toBe(1500); // 北海道
    expect(prefectureFee(s, defaults, "26")).toBe(900); // 京都府: 近畿 unset → base
    expect(shippingRuleFor(s, defaults)).toEqual({ flatFee: 900, freeThreshold: 10000 }); // before the address
  });

  it("adds the island surcharge by postal-code prefix, even to an order that ships free", () => {
    const s = settings({ islandSurcharge: 1200, islandPrefixes: ["0430", "0440"] });
    const rule = shippingRuleFor(s, defaults, { prefecture: "01", postalCode: "043-0401" });
    expect(rule).toEqual({ flatFee: 800, freeThreshold: 10000, surcharge: 1200 });
    expect(shippingRuleFor(s, defaults, { prefecture: "01", postalCode: "040-0001" })).toEqual(defaults);
    const line = [{ unitPrice: 1000, taxRate: 10, quantity: 1 }];
    expect(computeTotals(line, rule).shippingFee).toBe(2000);
    expect(computeTotals([{ ...line[0]!, quantity: 10 }], rule).shippingFee).toBe(1200);
    expect(computeTotals([], rule).shippingFee).toBe(0);
  });

  it("the saved threshold replaces the env one", () => {
    const rule = shippingRuleFor(settings({ freeThreshold: 5000 }), defaults, tokyo);
    expect(computeTotals([{ unitPrice: 5000, taxRate: 10, quantity: 1 }], rule).shippingFee).toBe(0);
  });

  it("refuses fees out of range and malformed or too many prefixes; blank fields mean 'not set'", () => {
    const issues = (v: unknown) => shippingSettingsSchema.safeParse(v).error?.issues.map((i) => [i.path.join("."), i.message]);
    expect(issues({ regionFees: { kanto: "-1" } })).toEqual([["regionFees.kanto", "shipping.feeRange"]]);
    expect(issues({ prefectureFees: { "13": "1.5" } })).toEqual([["prefectureFees.13", "shipping.feeRange"]]);
    expect(issues({ baseFee: "100001" })).toEqual([["baseFee", "shipping.feeRange"]]);
    expect(issues({ islandPrefixes: ["04"] })).toEqual([["islandPrefixes.0", "shipping.prefixInvalid"]]);
    expect(issues({ islandPrefixes: Array.from({ length: 201 }, (_, i) => String(1000 + i)) })).toEqual([["islandPrefixes", "shipping.prefixesTooMany"]]);
    expect(issues({ prefectureFees: { "48": "100" } })?.[0]?.[0]).toMatch(/^prefectureFees/);
    expect(shippingSettingsSchema.parse({ baseFee: "", regionFees: { kanto: "" } })).toMatchObject({ baseFee: null, regionFees: { kanto: null } });
  });
});
