import { describe, expect, it } from "vitest";
import { en } from "@/lib/i18n/en";
import { ja } from "@/lib/i18n/ja";
import { paymentStatusLabel } from "@/lib/payments/status-label";

const now = new Date("2026-11-28T03:00:00Z"); // 12:00 JST

describe("paymentStatusLabel", () => {
  it("shows 入金ステータス for online payments, 期限切れ as soon as the deadline passed", () => {
    expect(paymentStatusLabel({ gateway: "cvs", state: "unpaid", payLimit: "202612052359" }, ja, now)).toBe("未入金");
    expect(paymentStatusLabel({ gateway: "cvs", state: "unpaid", payLimit: "202611271159" }, ja, now)).toBe("期限切れ");
    expect(paymentStatusLabel({ gateway: "cvs", state: "paid", payLimit: "202611271159" }, ja, now)).toBe("入金済");
    expect(paymentStatusLabel({ gateway: "cvs", state: "cancelled", payLimit: null }, ja, now)).toBe("取消済み");
  });
  it("shows 決済ステータス for cards, in the admin's language", () => {
    expect(paymentStatusLabel({ gateway: "card", state: "authorized", payLimit: null }, ja)).toBe("与信");
    expect(paymentStatusLabel({ gateway: "card", state: "captured", payLimit: null }, ja)).toBe("売上計上");
    expect(paymentStatusLabel({ gateway: "card", state: "voided", payLimit: null }, ja)).toBe("取消");
    expect(paymentStatusLabel({ gateway: "card", state: "captured", payLimit: null }, en)).not.toBe("売上計上");
  });
});
