import { describe, expect, it } from "vitest";
import { createEscottClient } from "./client";
import { decryptValue, encryptValue } from "./crypto";
import { aes, card, formClient, MEMBER, TOKEN } from "@/test/support/escott-contract";

const client = formClient();

function decrypt(encryptValueText: string): Record<string, string> {
  const result = decryptValue(encryptValueText, aes);
  if (!result.ok) throw new Error(`decrypt failed: ${result.reason}`);
  return result.fields;
}

describe("3Secure form (§6.3 step 5)", () => {
  it("new card: exact key set, MerchantId in clear and in the plaintext", () => {
    const form = client.threeDS.checkoutForm({
      orderId: "ord_1",
      amount: 1200,
      source: { token: TOKEN },
      redirectUrl: "http://localhost:3000/api/escott/3ds-return",
      billingFullName: "TARO YAMADA",
      billingEmail: "taro@example.jp",
    });
    expect(form.ok).toBe(true);
    if (!form.ok) return;
    expect(form.action).toBe("http://localhost:4010/online/tds/OTDS010.do");
    expect(Object.keys(form.fields).sort()).toEqual(["EncryptValue", "MerchantId"]);
    expect(form.fields.MerchantId).toBe("32000001");
    expect(form.procNo).toMatch(/^\d{7}$/);
    const plain = decrypt(form.fields.EncryptValue);
    expect(Object.keys(plain).sort()).toEqual(
      [
        "MerchantId", "MerchantPass", "TransactionDate", "MerchantFree1", "MerchantFree2", "TenantId", "Amount",
        "Token", "OperateId", "ProcNo", "RedirectUrl", "BillingFullName", "BillingEmail",
      ].sort(),
    );
    expect(plain).toMatchObject({
      OperateId: "3Secure",
      TransactionDate: "20250401",
      MerchantFree1: form.transactionCode,
      MerchantFree2: "ord_1",
      Amount: "1200",
      Token: TOKEN,
      ProcNo: form.procNo,
      RedirectUrl: "http://localhost:3000/api/escott/3ds-return",
      BillingFullName: "TARO YAMADA",
    });
    expect(plain.PayType).toBeUndefined();
  });

  it("stored card: KaiinId/KaiinPass/MerchantFree3, no Token, empty BillingFullName", () => {
    const form = client.threeDS.checkoutForm({
      orderId: "ord_1",
      amount: 1200,
      source: { member: { ...MEMBER, userId: "42" } },
      redirectUrl: "https://shop.example/3ds",
      billingFullName: "ignored",
      billingEmail: "taro@example.jp",
      transactionCode: "000000000042",
    });
    if (!form.ok) throw new Error(form.detail);
    const plain = decrypt(form.fields.EncryptValue);
    expect(plain.Token).toBeUndefined();
    expect(plain).toMatchObject({
      KaiinId: MEMBER.kaiinId,
      KaiinPass: MEMBER.kaiinPass,
      MerchantFree3: "42",
      MerchantFree1: "000000000042",
      BillingFullName: "",
    });
    expect(Object.keys(plain)).toHaveLength(15);
  });

  it("4MemAdd/4MemChg form: exact key set of §6.4", () => {
    const form = client.threeDS.memberForm({
      operateId: "4MemChg",
      userId: "42",
      ...MEMBER,
      token: TOKEN,
      redirectUrl: "https://shop.example/account/card",
      billingEmail: "taro@example.jp",
    });
    if (!form.ok) throw new Error(form.detail);
    const plain = decrypt(form.fields.EncryptValue);
    expect(Object.keys(plain).sort()).toEqual(
      [
        "MerchantId", "MerchantPass", "TenantId", "TransactionDate", "MerchantFree3", "MerchantFree1", "Token",
        "OperateId", "KaiinId", "KaiinPass", "ProcNo", "RedirectUrl", "BillingFullName", "BillingEmail",
      ].sort(),
    );
    expect(plain.OperateId).toBe("4MemChg");
  });

  it("typed errors instead of throws", () => {
    const noAes = createEscottClient({ mode: "test", card: { ...card, aesKey: undefined, aesIv: undefined } });
    const params = {
      orderId: "o",
      amount: 1,
      source: { token: TOKEN },
      redirectUrl: "https://shop.example/3ds",
      billingEmail: "a@b.jp",
    };
    expect(noAes.threeDS.checkoutForm(params)).toMatchObject({ ok: false, reason: "not_configured" });
    expect(client.threeDS.checkoutForm({ ...params, redirectUrl: "/relative" })).toMatchObject({
      ok: false,
      reason: "invalid_request",
    });
  });
});

describe("3DS return (§6.5–6.6)", () => {
  const returned = (fields: Record<string, string>) => encryptValue(fields, aes);
  const base = {
    MerchantId: "32000001",
    OperateId: "3Secure",
    ResponseCd: "OK",
    MerchantFree1: "000000000042",
    SecureResultCode: "0",
    MessageVersionNo3D: "2.2.0",
    EncodeXId3D: "",
    TransactionStatus3D: "Y",
    CAVVAlgorithm3D: "2",
    CAVV3D: "AJkBBkhgQQAAAE4gSEJydQAAAAA=",
    ECI3D: "05",
    DSTransactionId: "f25084f0-5b16-4c0a-ae5d-b24808a95e4b",
    ThreeDSServerTransactionId: "8a880dc0-d2d2-4067-bcb1-b08d1690b26e",
  };

  it("decrypts into a typed result carrying the nine values", () => {
    const result = client.threeDS.parseReturn(returned(base));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result).toMatchObject({
      operateId: "3Secure",
      responseOk: true,
      secureResultCode: "0",
      proceed: true,
      transactionCode: "000000000042",
    });
    const nine = Object.fromEntries(
      Object.entries(base).filter(([key]) => !["MerchantId", "OperateId", "ResponseCd", "MerchantFree1"].includes(key)),
    );
    expect(result.values).toEqual(nine);
    expect(Object.keys(result.values)).toHaveLength(9);
  });

  it("proceed: 0/2/3 → true; 1/8/9/unknown → false", () => {
    const proceed = (code: string) => {
      const result = client.threeDS.parseReturn(returned({ ...base, SecureResultCode: code }));
      if (!result.ok) throw new Error(result.detail);
      return result.proceed;
    };
    expect(["0", "2", "3"].map(proceed)).toEqual([true, true, true]);
    expect(["1", "8", "9", "4", "7", "X"].map(proceed)).toEqual([false, false, false, false, false, false]);
    expect(proceed("00")).toBe(true);
  });

  it("member registration return keeps MerchantFree3 and reports ResponseCd", () => {
    const result = client.threeDS.parseReturn(
      returned({ OperateId: "4MemAdd", ResponseCd: "K69", SecureResultCode: "0", MerchantFree1: "000000000042", MerchantFree3: "42" }),
    );
    expect(result).toMatchObject({ ok: true, operateId: "4MemAdd", userId: "42", responseOk: false, codes: ["K69"] });
  });

  it("masks secrets echoed in the decrypted fields", () => {
    const result = client.threeDS.parseReturn(returned({ ...base, MerchantPass: card.merchantPass }));
    expect(result.ok && result.raw.MerchantPass).toBe("********01");
  });

  it("failures are typed", () => {
    expect(client.threeDS.parseReturn(undefined)).toMatchObject({ ok: false, reason: "missing_value" });
    expect(client.threeDS.parseReturn("%%%")).toMatchObject({ ok: false, reason: "decrypt_failed" });
    expect(
      client.threeDS.parseReturn(encryptValue(base, { key: "AnotherKey123456", iv: aes.iv })),
    ).toMatchObject({ ok: false, reason: "decrypt_failed" });
    const withoutSecure: Record<string, string> = { ...base };
    delete withoutSecure.SecureResultCode;
    expect(client.threeDS.parseReturn(returned(withoutSecure))).toMatchObject({
      ok: false,
      reason: "missing_fields",
      detail: "SecureResultCode",
    });
    // e-SCOTT refusing the request itself: no SecureResultCode, an error code, our attempt named.
    expect(client.threeDS.parseReturn(returned({ ...withoutSecure, ResponseCd: "K89" }))).toMatchObject({
      ok: false,
      reason: "refused",
      codes: ["K89"],
      transactionCode: base.MerchantFree1,
    });
    expect(client.threeDS.parseReturn(returned({ ...withoutSecure, ResponseCd: "K89", MerchantId: "99999999" }))).toMatchObject({ reason: "missing_fields" });
    expect(client.threeDS.parseReturn(returned({ ...base, OperateId: "9Foo" }))).toMatchObject({
      ok: false,
      reason: "invalid_fields",
    });
    expect(client.threeDS.parseReturn(returned({ ...base, MerchantId: "99999999" }))).toMatchObject({
      ok: false,
      reason: "merchant_mismatch",
    });
  });
});
