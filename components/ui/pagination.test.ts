import { describe, expect, it } from "vitest";
import { pageHref, paginationLinks } from "@/components/ui/pagination";

describe("pageHref", () => {
  it("keeps the filters in the order given, page last, and leaves out undefined ones", () => {
    expect(pageHref("/admin/orders", { status: "pending", q: undefined }, 2)).toBe("/admin/orders?status=pending&page=2");
    expect(pageHref("/admin/orders", {}, 3)).toBe("/admin/orders?page=3");
  });

  it("keeps empty strings (the payment log links carry every field of its form)", () => {
    expect(pageHref("/admin/payments/log", { order: "", code: "123", gateway: "" }, 2)).toBe("/admin/payments/log?order=&code=123&gateway=&page=2");
  });

  it("encodes values and never repeats page", () => {
    expect(pageHref("/admin/orders", { q: "a b&c@example.com", page: "9" }, 2)).toBe("/admin/orders?q=a+b%26c%40example.com&page=2");
  });
});

describe("paginationLinks", () => {
  const base = { basePath: "/admin/outbox", params: { order: "12" } };

  it("is nothing for a single page", () => {
    expect(paginationLinks({ ...base, page: 1, pages: 1 })).toBeNull();
  });

  it("has only next on the first page and only previous on the last", () => {
    expect(paginationLinks({ ...base, page: 1, pages: 3 })).toEqual({ page: 1, pages: 3, previous: null, next: "/admin/outbox?order=12&page=2" });
    expect(paginationLinks({ ...base, page: 3, pages: 3 })).toEqual({ page: 3, pages: 3, previous: "/admin/outbox?order=12&page=2", next: null });
  });

  it("has both in the middle", () => {
    const links = paginationLinks({ basePath: "/admin/users", page: 2, pages: 5 });
    expect(links?.previous).toBe("/admin/users?page=1");
    expect(links?.next).toBe("/admin/users?page=3");
  });

  it("leads back to the last page from beyond it", () => {
    expect(paginationLinks({ ...base, page: 9, pages: 3 })).toEqual({ page: 9, pages: 3, previous: "/admin/outbox?order=12&page=3", next: null });
  });
});
