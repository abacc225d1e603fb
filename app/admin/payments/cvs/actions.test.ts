// The settings action as the admin uses it: form fields in, validated settings (or field errors) out.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { formData } from "@/test/support/form-data";
import type { TestDb } from "@/test/support/db";
import { adminTestDb, type MockSession } from "@/test/support/session";

const session = vi.hoisted(() => ({ current: null as null | MockSession }));
vi.mock("next-auth", () => ({ getServerSession: async () => session.current }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

let t: TestDb;
let save: typeof import("@/app/admin/payments/cvs/actions").saveCvsSettingsAction;
beforeAll(async () => {
  ({ t, admin: session.current } = await adminTestDb({ APP_ENCRYPTION_KEY: "settings-action-key-".repeat(2), ESCOTT_TARGET: "sps" }));
  ({ saveCvsSettingsAction: save } = await import("@/app/admin/payments/cvs/actions"));
});
afterAll(async () => {
  await t.cleanup();
});

const base = { enabled: "on", title: "コンビニ払い", description: "説明", testMode: "on", merchantId: "12345678", merchantPass: "Secret99", payLimitDays: "7", saveLog: "on", unpaidPerEmail: "3", unpaidPerIp: "10" };

async function stored() {
  const { loadSettings } = await import("@/lib/payments/settings/store");
  const { appSecretBox } = await import("@/lib/security/app-box");
  return loadSettings(t.db, appSecretBox(), "cvs", "sps");
}

describe("saveCvsSettingsAction", () => {
  it("saves the fee table from its rows (empty 'to' = no upper bound), keeping the order of the rows", async () => {
    const res = await save({ ok: true }, formData({ ...base, feeEnabled: "on", "feeRows.0.from": "0", "feeRows.0.to": "1100", "feeRows.0.fee": "0", "feeRows.1.from": "1101", "feeRows.1.to": "", "feeRows.1.fee": "330" }));
    expect(res).toEqual({ ok: true, message: "cvsAdmin.settingsSaved" });
    expect(await stored()).toMatchObject({ enabled: true, feeEnabled: true, merchantPass: "Secret99", feeRows: [{ from: 0, to: 1100, fee: 0 }, { from: 1101, to: null, fee: 330 }] });
  });

  it("refuses overlapping rows and a negative 'from' with field errors, changing nothing", async () => {
    const before = await stored();
    const res = await save({ ok: true }, formData({ ...base, feeEnabled: "on", "feeRows.0.from": "0", "feeRows.0.to": "2000", "feeRows.0.fee": "0", "feeRows.1.from": "1500", "feeRows.1.to": "", "feeRows.1.fee": "330" }));
    expect(res).toMatchObject({ ok: false, errors: { "feeRows.1.from": "settings.feeOverlap" } });
    const neg = await save({ ok: true }, formData({ ...base, feeEnabled: "on", "feeRows.0.from": "-5", "feeRows.0.to": "", "feeRows.0.fee": "0" }));
    expect(neg).toMatchObject({ ok: false, errors: { "feeRows.0.from": "settings.feeFromMin" } });
    expect(await stored()).toEqual(before);
  });

  it("keeps the stored password when the field is left blank, and refuses 支払期限日数 outside 1–60", async () => {
    expect(await save({ ok: true }, formData({ ...base, merchantPass: "", payLimitDays: "60" }))).toMatchObject({ ok: true });
    expect(await stored()).toMatchObject({ merchantPass: "Secret99", payLimitDays: 60, feeEnabled: false });
    expect(await save({ ok: true }, formData({ ...base, payLimitDays: "61" }))).toMatchObject({ ok: false, errors: { payLimitDays: "settings.payLimitDays" } });
  });

  it("refuses a test mode that disagrees with the enabled card gateway", async () => {
    await t.db.gatewaySettings.create({ data: { gateway: "card", values: JSON.stringify({ enabled: true, testMode: true, threeDSecure: false }) } });
    const res = await save({ ok: true }, formData({ ...base, testMode: "" }));
    expect(res).toMatchObject({ ok: false, errors: { testMode: "settings.modeMismatchCvs" } });
    expect((await stored()).testMode).toBe(true);
  });

  it("refuses a partial form (nothing reset to its default) and an argument that is not a form", async () => {
    expect(await save({ ok: true }, formData({ ...base, unpaidPerEmail: "7" }))).toMatchObject({ ok: true });
    const before = await stored();
    const partial = Object.fromEntries(Object.entries(base).filter(([key]) => key !== "unpaidPerIp" && key !== "payLimitDays"));
    const res = await save({ ok: true }, formData({ ...partial, title: "新しい名前" }));
    expect(res).toMatchObject({ ok: false, errors: { unpaidPerIp: "errors.required", payLimitDays: "errors.required" } });
    for (const garbage of [null, "x", 42, { title: "x" }, [["title", "x"]]]) {
      expect(await save({ ok: true }, garbage as unknown as FormData)).toMatchObject({ ok: false });
    }
    expect(await stored()).toEqual(before);
    expect(before.unpaidPerEmail).toBe(7);
  });
});
