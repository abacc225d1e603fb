import { describe, expect, it } from "vitest";
import { requestPathUnder } from "@/lib/security/request-path";

describe("requestPathUnder", () => {
  it("keeps a path under the prefix, query included", () => {
    expect(requestPathUnder("/admin/orders?status=pending", "/admin")).toBe("/admin/orders?status=pending");
    expect(requestPathUnder("/admin", "/admin")).toBe("/admin");
  });

  it("falls back to the prefix for anything else", () => {
    for (const value of [null, "", "/administrator", "//evil.example/admin", "https://evil.example/admin", "/account", "admin/orders"]) {
      expect(requestPathUnder(value, "/admin"), String(value)).toBe("/admin");
    }
  });
});
