import { describe, expect, it } from "vitest";
import { memoized, withRequestMemo } from "@/lib/payments/settings/request-memo";

describe("request memo", () => {
  it("loads each key once inside withRequestMemo, and anew in the next request", async () => {
    let loads = 0;
    const load = () => Promise.resolve(++loads);
    const first = await withRequestMemo(async () => [await memoized("card", load), await memoized("card", load), await memoized("cvs", load)]);
    expect(first).toEqual([1, 1, 2]);
    expect(await withRequestMemo(() => memoized("card", load))).toBe(3);
  });

  it("loads every time outside a request memo", async () => {
    let loads = 0;
    const load = () => Promise.resolve(++loads);
    await memoized("card", load);
    await memoized("card", load);
    expect(loads).toBe(2);
  });

  it("does not keep a failed load", async () => {
    let calls = 0;
    const flaky = () => (++calls === 1 ? Promise.reject(new Error("db down")) : Promise.resolve("ok"));
    const results = await withRequestMemo(async () => [await memoized("card", flaky).catch(() => "failed"), await memoized("card", flaky)]);
    expect(results).toEqual(["failed", "ok"]);
  });
});
