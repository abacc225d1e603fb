import { describe, expect, it } from "vitest";
import { shouhinName, toFullWidth, toFullWidthKatakana } from "./kana";

describe("toFullWidth", () => {
  it("widens ASCII, spaces and half-width kana (voiced pairs combined)", () => {
    expect(toFullWidth("Tシャツ M size")).toBe("Ｔシャツ　Ｍ　ｓｉｚｅ");
    expect(toFullWidth("ｶﾞﾝﾀﾞﾑ ﾌﾟﾗﾓ 1/144")).toBe("ガンダム　プラモ　１／１４４");
    expect(toFullWidth("既に全角")).toBe("既に全角");
  });
});

describe("toFullWidthKatakana", () => {
  it("converts hiragana and half-width katakana", () => {
    expect(toFullWidthKatakana("やまだたろう")).toBe("ヤマダタロウ");
    expect(toFullWidthKatakana("ﾔﾏﾀﾞﾊﾟﾝ")).toBe("ヤマダパン");
    expect(toFullWidthKatakana("ヤマダ")).toBe("ヤマダ");
  });
});

describe("shouhinName (§7.1)", () => {
  const chars = (s: string) => Array.from(s).length;

  it("sends a short single item as is, full-width", () => {
    expect(shouhinName(["Coffee 200g"])).toBe("Ｃｏｆｆｅｅ　２００ｇ");
  });

  it("cuts a single item longer than 16 to 13 chars + …", () => {
    const result = shouhinName(["ABCDEFGHIJKLMNOPQRST"]);
    expect(result).toBe("ＡＢＣＤＥＦＧＨＩＪＫＬＭ…");
    expect(chars(result)).toBe(14);
    expect(shouhinName(["ABCDEFGHIJKLMNOP"])).toBe("ＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰ");
  });

  it("several items: name + 、他 longer than 16 → first 12 + 、他; fits → name alone", () => {
    expect(shouhinName(["有機栽培コーヒー豆ブレンド深煎り", "マグ"])).toBe("有機栽培コーヒー豆ブレン、他");
    expect(shouhinName(["ABCDEFGHIJKLMNO", "x"])).toBe("ＡＢＣＤＥＦＧＨＩＪＫＬ、他");
    expect(shouhinName(["コーヒー", "マグ"])).toBe("コーヒー");
  });

  it("English suffixes are full-width and the result stays within 16 chars", () => {
    const several = shouhinName(["Organic coffee beans blend", "Mug"], "en");
    expect(several).toBe("Ｏｒｇａｎｉｃ　ｃｏｆ　ｅｔｃ．");
    expect(chars(several)).toBe(16);
    const single = shouhinName(["Organic coffee beans blend"], "en");
    expect(single).toBe("Ｏｒｇａｎｉｃ　ｃｏｆｆｅ．．．");
    expect(chars(single)).toBe(16);
  });

  it("counts a half-width voiced pair as one character", () => {
    expect(shouhinName(["ｶﾞｶﾞｶﾞｶﾞｶﾞｶﾞｶﾞｶﾞｶﾞｶﾞｶﾞｶﾞｶﾞｶﾞｶﾞｶﾞ"])).toBe("ガ".repeat(16));
  });

  it("returns an empty string without items", () => {
    expect(shouhinName([])).toBe("");
  });
});
