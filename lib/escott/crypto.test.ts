import { createCipheriv } from "node:crypto";
import { describe, expect, it } from "vitest";
import { decryptValue, encryptValue } from "./crypto";

const aes = { key: "k3yForEmulat0r16", iv: "iv4Emulat0r00016" };

describe("EncryptValue", () => {
  it("matches AES-128-CBC/PKCS#7 with the ASCII key/IV used literally over the form-encoded plaintext", () => {
    const fields = { MerchantId: "32000001", OperateId: "3Secure", BillingFullName: "TARO YAMADA", NameKanji: "山田" };
    const plaintext = "MerchantId=32000001&OperateId=3Secure&BillingFullName=TARO+YAMADA&NameKanji=%E5%B1%B1%E7%94%B0";
    const cipher = createCipheriv("aes-128-cbc", Buffer.from(aes.key, "ascii"), Buffer.from(aes.iv, "ascii"));
    const expected = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]).toString("base64");
    const actual = encryptValue(fields, aes);
    expect(actual).toBe(expected);
    expect(actual).toMatch(/^[A-Za-z0-9+/]+={0,2}$/);
    // PKCS#7 always adds a block when the plaintext length is a multiple of 16.
    expect(Buffer.from(actual, "base64").length).toBe(Math.ceil((plaintext.length + 1) / 16) * 16);
  });

  it("round-trips UTF-8, '+', '&' and '='", () => {
    const fields = { A: "x y+z&=", RedirectUrl: "https://shop.example/api/escott/3ds?x=1", N: "ヤマダ　タロウ" };
    expect(decryptValue(encryptValue(fields, aes), aes)).toEqual({ ok: true, fields });
  });

  it("accepts a value whose '+' became a space in transit", () => {
    const fields = { ResponseCd: "OK", Pad: "?>?>?>" };
    let encrypted = encryptValue(fields, aes);
    for (let i = 0; !encrypted.includes("+") && i < 50; i++) {
      encrypted = encryptValue({ ...fields, Pad: fields.Pad + i }, aes);
    }
    expect(encrypted).toContain("+");
    const result = decryptValue(encrypted.replace(/\+/g, " "), aes);
    expect(result.ok).toBe(true);
  });

  it("decrypting with the wrong key gives a typed failure, not a throw", () => {
    const encrypted = encryptValue({ OperateId: "3Secure", ResponseCd: "OK", SecureResultCode: "0" }, aes);
    // Fixed inputs, so the outcome is deterministic: the PKCS#7 padding check fails.
    expect(decryptValue(encrypted, { key: "WRONGkey12345678", iv: aes.iv })).toEqual({ ok: false, reason: "bad_ciphertext" });
  });

  it("rejects empty, non-Base64 and truncated input", () => {
    expect(decryptValue("", aes)).toEqual({ ok: false, reason: "empty" });
    expect(decryptValue("not base64!!", aes)).toEqual({ ok: false, reason: "not_base64" });
    expect(decryptValue(Buffer.alloc(10).toString("base64"), aes)).toEqual({ ok: false, reason: "bad_ciphertext" });
  });
});
