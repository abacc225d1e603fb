import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/lib/db";
import { countRejection, flushRejectionCounts, pruneRejectionCounts, reasonCode, rejectionSummary, SAMPLE_EVERY_MS } from "@/lib/security/rejections";
import { createTestDb, type TestDb } from "@/test/support/db";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.cleanup();
});

const T0 = Date.parse("2026-12-01T03:00:10Z");

async function rows(source: string, reason: string) {
  return t.db.rejectionCount.findMany({ where: { source, reason } });
}

describe("counted refusals", () => {
  it("reason codes are ours, never what was posted", () => {
    expect(reasonCode("hash_mismatch: HashCd differs")).toBe("hash_mismatch");
    expect(reasonCode("<script>alert(1)</script>")).toBe("other");
    expect(reasonCode("x".repeat(500))).toHaveLength(40);
  });

  it("1,000 refusals add one row, and one sample in the minute", async () => {
    let samples = 0;
    const sample = async () => {
      samples++;
    };
    await Promise.all(Array.from({ length: 1000 }, (_, i) => countRejection(t.db, "notification", "hash_mismatch: wrong", sample, T0 + i)));
    await flushRejectionCounts(t.db);
    expect(samples).toBe(1);
    expect(await rows("notification", "hash_mismatch")).toMatchObject([{ count: 1000, hour: new Date("2026-12-01T03:00:00Z") }]);

    // A minute later the reason is sampled again; the count goes on in the same hourly row.
    await countRejection(t.db, "notification", "hash_mismatch: wrong", sample, T0 + SAMPLE_EVERY_MS + 1000);
    await flushRejectionCounts(t.db);
    expect(samples).toBe(2);
    expect(await rows("notification", "hash_mismatch")).toMatchObject([{ count: 1001 }]);
  });

  it("two instances (two database clients) share one sample per reason per minute, and all counts", async () => {
    const other: Db = createDb(t.url);
    try {
      let samples = 0;
      const sample = async () => {
        samples++;
      };
      const at = T0 + 10 * 60_000;
      await Promise.all([
        ...Array.from({ length: 20 }, () => countRejection(t.db, "3ds_return", "decrypt_failed: x", sample, at)),
        ...Array.from({ length: 20 }, () => countRejection(other, "3ds_return", "decrypt_failed: x", sample, at + 5)),
      ]);
      await Promise.all([flushRejectionCounts(t.db), flushRejectionCounts(other)]);
      expect(samples).toBe(1);
      expect(await rows("3ds_return", "decrypt_failed")).toMatchObject([{ count: 40 }]);
    } finally {
      await other.$disconnect();
    }
  });

  it("the summary adds the hours up per reason and includes counts not flushed yet", async () => {
    await countRejection(t.db, "notification", "duplicate", undefined, T0 + 2 * 3_600_000);
    const summary = await rejectionSummary(t.db, 4 * 3_600_000, T0 + 3 * 3_600_000);
    expect(summary.find((s) => s.reason === "hash_mismatch")).toMatchObject({ source: "notification", count: 1001 });
    expect(summary.find((s) => s.reason === "duplicate")).toMatchObject({ count: 1, lastHour: new Date("2026-12-01T05:00:00Z") });
    expect(summary[0]!.reason).toBe("hash_mismatch");
  });

  it("old hours are pruned", async () => {
    const pruned = await pruneRejectionCounts(t.db, new Date(T0 + 31 * 24 * 3_600_000));
    expect(pruned).toBe(3);
    expect(await t.db.rejectionCount.count()).toBe(0);
  });
});
