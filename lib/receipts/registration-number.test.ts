import { describe, expect, it } from "vitest";
import { corporateNumberCheckDigit, isValidRegistrationNumber, normalizeRegistrationNumber } from "@/lib/receipts/registration-number";

// Published 法人番号 (国税庁 法人番号公表サイト): 国税庁, トヨタ自動車株式会社, ソニーグループ株式会社.
const PUBLISHED = ["T7000012050002", "T1180301018771", "T5010401067252"];

describe("登録番号", () => {
  it("accepts real published numbers", () => {
    for (const n of PUBLISHED) expect(isValidRegistrationNumber(n), n).toBe(true);
  });

  it("computes the check digit by the NTA formula", () => {
    expect(corporateNumberCheckDigit("000012050002")).toBe(7);
    expect(corporateNumberCheckDigit("180301018771")).toBe(1);
    // Σ ≡ 0 (mod 9) gives 9, not 0.
    expect(corporateNumberCheckDigit("000000000000")).toBe(9);
  });

  it("refuses a wrong check digit, a changed digit and swapped neighbours", () => {
    expect(isValidRegistrationNumber("T6000012050002")).toBe(false);
    expect(isValidRegistrationNumber("T7000012050003")).toBe(false);
    // Swapping two neighbours moves digits between the ×1 and ×2 weights.
    expect(isValidRegistrationNumber("T1180301017871")).toBe(false);
  });

  it("refuses the wrong shape", () => {
    for (const bad of ["", "7000012050002", "T700001205000", "T70000120500021", "X7000012050002", "T70000120500O2"]) {
      expect(isValidRegistrationNumber(bad), bad).toBe(false);
    }
  });

  it("normalizes what people type", () => {
    expect(normalizeRegistrationNumber(" ｔ７０００ー０１２０－５０００２ ")).toBe("T7000012050002");
    expect(isValidRegistrationNumber(normalizeRegistrationNumber("t 7000-0120-50002"))).toBe(true);
  });
});
