import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { verifyNotification } from "./notification";

const credentials = { merchantId: "32000002", merchantPass: "EmuCvsPass02" };

function posted(overrides: Record<string, string | undefined> = {}): Record<string, string> {
  const processPass = "PP0123456789abcdefPP0123456789ab";
  const recvNum = "1234567890";
  const base: Record<string, string | undefined> = {
    MerchantId: "32000002",
    TransactionId: "1000000000456",
    RecvNum: recvNum,
    NyukinDate: "20250102153045",
    MerchantFree1: "000000123456",
    MerchantFree2: "ord_42",
    MerchantFree3: "",
    CvsCd: "LSN",
    TenantCd: "0001",
    Amount: "3300",
    ResponseCd: "OK",
    StampFlag: "0",
    ProcessPass: processPass,
    HashCd: createHash("md5").update(processPass + recvNum + credentials.merchantPass).digest("hex"),
    ...overrides,
  };
  return Object.fromEntries(Object.entries(base).filter((e): e is [string, string] => e[1] !== undefined));
}

describe("verifyNotification", () => {
  it("accepts a correctly signed notification and types it", () => {
    const result = verifyNotification(posted(), credentials);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.notification).toMatchObject({
      orderId: "ord_42",
      transactionCode: "000000123456",
      amount: 3300,
      recvNum: "1234567890",
      cvsCd: "LSN",
      cvsName: "ローソン",
      responseCd: "OK",
    });
    expect(result.notification.userId).toBeUndefined();
    // 2025-01-02 15:30:45 JST = 06:30:45 UTC
    expect(result.notification.paidAt?.toISOString()).toBe("2025-01-02T06:30:45.000Z");
  });

  it("accepts URLSearchParams and an upper-case HashCd", () => {
    const fields = posted();
    const params = new URLSearchParams({ ...fields, HashCd: (fields.HashCd ?? "").toUpperCase() });
    expect(verifyNotification(params, credentials).ok).toBe(true);
  });

  it("rejects a wrong hash", () => {
    const result = verifyNotification(posted({ HashCd: "0".repeat(32) }), credentials);
    expect(result).toMatchObject({ ok: false, reason: "hash_mismatch" });
  });

  it("rejects a hash made with another password or a tampered RecvNum", () => {
    expect(verifyNotification(posted(), { ...credentials, merchantPass: "other" })).toMatchObject({
      ok: false,
      reason: "hash_mismatch",
    });
    expect(verifyNotification(posted({ RecvNum: "1234567891" }), credentials)).toMatchObject({
      ok: false,
      reason: "hash_mismatch",
    });
  });

  it("rejects another merchant", () => {
    const result = verifyNotification(posted({ MerchantId: "32000001" }), credentials);
    expect(result).toMatchObject({ ok: false, reason: "merchant_mismatch" });
  });

  it("lists missing fields (empty counts as missing)", () => {
    const result = verifyNotification(posted({ RecvNum: undefined, HashCd: "" }), credentials);
    expect(result).toMatchObject({ ok: false, reason: "missing_fields" });
    if (!result.ok) expect(result.detail).toBe("RecvNum, HashCd");
  });

  it("rejects a non-integer amount", () => {
    const result = verifyNotification(posted({ Amount: "33.5" }), credentials);
    expect(result).toMatchObject({ ok: false, reason: "invalid_amount" });
  });

  it("shows unknown CvsCd verbatim", () => {
    const result = verifyNotification(posted({ CvsCd: "XYZ" }), credentials);
    expect(result.ok && result.notification.cvsName).toBe("XYZ");
  });
});
