import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkoutTerms } from "@/lib/shop/legal-terms";

describe("checkoutTerms", () => {
  const shipped = JSON.parse(readFileSync(path.join(process.cwd(), "content/legal.json"), "utf8")).tokushoho;

  it("finds payment timing, delivery and returns in the shipped legal texts, in both languages", () => {
    expect(checkoutTerms(shipped, "ja")).toEqual({
      paymentTiming: expect.stringContaining("ご注文時"),
      delivery: expect.stringContaining("発送"),
      returns: expect.stringContaining("8日以内"),
    });
    expect(checkoutTerms(shipped, "en")).toEqual({
      paymentTiming: expect.stringContaining("when ordering"),
      delivery: expect.stringContaining("Shipped"),
      returns: expect.stringContaining("8 days"),
    });
  });

  it("matches other common labels and answers null for a missing row", () => {
    const rows = { ja: [["代金の支払時期", "前払い"], ["返品・キャンセルについて", "不可"]] as [string, string][], en: [] };
    expect(checkoutTerms(rows, "ja")).toEqual({ paymentTiming: "前払い", delivery: null, returns: "不可" });
    expect(checkoutTerms(rows, "en")).toEqual({ paymentTiming: null, delivery: null, returns: null });
  });
});
