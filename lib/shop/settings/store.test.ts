import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { defineSection, loadShopSettings, saveShopSettings } from "@/lib/shop/settings/store";
import { withRequestMemo } from "@/lib/request-memo";
import { createTestDb, type TestDb } from "@/test/support/db";

const other = defineSection("other", z.object({ days: z.number().int().default(3) }));
const sample = defineSection("sample", z.object({ fee: z.number().int().min(0).default(800), label: z.string().max(20).default("送料") }));

let t: TestDb;
beforeEach(async () => {
  t = await createTestDb();
});
afterEach(async () => {
  await t.cleanup();
});

describe("shop settings store", () => {
  it("reads a section never saved as its defaults", async () => {
    expect(await loadShopSettings(t.db, sample)).toEqual({ fee: 800, label: "送料" });
  });

  it("stores a section and reads it back", async () => {
    await saveShopSettings(t.db, sample, { fee: 1200, label: "配送料" });
    expect(await loadShopSettings(t.db, sample)).toEqual({ fee: 1200, label: "配送料" });
    expect(await t.db.shopSettings.count()).toBe(1);
  });

  it("refuses invalid values and leaves the stored ones alone", async () => {
    await saveShopSettings(t.db, sample, { fee: 500, label: "送料" });
    await expect(saveShopSettings(t.db, sample, { fee: -1, label: "送料" })).rejects.toThrow();
    expect(await loadShopSettings(t.db, sample)).toEqual({ fee: 500, label: "送料" });
  });

  it("falls back to defaults when the stored JSON no longer fits the schema", async () => {
    await t.db.shopSettings.create({ data: { section: "sample", values: "{not json" } });
    expect(await loadShopSettings(t.db, sample)).toEqual({ fee: 800, label: "送料" });
  });

  it("reads every section in one query inside a request memo, and sees a save made in that request", async () => {
    await saveShopSettings(t.db, sample, { fee: 1000, label: "送料" });
    await saveShopSettings(t.db, other, { days: 5 });
    const findMany = vi.spyOn(t.db.shopSettings, "findMany");
    const findUnique = vi.spyOn(t.db.shopSettings, "findUnique");
    const seen = await withRequestMemo(async () => {
      const first = [await loadShopSettings(t.db, sample), await loadShopSettings(t.db, other)];
      await saveShopSettings(t.db, other, { days: 7 });
      return [...first, await loadShopSettings(t.db, other)];
    });
    expect(seen).toEqual([{ fee: 1000, label: "送料" }, { days: 5 }, { days: 7 }]);
    expect(findMany).toHaveBeenCalledTimes(2); // once, then again after the save
    expect(findUnique).not.toHaveBeenCalled();
  });
});
