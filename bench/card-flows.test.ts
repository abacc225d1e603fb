import { describe, expect, it } from "vitest";
import { autoPostPage } from "@/emulator/pages/html";
import { autoPostForm, cookieHeader, flowRun } from "./card-flows";
import type { RequestTiming } from "./stack";

describe("autoPostForm", () => {
  it("reads the emulator's way back: the action and the hidden fields, entities decoded", () => {
    const html = autoPostPage("3-D Secure", "http://127.0.0.1:3000/api/escott/3ds?x=1&y=2", { EncryptValue: 'ab+/c="d"&e' }, "Returning…");
    expect(autoPostForm(html)).toEqual({ action: "http://127.0.0.1:3000/api/escott/3ds?x=1&y=2", fields: { EncryptValue: 'ab+/c="d"&e' } });
  });

  it("is null for a page without a form (an error page)", () => {
    expect(autoPostForm("<html><body><p class=\"ng\">K02</p></body></html>")).toBeNull();
  });
});

describe("cookieHeader", () => {
  it("keeps name=value of each Set-Cookie line and drops cleared cookies", () => {
    expect(
      cookieHeader([
        "next-auth.csrf-token=abc%7Cdef; Path=/; HttpOnly; SameSite=Lax",
        "next-auth.callback-url=; Path=/; Max-Age=0",
        "next-auth.session-token=eyJ.x.y; Path=/; Expires=Thu, 17 Dec 2026 10:00:00 GMT; HttpOnly",
      ]),
    ).toBe("next-auth.csrf-token=abc%7Cdef; next-auth.session-token=eyJ.x.y");
  });
});

describe("flowRun", () => {
  const timing = (ms: number, queries: number): RequestTiming => ({ method: "POST", path: "/api/escott/3ds", status: 303, ms, queries, transactions: 2, queryMs: 1 });

  it("overhead is server − gateway per request; the calls are listed once per distinct sequence", () => {
    const run = flowRun(150, [
      { orderId: 1, clientMs: 210, timing: timing(200, 20), gatewayMs: 160, operations: ["4MemRefM", "1Gathering"] },
      { orderId: 2, clientMs: 110, timing: timing(100, 22), gatewayMs: 90, operations: ["4MemRefM", "1Gathering"] },
    ]);
    expect(run.n).toBe(2);
    expect(run.overhead.p90).toBe(40);
    expect(run.overhead.p50).toBe(10);
    expect(run.overheadShare.p50).toBeCloseTo(0.1);
    expect(run.operations).toBe("4MemRefM → 1Gathering");
    expect(run.gatewayCalls).toBe(2);
    expect(run.queries.p90).toBe(22);
  });
});
