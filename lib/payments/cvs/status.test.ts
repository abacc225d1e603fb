import { describe, expect, it } from "vitest";
import { PRESET_FEE_ROWS } from "@/lib/payments/settings/fees";
import { cvsSettingsSchema } from "@/lib/payments/settings/cvs";
import { cvsFeeAmount, cvsFeeLines } from "@/lib/payments/cvs/fee";
import { en } from "@/lib/i18n/en";
import { ja } from "@/lib/i18n/ja";
import { cvsDisplayStatus, cvsStatusLabel, formatNyukinDate, formatPayLimit } from "@/lib/payments/cvs/status";

// 2026-03-10 12:00 JST
const noon = new Date("2026-03-10T03:00:00Z");

describe("cvsDisplayStatus", () => {
  it("shows 期限切れ from the deadline alone, before the expiry job ran", () => {
    expect(cvsDisplayStatus({ state: "unpaid", payLimit: "202603102359" }, noon)).toBe("unpaid");
    expect(cvsDisplayStatus({ state: "unpaid", payLimit: "202603101200" }, noon)).toBe("unpaid");
    expect(cvsDisplayStatus({ state: "unpaid", payLimit: "202603101159" }, noon)).toBe("expired");
    expect(cvsDisplayStatus({ state: "unpaid", payLimit: "202603092359" }, noon)).toBe("expired");
  });
  it("follows the recorded state otherwise", () => {
    expect(cvsDisplayStatus({ state: "paid", payLimit: "202603092359" }, noon)).toBe("paid");
    expect(cvsDisplayStatus({ state: "expired", payLimit: null }, noon)).toBe("expired");
    expect(cvsDisplayStatus({ state: "cancelled", payLimit: "202612312359" }, noon)).toBe("cancelled");
    expect(cvsDisplayStatus({ state: "failed", payLimit: null }, noon)).toBe("failed");
  });
  it("formats e-SCOTT's JST timestamps for display", () => {
    expect(formatPayLimit("202603172359")).toBe("2026/03/17 23:59");
    expect(formatNyukinDate("20260311093015")).toBe("2026/03/11 09:30:15");
    expect(formatPayLimit("garbage")).toBe("garbage");
  });
});

describe("決済手数料", () => {
  const settings = cvsSettingsSchema.parse({ feeEnabled: true, feeRows: PRESET_FEE_ROWS });
  it("is looked up on the total incl. shipping and tax and becomes a fee line", () => {
    expect(cvsFeeLines(settings, 3000, "ja")).toEqual([{ code: "cvs_fee", name: "決済手数料", amount: 330, taxRate: 10 }]);
    expect(cvsFeeLines(settings, 6000, "en")).toEqual([{ code: "cvs_fee", name: "Payment fee", amount: 550, taxRate: 10 }]);
  });
  it("adds no line for 0 yen or when the fee is off", () => {
    expect(cvsFeeLines(settings, 1100, "ja")).toEqual([]);
    expect(cvsFeeAmount({ ...settings, feeEnabled: false }, 3000)).toBe(0);
  });
});

describe("cvsStatusLabel", () => {
  it("names 入金ステータス in the admin's language, 期限切れ as soon as the deadline passed", () => {
    const now = new Date("2026-11-28T03:00:00Z"); // 12:00 JST
    const label = (state: string, payLimit: string | null, dict = ja) => cvsStatusLabel(dict, cvsDisplayStatus({ state, payLimit }, now));
    expect(label("unpaid", "202612052359")).toBe("未入金");
    expect(label("unpaid", "202611271159")).toBe("期限切れ");
    expect(label("paid", "202611271159")).toBe("入金済");
    expect(label("cancelled", null)).toBe("取消済み");
    expect(label("paid", null, en)).toBe(en.cvs.statusPaid);
    expect(en.cvs.statusPaid).not.toBe("入金済");
  });
});
