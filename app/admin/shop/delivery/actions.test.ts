// The delivery settings action as the admin uses it: form fields in, the section saved (or field errors, nothing saved).
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { formData } from "@/test/support/form-data";
import { deliverySection } from "@/lib/shop/delivery";
import { loadShopSettings } from "@/lib/shop/settings/store";
import type { TestDb } from "@/test/support/db";
import { adminTestDb, type MockSession } from "@/test/support/session";

const session = vi.hoisted(() => ({ current: null as null | MockSession }));
vi.mock("next-auth", () => ({ getServerSession: async () => session.current }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

let t: TestDb;
let save: typeof import("@/app/admin/shop/delivery/actions").saveDeliverySettingsAction;
beforeAll(async () => {
  ({ t, admin: session.current } = await adminTestDb());
  ({ saveDeliverySettingsAction: save } = await import("@/app/admin/shop/delivery/actions"));
});
afterAll(async () => {
  await t.cleanup();
});

describe("saveDeliverySettingsAction", () => {
  it("saves the checkbox groups and the closed dates, one per line", async () => {
    const res = await save({ ok: true }, formData([["enabled", "on"], ["leadDays", "3"], ["windowDays", "10"], ["closedWeekdays", "0"], ["closedWeekdays", "3"], ["closedDates", "2026-12-31\r\n2027-01-01\n"], ["slots", "am"], ["slots", "19-21"]]));
    expect(res).toEqual({ ok: true, message: "delivery.settingsSaved" });
    expect(await loadShopSettings(t.db, deliverySection)).toEqual({ enabled: true, leadDays: 3, windowDays: 10, closedWeekdays: [0, 3], closedDates: ["2026-12-31", "2027-01-01"], slots: ["am", "19-21"] });
  });

  it("refuses a window of 15 days, a bad date and a weekday 7 with field errors, changing nothing", async () => {
    const before = await loadShopSettings(t.db, deliverySection);
    const res = await save({ ok: true }, formData([["enabled", "on"], ["leadDays", "2"], ["windowDays", "15"], ["closedDates", "2026-13-01"], ["closedWeekdays", "7"]]));
    expect(res).toMatchObject({ ok: false, message: "delivery.settingsInvalid", errors: { windowDays: "delivery.windowDaysRange", "closedDates.0": "delivery.closedDateInvalid" } });
    expect(res.errors).toHaveProperty("closedWeekdays.0");
    expect(await loadShopSettings(t.db, deliverySection)).toEqual(before);
  });

  it("refuses more than 100 closed dates instead of storing them", async () => {
    const dates = Array.from({ length: 150 }, (_, i) => new Date(Date.UTC(2027, 0, 1 + i)).toISOString().slice(0, 10)).join("\n");
    const res = await save({ ok: true }, formData([["leadDays", "2"], ["windowDays", "7"], ["closedDates", dates]]));
    expect(res).toMatchObject({ ok: false, errors: { closedDates: "delivery.closedDatesTooMany" } });
  });
});
