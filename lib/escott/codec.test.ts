import { describe, expect, it } from "vitest";
import { decodeForm, encodeForm, phpUrlDecode, phpUrlEncode, splitResponseCodes } from "./codec";

describe("phpUrlEncode", () => {
  it("encodes like PHP urlencode: space → '+', unreserved kept, the rest %XX uppercase", () => {
    expect(phpUrlEncode("a b")).toBe("a+b");
    expect(phpUrlEncode("AZaz09-_.")).toBe("AZaz09-_.");
    expect(phpUrlEncode("~!*'()")).toBe("%7E%21%2A%27%28%29");
    expect(phpUrlEncode("https://shop.example/?wc-api=x&y=1")).toBe(
      "https%3A%2F%2Fshop.example%2F%3Fwc-api%3Dx%26y%3D1",
    );
    expect(phpUrlEncode("+")).toBe("%2B");
  });

  it("encodes Japanese as UTF-8 bytes", () => {
    expect(phpUrlEncode("テスト")).toBe("%E3%83%86%E3%82%B9%E3%83%88");
    expect(phpUrlEncode("山田 太郎")).toBe("%E5%B1%B1%E7%94%B0+%E5%A4%AA%E9%83%8E");
  });

  it("does not throw on a lone surrogate", () => {
    expect(phpUrlEncode("a\uD800b")).toBe("a%EF%BF%BDb");
  });
});

describe("encodeForm", () => {
  it("keeps insertion order and empty values, skips undefined", () => {
    expect(encodeForm({ OperateId: "1Auth", KaiinId: "", Skip: undefined, NameKanji: "山田 花子" })).toBe(
      "OperateId=1Auth&KaiinId=&NameKanji=%E5%B1%B1%E7%94%B0+%E8%8A%B1%E5%AD%90",
    );
  });

  it("round-trips through URLSearchParams (an independent decoder)", () => {
    const fields = { A: "x y+z&=", B: "ﾃｽﾄ・テスト", C: "100%" };
    expect(Object.fromEntries(new URLSearchParams(encodeForm(fields)))).toEqual(fields);
  });
});

describe("phpUrlDecode / decodeForm", () => {
  it("decodes '+' and UTF-8 percent sequences, keeps invalid '%' literally", () => {
    expect(phpUrlDecode("a+b%E3%83%86")).toBe("a bテ");
    expect(phpUrlDecode("100%")).toBe("100%");
    expect(phpUrlDecode("%zz")).toBe("%zz");
    expect(phpUrlDecode("https://x/y")).toBe("https://x/y");
  });

  it("parses a single-line response", () => {
    expect(
      decodeForm("TransactionId=1000000000123&OperateId=1Auth&ResponseCd=OK&CompanyCd=Y2&ApproveNo=1234567"),
    ).toEqual({
      TransactionId: "1000000000123",
      OperateId: "1Auth",
      ResponseCd: "OK",
      CompanyCd: "Y2",
      ApproveNo: "1234567",
    });
  });

  it("tolerates blank lines before, after and inside the body", () => {
    expect(decodeForm("\r\n\r\nResponseCd=OK&A=1\r\n\r\n")).toEqual({ ResponseCd: "OK", A: "1" });
    expect(decodeForm("ResponseCd=K01\n\nB=2")).toEqual({ ResponseCd: "K01", B: "2" });
  });

  it("keeps '=' inside values and empty values; last duplicate wins", () => {
    expect(decodeForm("FreeArea=abc%3D%3D  &X=&Y=a=b&X=2")).toEqual({ FreeArea: "abc==", X: "2", Y: "a=b" });
  });

  it("returns null when nothing field-like is in the body", () => {
    expect(decodeForm("")).toBeNull();
    expect(decodeForm("   \r\n ")).toBeNull();
    expect(decodeForm("<html><body>Internal Server Error</body></html>")).toBeNull();
    expect(decodeForm('<html lang="ja">')).toBeNull();
  });
});

describe("splitResponseCodes", () => {
  it("splits on '|' and drops blanks", () => {
    expect(splitResponseCodes("K20|K21")).toEqual(["K20", "K21"]);
    expect(splitResponseCodes("OK")).toEqual(["OK"]);
    expect(splitResponseCodes(" K01 ||")).toEqual(["K01"]);
    expect(splitResponseCodes(undefined)).toEqual([]);
    expect(splitResponseCodes("")).toEqual([]);
  });
});
