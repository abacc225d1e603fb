import { describe, expect, it } from "vitest";
import { isFullWidthKatakana, toFullWidthKatakana } from "@/lib/text/kana";

describe("toFullWidthKatakana", () => {
  it("converts hiragana", () => {
    expect(toFullWidthKatakana("やまだ")).toBe("ヤマダ");
    expect(toFullWidthKatakana("ゔぁいおりん")).toBe("ヴァイオリン");
  });
  it("converts half-width katakana including voiced marks", () => {
    expect(toFullWidthKatakana("ﾀﾛｳ")).toBe("タロウ");
    expect(toFullWidthKatakana("ｶﾞｯｺｳ")).toBe("ガッコウ");
    expect(toFullWidthKatakana("ﾊﾟｰﾃｨｰ")).toBe("パーティー");
  });
  it("keeps full-width katakana and normalises spaces", () => {
    expect(toFullWidthKatakana(" スズキ  イチロウ ")).toBe("スズキ\u3000イチロウ");
  });
  it("leaves non-kana characters for the validator to reject", () => {
    expect(toFullWidthKatakana("山田")).toBe("山田");
    expect(isFullWidthKatakana(toFullWidthKatakana("山田"))).toBe(false);
  });
});

describe("isFullWidthKatakana", () => {
  it("accepts katakana with long vowel marks and middle dots", () => {
    expect(isFullWidthKatakana("ジョン・スミス")).toBe(true);
    expect(isFullWidthKatakana("コーヒー")).toBe(true);
  });
  it("rejects hiragana, latin, half-width kana and blanks", () => {
    expect(isFullWidthKatakana("やまだ")).toBe(false);
    expect(isFullWidthKatakana("Yamada")).toBe(false);
    expect(isFullWidthKatakana("ﾔﾏﾀﾞ")).toBe(false);
    expect(isFullWidthKatakana("\u3000")).toBe(false);
    expect(isFullWidthKatakana("")).toBe(false);
  });
});
