// What a payment log may keep: secrets, personal data (KaiinId, MerchantFree3) and 3-D Secure
// authentication data (CAVV, ECI, …) are masked wherever lib/escott hands fields to a log.
import { describe, expect, it } from "vitest";
import { encryptValue } from "./crypto";
import { isMaskedField, maskFields, maskSecret, PERSONAL_FIELDS, secretValuesOf } from "./log";
import { summarizeNotification } from "./notification";
import { THREE_DS_VALUE_FIELDS } from "./three-d-secure-values";
import { aes, card, formClient, MEMBER } from "@/test/support/escott-contract";

const client = formClient();

const THREE_DS = {
  SecureResultCode: "0",
  MessageVersionNo3D: "2.2.0",
  EncodeXId3D: "MDAwMDAwMDAwMDAwMDAwMDAwNDI=",
  TransactionStatus3D: "Y",
  CAVVAlgorithm3D: "2",
  CAVV3D: "AJkBBkhgQQAAAE4gSEJydQAAAAA=",
  ECI3D: "05",
  DSTransactionId: "f25084f0-5b16-4c0a-ae5d-b24808a95e4b",
  ThreeDSServerTransactionId: "8a880dc0-d2d2-4067-bcb1-b08d1690b26e",
};
const AUTH_DATA = ["EncodeXId3D", "CAVVAlgorithm3D", "CAVV3D", "ECI3D", "DSTransactionId", "ThreeDSServerTransactionId"];
const OUTCOMES = ["SecureResultCode", "MessageVersionNo3D", "TransactionStatus3D"];

function visible(fields: Record<string, string>): string {
  return JSON.stringify(fields);
}

describe("masking", () => {
  it("masks KaiinId, MerchantFree3 and the 3-D Secure authentication values like the secrets", () => {
    const masked = maskFields({ KaiinId: "wc42i0038215", KaiinPass: "003141592653", MerchantFree3: "user-0000000042", MerchantFree1: "000000000042", ...THREE_DS });
    expect(masked).toMatchObject({ KaiinId: "********15", KaiinPass: "********53", MerchantFree3: "********42", MerchantFree1: "000000000042", CAVV3D: "********A=", ECI3D: "********" });
    for (const key of AUTH_DATA) expect(masked[key], key).toMatch(/^\*{8}/);
    for (const key of OUTCOMES) expect(masked[key], key).toBe(THREE_DS[key as keyof typeof THREE_DS]);
  });

  it("covers every 3-D Secure value that is authentication data, and keeps the outcomes", () => {
    expect([...THREE_DS_VALUE_FIELDS].filter(isMaskedField).sort()).toEqual([...AUTH_DATA].sort());
    expect([...PERSONAL_FIELDS]).toEqual(expect.arrayContaining(["KaiinId", "MerchantFree3", "CAVV3D", "ECI3D"]));
  });

  it("masking twice changes nothing", () => {
    for (const value of ["wc42i0038215", "05", "", "abcdef"]) expect(maskSecret(maskSecret(value))).toBe(maskSecret(value));
  });

  it("redacts personal values echoed in free text (long enough to be recognisable)", () => {
    expect(secretValuesOf({ KaiinId: "wc42i0038215", MerchantFree1: "000000000042" })).toContain("wc42i0038215");
    expect(secretValuesOf({ MerchantFree1: "000000000042" })).toEqual([]);
  });
});

describe("what lib/escott hands to the payment log", () => {
  it("3-D Secure return: raw has CAVV, ECI and MerchantFree3 masked", () => {
    const ret = client.threeDS.parseReturn(encryptValue({ MerchantId: card.merchantId, OperateId: "3Secure", ResponseCd: "OK", MerchantFree1: "000000000042", MerchantFree3: "user-42", ...THREE_DS }, aes));
    if (!ret.ok) throw new Error(ret.detail);
    expect(ret.values.CAVV3D).toBe(THREE_DS.CAVV3D); // forwarded unchanged to the authorization…
    expect(visible(ret.raw)).not.toContain(THREE_DS.CAVV3D); // …never logged
    expect(ret.raw).toMatchObject({ ECI3D: "********", MerchantFree3: "********42", SecureResultCode: "0" });
  });

  it("3-D Secure refusal (no SecureResultCode): MerchantFree3 masked", () => {
    const ret = client.threeDS.parseReturn(encryptValue({ OperateId: "4MemAdd", ResponseCd: "K89", MerchantFree1: "000000000042", MerchantFree3: "user-0042" }, aes));
    expect(ret).toMatchObject({ ok: false, reason: "refused" });
    if (ret.ok || ret.reason !== "refused") return;
    expect(ret.raw).toMatchObject({ MerchantFree3: "********42", MerchantFree1: "000000000042", ResponseCd: "K89" });
  });

  it("the 3-D Secure form's log fields: MerchantFree3 masked, no KaiinId", () => {
    const form = client.threeDS.checkoutForm({
      orderId: "7",
      amount: 1200,
      source: { member: { ...MEMBER, userId: "user-0042" } },
      redirectUrl: "https://shop.example/api/escott/3ds",
      billingEmail: "taro@example.jp",
      transactionCode: "000000000042",
    });
    if (!form.ok) throw new Error(form.detail);
    expect(form.logged.MerchantFree3).toBe("********42");
    expect(visible(form.logged)).not.toContain(MEMBER.kaiinId);
  });

  it("notification summary: MerchantFree3 masked with the secrets", () => {
    const summary = summarizeNotification({ MerchantFree1: "000000123456", MerchantFree3: "user-0042", ProcessPass: "PP0123456789abcdefPP0123456789ab", KaiinId: "wc42i0038215" });
    expect(summary.fields).toMatchObject({ MerchantFree1: "000000123456", MerchantFree3: "********42", ProcessPass: "********ab", KaiinId: "********15" });
  });
});
