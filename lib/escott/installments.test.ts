import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { brandOf, installmentOptions, isAllowedPayType, payTypeLabel, PAY_TYPES } from "./installments";

const FULL = ["01", "02", "03", "05", "06", "10", "12", "15", "18", "20", "24", "88"];

describe("installmentOptions (§5.2)", () => {
  it("gives VISA, Mastercard and JCB the full menu", () => {
    for (const prefix of ["4111", "5555", "3540"]) {
      expect(installmentOptions(prefix, 2), prefix).toEqual(FULL);
    }
  });

  it("adds 80 only with setting 3, in numeric position", () => {
    expect(installmentOptions("4", 3)).toEqual([...FULL.slice(0, -1), "80", "88"]);
    expect(installmentOptions("4", 2)).not.toContain("80");
  });

  it("gives AMEX no 02 and no 88", () => {
    const amex = installmentOptions("3782", 3);
    expect(amex).toEqual(["01", "03", "05", "06", "10", "12", "15", "18", "20", "24", "80"]);
    expect(amex).not.toContain("02");
    expect(amex).not.toContain("88");
  });

  it("gives Diners 01 and 88 (+80)", () => {
    expect(installmentOptions("3600", 2)).toEqual(["01", "88"]);
    expect(installmentOptions("3600", 3)).toEqual(["01", "80", "88"]);
  });

  it("gives unknown prefixes (incl. 34, 30, 38) only 01, even with setting 3", () => {
    for (const prefix of ["34", "3000", "38", "6011", "", "2221"]) {
      expect(installmentOptions(prefix, 3), prefix).toEqual(["01"]);
    }
  });

  it("setting 1 → only 01 for every brand", () => {
    for (const prefix of ["4111", "5555", "3540", "3782", "3600"]) {
      expect(installmentOptions(prefix, 1), prefix).toEqual(["01"]);
    }
  });

  it("reads masked and spaced numbers", () => {
    expect(installmentOptions("3782********0005", 2)).not.toContain("88");
    expect(installmentOptions("4541 **** **** 0040", 2)).toEqual(FULL);
  });

  it("validates a posted PayType server-side", () => {
    expect(isAllowedPayType("3782", 2, "02")).toBe(false);
    expect(isAllowedPayType("3782", 2, "03")).toBe(true);
    expect(isAllowedPayType("4111", 2, "80")).toBe(false);
    expect(isAllowedPayType("4111", 3, "80")).toBe(true);
    expect(isAllowedPayType("6011", 3, "02")).toBe(false);
    expect(isAllowedPayType("4111", 2, "99")).toBe(false);
  });
});

describe("brandOf", () => {
  it("detects brands from prefixes", () => {
    expect(brandOf("4111")).toBe("visa");
    expect(brandOf("5105")).toBe("mastercard");
    expect(brandOf("2221")).toBe("mastercard");
    expect(brandOf("3530")).toBe("jcb");
    expect(brandOf("3782")).toBe("amex");
    expect(brandOf("3411")).toBe("amex");
    expect(brandOf("3600")).toBe("diners");
    expect(brandOf("3000")).toBe("diners");
    expect(brandOf("6011")).toBe("unknown");
    expect(brandOf("4541********0040")).toBe("visa");
  });
});

describe("payTypeLabel", () => {
  it("labels in ja and en", () => {
    expect(payTypeLabel("01", "ja")).toBe("一括払い");
    expect(payTypeLabel("03", "ja")).toBe("3回払い");
    expect(payTypeLabel("24", "en")).toBe("24 installments");
    expect(payTypeLabel("80", "ja")).toBe("ボーナス一括払い");
    expect(payTypeLabel("88", "ja")).toBe("リボ払い");
    expect(PAY_TYPES).toHaveLength(13);
  });
});

describe("browser safety", () => {
  it("installments.ts imports nothing (so nothing from node:)", () => {
    const source = readFileSync(fileURLToPath(new URL("./installments.ts", import.meta.url)), "utf8");
    expect(source).not.toMatch(/^\s*import\s/m);
    expect(source).not.toMatch(/from\s+["']/);
  });
});
