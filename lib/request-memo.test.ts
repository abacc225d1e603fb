import { describe, expect, it } from "vitest";
import { forgetMemoized, inRequestMemo, memoized, withRequestMemo } from "@/lib/request-memo";

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

describe("request memo owners and writes", () => {
  it("keeps the loads of different owners (database clients) apart", async () => {
    let loads = 0;
    const load = () => Promise.resolve(++loads);
    const a = {};
    const b = {};
    const seen = await withRequestMemo(async () => [await memoized("row", load, a), await memoized("row", load, b), await memoized("row", load, a)]);
    expect(seen).toEqual([1, 2, 1]);
  });

  it("reads again after forgetMemoized (a write in the same request)", async () => {
    let loads = 0;
    const load = () => Promise.resolve(++loads);
    const owner = {};
    const seen = await withRequestMemo(async () => {
      const before = await memoized("member", load, owner);
      forgetMemoized("member", owner);
      return [before, await memoized("member", load, owner), inRequestMemo()];
    });
    expect(seen).toEqual([1, 2, true]);
    expect(inRequestMemo()).toBe(false);
  });
});
