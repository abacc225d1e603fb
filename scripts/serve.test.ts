import { describe, expect, it } from "vitest";
// @ts-expect-error: plain JavaScript (it runs under node alone), no type declarations
import { pathDecodes as pathDecodesUntyped } from "@/scripts/serve.mjs";

const pathDecodes = pathDecodesUntyped as (target: string | undefined) => boolean;

describe("pathDecodes (scripts/serve.mjs answers 400 when false)", () => {
  it("accepts plain and well-encoded paths, whatever the query holds", () => {
    for (const target of ["/", "/products/tea", "/products/%E6%97%A5%E6%9C%AC", "/order/1?key=%E0%A4%A", "/a%20b#%zz", undefined]) {
      expect(pathDecodes(target), String(target)).toBe(true);
    }
  });

  it("refuses truncated escapes and invalid UTF-8 in the path", () => {
    for (const target of ["/products/%E0%A4%A", "/products/%", "/%zz", "/products/%C3%28", "/reset-password/%FF?x=1"]) {
      expect(pathDecodes(target), target).toBe(false);
    }
  });
});
