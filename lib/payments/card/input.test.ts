import { describe, expect, it } from "vitest";
import { parseCardPayload, saveCard, type MemberState } from "@/lib/payments/card/input";
import { cardSettingsSchema, type CardSettings } from "@/lib/payments/settings/card";

const settings = (overrides: Partial<CardSettings> = {}): CardSettings => ({ ...cardSettingsSchema.parse({}), threeDSecure: false, ...overrides });
const guest: MemberState = { kind: "guest" };
const token = { mode: "new", token: "0123456789abcdef0123456789abcdef", maskedCard: "4123********0300", holderName: "taro  yamada", payType: "01" };

describe("card payload", () => {
  it("accepts a token payment and normalises the card holder", () => {
    expect(parseCardPayload(token, settings(), guest)).toEqual({
      ok: true,
      value: { mode: "new", token: token.token, maskedCard: token.maskedCard, holderName: "TARO YAMADA", payType: "01", save: false, agreement: false },
    });
  });

  it("refuses any other field — card data can never be smuggled in", () => {
    for (const extra of [{ cardNo: "4123000000000300" }, { securityCode: "8888" }, { expiry: "12/28" }]) {
      expect(parseCardPayload({ ...token, ...extra }, settings(), guest)).toEqual({ ok: false, errors: { "payment.card": "card.invalidPayload" } });
    }
  });

  it("checks the card holder (A–Z and spaces)", () => {
    expect(parseCardPayload({ ...token, holderName: "山田" }, settings(), guest)).toEqual({ ok: false, errors: { "payment.holderName": "card.holderFormat" } });
    expect(parseCardPayload({ ...token, holderName: " " }, settings(), guest)).toEqual({ ok: false, errors: { "payment.holderName": "card.holderRequired" } });
  });

  it("allows only the installments the setting and the brand allow (§5.2)", () => {
    const inst = (setting: "1" | "2" | "3", masked: string, payType: string) => parseCardPayload({ ...token, maskedCard: masked, payType }, settings({ installments: setting }), guest).ok;
    expect(inst("1", "4111********1111", "03")).toBe(false);
    expect(inst("2", "4111********1111", "03")).toBe(true);
    expect(inst("2", "3530********0000", "88")).toBe(true);
    expect(inst("2", "4111********1111", "80")).toBe(false);
    expect(inst("3", "4111********1111", "80")).toBe(true);
    expect(inst("3", "3782********0005", "02")).toBe(false); // AMEX: no 2回
    expect(inst("3", "3782********0005", "88")).toBe(false); // AMEX: no リボ
    expect(inst("3", "3666********6660", "03")).toBe(false); // Diners: 一括/リボ(/ボーナス) only
    expect(inst("3", "3666********6660", "88")).toBe(true);
  });

  it("requires the consent when 3-D Secure is on", () => {
    expect(parseCardPayload(token, settings({ threeDSecure: true }), guest)).toEqual({ ok: false, errors: { "payment.agreement": "card.agreementRequired" } });
    expect(parseCardPayload({ ...token, agreement: true }, settings({ threeDSecure: true }), guest).ok).toBe(true);
  });

  it("pays with the saved card only for members, with the saved card's installment menu", () => {
    const saved = { mode: "saved", payType: "88" };
    expect(parseCardPayload(saved, settings({ installments: "2" }), { kind: "none" })).toEqual({ ok: false, errors: { "payment.card": "card.noSavedCard" } });
    expect(parseCardPayload(saved, settings({ installments: "2" }), { kind: "member", prefix: "37" })).toEqual({ ok: false, errors: { "payment.payType": "card.payTypeInvalid" } });
    expect(parseCardPayload(saved, settings({ installments: "2" }), { kind: "member", prefix: "4" })).toEqual({ ok: true, value: { mode: "saved", payType: "88", agreement: false } });
  });

  it("saves the card per §8.2 — and always replaces it when 常にカード会員に登録 is on", () => {
    expect(saveCard(settings(), guest, true)).toBe(false);
    expect(saveCard(settings({ cardMember: false }), { kind: "none" }, true)).toBe(false);
    expect(saveCard(settings({ alwaysSaveCard: true }), { kind: "none" }, false)).toBe(true);
    expect(saveCard(settings({ alwaysSaveCard: true }), { kind: "member", prefix: "4" }, false)).toBe(true);
    expect(saveCard(settings({ alwaysSaveCard: false }), { kind: "member", prefix: "4" }, false)).toBe(false);
    expect(saveCard(settings({ alwaysSaveCard: false }), { kind: "none" }, true)).toBe(true);
  });
});
