import { describe, expect, it } from "vitest";
import { safeReturnPath } from "@/lib/auth/safe-redirect";

const SITE = "https://shop.example.jp";

describe("safeReturnPath", () => {
  it.each(["/account", "/account/orders/12", "/checkout?notice=payment.failed", "/products/matcha#reviews", "/%2F%2Fevil.example", "/a/../account"])("keeps the shop's own path %s", (path) => {
    const kept = safeReturnPath(path, "/account", SITE);
    expect(new URL(kept, SITE).origin).toBe(SITE);
    expect(kept.startsWith("/") && !kept.startsWith("//")).toBe(true);
  });

  // Known open-redirect payloads: every one must fall back.
  const BYPASSES = [
    "//evil.example",
    "///evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "/\r/evil.example",
    "/\u0000/evil.example",
    "/\u007f/evil.example",
    "/./\\evil.example",
    "/.//evil.example",
    "/..//evil.example",
    "https://evil.example",
    "http:evil.example",
    "javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    " /account",
    "evil.example",
    "",
    "/".padEnd(2001, "a"),
  ];
  it.each(BYPASSES.map((p) => [JSON.stringify(p), p]))("refuses %s", (_name, payload) => {
    expect(safeReturnPath(payload, "/account", SITE)).toBe("/account");
  });

  it("refuses anything that is not a string", () => {
    for (const value of [undefined, null, 42, ["/account"], { toString: () => "/account" }]) expect(safeReturnPath(value)).toBe("/account");
  });
});
