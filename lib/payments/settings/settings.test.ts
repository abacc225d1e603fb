import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { feeFor, feeRowsSchema, PRESET_FEE_ROWS } from "@/lib/payments/settings/fees";
import { cardMissing } from "@/lib/payments/settings/card";
import { loadSettings } from "@/lib/payments/settings/store";
import { updateSettings } from "@/lib/payments/settings/update";
import { createSecretBox } from "@/lib/security/secret-box";
import { createTestDb, type TestDb } from "@/test/support/db";

const box = createSecretBox("t".repeat(40));
let t: TestDb;
beforeEach(async () => {
  t = await createTestDb();
});
afterEach(async () => {
  await t.cleanup();
});

describe("gateway settings", () => {
  it("start from the manual's defaults (disabled, test mode, 与信売上計上, 一括払いのみ)", async () => {
    const card = await loadSettings(t.db, box, "card", "sps");
    expect(card).toMatchObject({ enabled: false, title: "クレジットカード", description: "クレジットカードで支払う", testMode: true, tenantId: "0001", threeDSecure: true, abandonAfterMinutes: 30, securityCode: true, cardMember: true, alwaysSaveCard: true, operateId: "1Gathering", installments: "1", saveLog: true, merchantId: "" });
    const cvs = await loadSettings(t.db, box, "cvs", "sps");
    expect(cvs).toMatchObject({ enabled: false, title: "コンビニ・電子マネー・Pay-easy", testMode: true, payLimitDays: 7, feeEnabled: false, saveLog: true });
    expect(cardMissing(card)).toContain("settings.missingMerchantId");
  });

  it("store secrets encrypted and keep them when the form leaves them blank", async () => {
    const ok = await updateSettings(t.db, box, "card", { enabled: "on", testMode: "on", title: "カード", merchantId: "12345", merchantPass: "Secret99", tenantId: "0001", tokenAuthCode: "ABC", operateId: "1Auth", installments: "3" }, "sps");
    expect(ok).toEqual({ ok: true });
    const row = await t.db.gatewaySettings.findUniqueOrThrow({ where: { gateway: "card" } });
    expect(row.values).not.toContain("Secret99");
    await updateSettings(t.db, box, "card", { enabled: "on", testMode: "on", title: "カード", merchantId: "12345", merchantPass: "", tenantId: "0001", tokenAuthCode: "ABC", operateId: "1Auth", installments: "3" }, "sps");
    const card = await loadSettings(t.db, box, "card", "sps");
    expect(card.merchantPass).toBe("Secret99");
    expect(card.operateId).toBe("1Auth");
  });

  it("refuse invalid values with field errors and change nothing", async () => {
    const res = await updateSettings(t.db, box, "card", { enabled: "on", merchantId: "12a", merchantPass: "パス", threeDSecure: "on", aesKey: "short", title: "x" }, "sps");
    expect(res.ok).toBe(false);
    if (!res.ok) {
      expect(res.errors.merchantId).toBe("settings.digitsOnly");
      expect(res.errors.merchantPass).toBe("settings.alnumOnly");
      expect(res.errors.aesKey).toBe("settings.aes16");
      expect(res.errors.aesIv).toBe("settings.aes16");
    }
    expect(await t.db.gatewaySettings.count()).toBe(0);
  });

  it("refuse a test-mode mismatch between the two enabled gateways", async () => {
    expect(await updateSettings(t.db, box, "card", { enabled: "on", testMode: "on", title: "c", merchantId: "1", merchantPass: "p", tokenAuthCode: "t" }, "sps")).toEqual({ ok: true });
    const res = await updateSettings(t.db, box, "cvs", { enabled: "on", title: "v", merchantId: "2", merchantPass: "q" /* testMode unticked = production */ }, "sps");
    expect(res).toEqual({ ok: false, errors: { testMode: "settings.modeMismatchCvs" } });
    expect(await t.db.gatewaySettings.count({ where: { gateway: "cvs" } })).toBe(0);
    expect(await updateSettings(t.db, box, "cvs", { enabled: "on", testMode: "on", title: "v", merchantId: "2", merchantPass: "q" }, "sps")).toEqual({ ok: true });
  });

  it("validate the abandon wait between 10 and 1440 minutes", async () => {
    const base = { title: "c", threeDSecure: "" };
    for (const [minutes, ok] of [["9", false], ["10", true], ["1440", true], ["1441", false], ["30.5", false], ["abc", false]] as const) {
      const res = await updateSettings(t.db, box, "card", { ...base, abandonAfterMinutes: minutes }, "sps");
      expect(res.ok, minutes).toBe(ok);
      if (!res.ok) expect(res.errors.abandonAfterMinutes).toBe("settings.abandonRange");
    }
    expect((await loadSettings(t.db, box, "card", "sps")).abandonAfterMinutes).toBe(1440);
  });

  it("validate 支払期限日数 between 1 and 60", async () => {
    for (const [days, ok] of [["0", false], ["1", true], ["60", true], ["61", false], ["7.5", false]] as const) {
      const res = await updateSettings(t.db, box, "cvs", { title: "v", payLimitDays: days }, "sps");
      expect(res.ok, days).toBe(ok);
    }
  });
});

describe("settlement fee table", () => {
  it("looks up the manual's example", () => {
    expect(feeFor(0, PRESET_FEE_ROWS)).toBe(0);
    expect(feeFor(1100, PRESET_FEE_ROWS)).toBe(0);
    expect(feeFor(1101, PRESET_FEE_ROWS)).toBe(330);
    expect(feeFor(3000, PRESET_FEE_ROWS)).toBe(330);
    expect(feeFor(5500, PRESET_FEE_ROWS)).toBe(330);
    expect(feeFor(5501, PRESET_FEE_ROWS)).toBe(550);
    expect(feeFor(10_000_000, PRESET_FEE_ROWS)).toBe(550);
  });
  it("charges nothing outside every row", () => {
    expect(feeFor(50, [{ from: 100, to: 200, fee: 10 }])).toBe(0);
  });
  it("refuses overlapping rows, negative from, and to before from", () => {
    const overlap = feeRowsSchema.safeParse([{ from: 0, to: 1000, fee: 0 }, { from: 1000, to: "", fee: 330 }]);
    expect(overlap.success).toBe(false);
    expect(overlap.error?.issues[0]?.message).toBe("settings.feeOverlap");
    const openEnded = feeRowsSchema.safeParse([{ from: 0, to: "", fee: 0 }, { from: 5000, to: "", fee: 330 }]);
    expect(openEnded.error?.issues[0]?.message).toBe("settings.feeOverlap");
    expect(feeRowsSchema.safeParse([{ from: -1, to: 10, fee: 0 }]).error?.issues[0]?.message).toBe("settings.feeFromMin");
    expect(feeRowsSchema.safeParse([{ from: 10, to: 5, fee: 0 }]).error?.issues[0]?.message).toBe("settings.feeToBeforeFrom");
    expect(feeRowsSchema.safeParse([{ from: 0, to: "", fee: 100 }]).data).toEqual([{ from: 0, to: null, fee: 100 }]);
  });
});
