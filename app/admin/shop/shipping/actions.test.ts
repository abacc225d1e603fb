// The shipping settings action as the admin uses it: region and prefecture boxes in, the section saved
// (blank boxes stay unset), or field errors and nothing saved.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { formData } from "@/test/support/form-data";
import { shippingSection } from "@/lib/shop/shipping-fees";
import { loadShopSettings } from "@/lib/shop/settings/store";
import type { TestDb } from "@/test/support/db";
import { adminTestDb, type MockSession } from "@/test/support/session";

const session = vi.hoisted(() => ({ current: null as null | MockSession }));
vi.mock("next-auth", () => ({ getServerSession: async () => session.current }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

let t: TestDb;
let save: typeof import("@/app/admin/shop/shipping/actions").saveShippingSettingsAction;
beforeAll(async () => {
  ({ t, admin: session.current } = await adminTestDb());
  ({ saveShippingSettingsAction: save } = await import("@/app/admin/shop/shipping/actions"));
});
afterAll(async () => {
  await t.cleanup();
});

describe("saveShippingSettingsAction", () => {
  it("saves region fees, prefecture overrides and island prefixes; blank boxes stay unset", async () => {
    const res = await save({ ok: true }, formData({ baseFee: "", freeThreshold: "8000", "region.hokkaido": "1500", "region.kanto": "", "pref.13": "600", islandSurcharge: "1000", islandPrefixes: "0430, 0440\n0430" }));
    expect(res).toEqual({ ok: true, message: "shipping.settingsSaved" });
    const s = await loadShopSettings(t.db, shippingSection);
    expect(s).toMatchObject({ baseFee: null, freeThreshold: 8000, islandSurcharge: 1000, islandPrefixes: ["0430", "0440"] });
    expect(s.regionFees).toMatchObject({ hokkaido: 1500, kanto: null });
    expect(s.prefectureFees).toMatchObject({ "13": 600, "01": null });
  });

  it("refuses a negative fee and a malformed prefix with field errors, changing nothing", async () => {
    const before = await loadShopSettings(t.db, shippingSection);
    const res = await save({ ok: true }, formData({ "region.kinki": "-100", "pref.47": "abc", islandPrefixes: "04-30" }));
    expect(res).toMatchObject({ ok: false, message: "shipping.settingsInvalid", errors: { "regionFees.kinki": "shipping.feeRange", "prefectureFees.47": "shipping.feeRange", "islandPrefixes.0": "shipping.prefixInvalid" } });
    expect(await loadShopSettings(t.db, shippingSection)).toEqual(before);
  });
});
