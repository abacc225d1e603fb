import { describe, expect, it } from "vitest";
// @ts-expect-error: plain JavaScript (it runs under node alone), no type declarations
import { compressiblePath as compressiblePathUntyped, pathDecodes as pathDecodesUntyped } from "@/scripts/serve.mjs";

const pathDecodes = pathDecodesUntyped as (target: string | undefined) => boolean;
const compressiblePath = compressiblePathUntyped as (target: string | undefined) => boolean;

describe("compressiblePath (scripts/serve.mjs compresses only these)", () => {
  it("compresses pages, RSC payloads and static files", () => {
    for (const target of ["/", "/checkout?_rsc=1", "/_next/static/chunks/a.js", "/apiary", "/products/api", undefined]) {
      expect(compressiblePath(target), String(target)).toBe(true);
    }
  });
  it("leaves the machine endpoints under /api/ alone", () => {
    for (const target of ["/api", "/api/health", "/api/escott/notification", "/api/auth/csrf?x=1"]) {
      expect(compressiblePath(target), target).toBe(false);
    }
  });
});

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
