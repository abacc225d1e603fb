import { describe, expect, it } from "vitest";
import { percentile, pool, summarize } from "./stats";

describe("bench stats", () => {
  it("nearest-rank percentiles", () => {
    const values = Array.from({ length: 100 }, (_, i) => 100 - i); // 100..1, unsorted order
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 90)).toBe(90);
    expect(percentile(values, 99)).toBe(99);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
    expect(summarize([1, 2, 3])).toMatchObject({ n: 3, p50: 2, mean: 2 });
  });

  it("pool keeps the order and never runs more than asked at once", async () => {
    let running = 0;
    let peak = 0;
    const out = await pool([5, 1, 3, 2, 4], 2, async (x) => {
      running++;
      peak = Math.max(peak, running);
      await new Promise((r) => setTimeout(r, x));
      running--;
      return x * 10;
    });
    expect(out).toEqual([50, 10, 30, 20, 40]);
    expect(peak).toBe(2);
  });
});
