import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clearThrottle, hitThrottle, peekThrottle, peekThrottles, pruneThrottleCounters, type ThrottleRule } from "@/lib/security/throttle";
import { createTestDb, type TestDb } from "@/test/support/db";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.cleanup();
});

const MINUTE = 60_000;
const rule: ThrottleRule = { name: "test", limit: 10, windowMs: 15 * MINUTE };
// The start of a window, so the arithmetic below is exact.
const T0 = Math.ceil(Date.parse("2026-12-01T00:00:00Z") / rule.windowMs) * rule.windowMs;

describe("database throttle", () => {
  it("40 parallel hits get 40 distinct counts: exactly `limit` are allowed", async () => {
    const verdicts = await Promise.all(Array.from({ length: 40 }, () => hitThrottle(t.db, rule, "race@example.jp", T0 + 1000)));
    expect(verdicts.map((v) => v.count).sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect(verdicts.filter((v) => v.allowed)).toHaveLength(10);
    expect(verdicts.find((v) => !v.allowed)!.retryAfterMs).toBe(rule.windowMs - 1000);
  });

  it("keeps subjects apart and stores them hashed", async () => {
    for (let i = 0; i < 10; i++) await hitThrottle(t.db, rule, "a@example.jp", T0);
    expect((await hitThrottle(t.db, rule, "a@example.jp", T0)).allowed).toBe(false);
    expect((await hitThrottle(t.db, rule, "b@example.jp", T0)).allowed).toBe(true);
    const keys = (await t.db.throttleCounter.findMany({ select: { key: true } })).map((r) => r.key);
    expect(keys.some((k) => k.includes("example.jp"))).toBe(false);
  });

  it("the previous window still counts for the part that overlaps (no double burst at the edge)", async () => {
    for (let i = 0; i < 10; i++) await hitThrottle(t.db, rule, "edge", T0 + rule.windowMs - 1000);
    // Just after the edge nearly all of the previous window's hits still count.
    expect((await hitThrottle(t.db, rule, "edge", T0 + rule.windowMs + 1000)).allowed).toBe(false);
    // Two thirds into the next window, a third of them (3.3, rounded up: 4) count, plus 2 new hits.
    const later = T0 + rule.windowMs + (2 * rule.windowMs) / 3;
    const verdict = await hitThrottle(t.db, rule, "edge", later);
    expect(verdict.count).toBe(6);
    expect(verdict.allowed).toBe(true);
  });

  it("peek does not count; clear forgets", async () => {
    for (let i = 0; i < 10; i++) await hitThrottle(t.db, rule, "peek", T0);
    expect(await peekThrottle(t.db, rule, "peek", T0)).toMatchObject({ allowed: false, count: 10 });
    expect(await peekThrottle(t.db, rule, "peek", T0)).toMatchObject({ count: 10 });
    await clearThrottle(t.db, rule, "peek", T0);
    expect(await peekThrottle(t.db, rule, "peek", T0)).toMatchObject({ allowed: true, count: 0 });
  });

  it("peeks at several rules and subjects in one query, each with its own windows", async () => {
    const strict: ThrottleRule = { name: "strict", limit: 2, windowMs: rule.windowMs };
    for (let i = 0; i < 2; i++) await hitThrottle(t.db, strict, "both", T0 - 1000);
    await hitThrottle(t.db, rule, "both", T0);
    const verdicts = await peekThrottles(t.db, [{ rule: strict, subject: "both" }, { rule, subject: "both" }, { rule, subject: "nobody" }], T0 + 1000);
    // strict: the previous window's 2 hits still count almost fully; one more would be over its limit.
    expect(verdicts).toEqual([
      await peekThrottle(t.db, strict, "both", T0 + 1000),
      await peekThrottle(t.db, rule, "both", T0 + 1000),
      { allowed: true, count: 0, retryAfterMs: 0 },
    ]);
    expect(verdicts.map((v) => v.allowed)).toEqual([false, true, true]);
    expect(verdicts[1]!.count).toBe(1);
  });

  it("expired counters are pruned", async () => {
    await hitThrottle(t.db, rule, "old", T0 - 3 * rule.windowMs);
    const before = await t.db.throttleCounter.count();
    expect(await pruneThrottleCounters(t.db, new Date(T0))).toBeGreaterThanOrEqual(1);
    expect(await t.db.throttleCounter.count()).toBeLessThan(before);
  });
});
