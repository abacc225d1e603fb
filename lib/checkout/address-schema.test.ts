import { describe, expect, it } from "vitest";
import { checkoutProblems } from "@/lib/checkout/address-rules";
import { checkoutSchema, fieldErrors } from "@/lib/checkout/address-schema";

const address = {
  lastName: "山田",
  firstName: "太郎",
  lastNameKana: "やまだ",
  firstNameKana: "ﾀﾛｳ",
  postalCode: "１０００００１",
  prefecture: "13",
  city: "千代田区",
  address1: "千代田1-1",
  address2: "",
  phone: "03(1234)5678",
};

describe("checkoutSchema", () => {
  it("normalises what the shopper typed (katakana, 〒 with hyphen, phone, e-mail)", () => {
    const parsed = checkoutSchema.safeParse({ billing: address, email: " ＴＡＲＯ@example.jp ", paymentMethod: "card" });
    expect(parsed.success).toBe(true);
    if (!parsed.success) return;
    expect(parsed.data.billing).toMatchObject({ lastNameKana: "ヤマダ", firstNameKana: "タロウ", postalCode: "100-0001", phone: "03-1234-5678", address2: "" });
    expect(parsed.data.email).toBe("TARO@example.jp");
    expect(parsed.data.shipping).toBeNull();
    expect(parsed.data.shipToDifferentAddress).toBe(false);
  });

  it("names each bad field with a dictionary key", () => {
    const parsed = checkoutSchema.safeParse({
      billing: { ...address, lastName: " ", firstName: "x".repeat(31), lastNameKana: "Yamada", postalCode: "12-34", prefecture: "48", phone: "12345", address2: "y".repeat(81) },
      email: "not-an-address",
    });
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    expect(fieldErrors(parsed.error)).toEqual({
      "billing.lastName": "errors.required",
      "billing.firstName": "errors.tooLong:30",
      "billing.lastNameKana": "errors.kana",
      "billing.postalCode": "errors.postalCode",
      "billing.prefecture": "errors.prefecture",
      "billing.address2": "errors.tooLong:80",
      "billing.phone": "errors.phone",
      email: "errors.email",
    });
  });

  it("asks for what is missing, and the first problem of a field wins", () => {
    const parsed = checkoutSchema.safeParse({ billing: { ...address, postalCode: "", phone: "", city: undefined }, email: "" });
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    expect(fieldErrors(parsed.error)).toEqual({ "billing.postalCode": "errors.required", "billing.phone": "errors.required", "billing.city": "errors.required", email: "errors.required" });
  });

  it("checks the shipping address only when it is used, under shipping.*", () => {
    expect(checkoutSchema.safeParse({ billing: address, email: "a@example.jp", shipping: { lastName: "" } }).success).toBe(true);
    const parsed = checkoutSchema.safeParse({ billing: address, email: "a@example.jp", shipToDifferentAddress: true, shipping: { ...address, firstNameKana: "taro" } });
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    expect(fieldErrors(parsed.error)).toEqual({ "shipping.firstNameKana": "errors.kana" });
    const ok = checkoutSchema.safeParse({ billing: address, email: "a@example.jp", shipToDifferentAddress: true, shipping: address });
    expect(ok.success && ok.data.shipping?.postalCode).toBe("100-0001");
  });

  it("shows zod's own messages (a wrong shape from a hand-made request) as the generic error", () => {
    const parsed = checkoutSchema.safeParse({ billing: "nope", email: "a@example.jp", shipToDifferentAddress: "yes" });
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    expect(fieldErrors(parsed.error)).toEqual({ billing: "errors.generic", shipToDifferentAddress: "errors.generic" });
  });
});

describe("the browser's check (checkoutProblems) and the server's agree", () => {
  const cases = {
    good: { billing: address, email: "a@example.jp" },
    "bad billing and e-mail": { billing: { ...address, lastName: "", lastNameKana: "Yamada", postalCode: "12", prefecture: "", phone: "1", address2: "y".repeat(81) }, email: "a@b" },
    "too long": { billing: { ...address, city: "市".repeat(61), firstNameKana: "ア".repeat(41) }, email: `${"a".repeat(250)}@example.jp` },
    "bad shipping": { billing: address, email: "a@example.jp", shipToDifferentAddress: true, shipping: { ...address, address1: " ", phone: "０９０ー１２３４ー５６７８９" } },
  };
  for (const [name, input] of Object.entries(cases)) {
    it(name, () => {
      const parsed = checkoutSchema.safeParse(input);
      const server = parsed.success ? {} : fieldErrors(parsed.error);
      const browser = checkoutProblems({ ...input, shipping: "shipToDifferentAddress" in input && input.shipToDifferentAddress ? input.shipping : undefined });
      expect(browser).toEqual(server);
      if (name !== "good") expect(Object.keys(browser).length).toBeGreaterThan(0);
    });
  }
});
