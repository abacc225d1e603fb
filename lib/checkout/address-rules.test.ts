import { regexes } from "zod/v4/core";
import { describe, expect, it } from "vitest";
import { ADDRESS_RULES, EMAIL_PATTERN, emailRule } from "@/lib/checkout/address-rules";

describe("ADDRESS_RULES (the browser's check on blur, the server's through address-schema.ts)", () => {
  it("returns the value as it will be saved", () => {
    expect(ADDRESS_RULES.postalCode("１００ー０００１")).toEqual({ ok: true, value: "100-0001" });
    expect(ADDRESS_RULES.lastNameKana(" やまだ ")).toEqual({ ok: true, value: "ヤマダ" });
    expect(ADDRESS_RULES.city("  千代田区 ")).toEqual({ ok: true, value: "千代田区" });
    expect(ADDRESS_RULES.address2("")).toEqual({ ok: true, value: "" });
  });

  it("refuses with the field's message, the first problem first", () => {
    expect(ADDRESS_RULES.lastName("   ")).toEqual({ ok: false, message: "errors.required" });
    expect(ADDRESS_RULES.lastName("x".repeat(31))).toEqual({ ok: false, message: "errors.tooLong:30" });
    expect(ADDRESS_RULES.firstNameKana("Taro")).toEqual({ ok: false, message: "errors.kana" });
    expect(ADDRESS_RULES.firstNameKana("T".repeat(41))).toEqual({ ok: false, message: "errors.tooLong:40" });
    expect(ADDRESS_RULES.postalCode("")).toEqual({ ok: false, message: "errors.required" });
    expect(ADDRESS_RULES.postalCode("12-345")).toEqual({ ok: false, message: "errors.postalCode" });
    expect(ADDRESS_RULES.phone("03-1234")).toEqual({ ok: false, message: "errors.phone" });
    expect(ADDRESS_RULES.prefecture("99")).toEqual({ ok: false, message: "errors.prefecture" });
    expect(ADDRESS_RULES.address2("y".repeat(81))).toEqual({ ok: false, message: "errors.tooLong:80" });
  });
});

describe("emailRule", () => {
  it("is zod's own e-mail pattern, so the browser accepts what the server did before", () => {
    expect(EMAIL_PATTERN.source).toBe(regexes.email.source);
    expect(EMAIL_PATTERN.flags).toBe(regexes.email.flags);
  });

  it("normalises full-width input and checks length before the pattern", () => {
    expect(emailRule(" ｔａｒｏ＠example.jp ")).toEqual({ ok: true, value: "taro@example.jp" });
    expect(emailRule("")).toEqual({ ok: false, message: "errors.required" });
    expect(emailRule("taro@example")).toEqual({ ok: false, message: "errors.email" });
    expect(emailRule(`${"a".repeat(260)}@x`)).toEqual({ ok: false, message: "errors.tooLong:254" });
  });
});
