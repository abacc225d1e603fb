import { describe, expect, it } from "vitest";
import { normalizePhone } from "@/lib/address/phone";
import { normalizePostalCode } from "@/lib/address/postal-code";

describe("normalizePostalCode", () => {
  it.each([
    ["100-0001", "100-0001"],
    ["1000001", "100-0001"],
    ["１００－０００１", "100-0001"],
    ["〒150-0002", "150-0002"],
    [" 150 0002 ", "150-0002"],
    ["530ー0001", "530-0001"],
  ])("accepts %s", (input, expected) => {
    expect(normalizePostalCode(input)).toBe(expected);
  });

  it.each(["", "12-34567", "100-000", "1000-001", "abc-defg", "100-00012", "100--0001"])("rejects %s", (input) => {
    expect(normalizePostalCode(input)).toBeNull();
  });
});

describe("normalizePhone", () => {
  it.each([
    ["03-1234-5678", "03-1234-5678"],
    ["０９０－１２３４－５６７８", "090-1234-5678"],
    ["09012345678", "09012345678"],
    ["(03)1234-5678", "03-1234-5678"],
  ])("accepts %s", (input, expected) => {
    expect(normalizePhone(input)).toBe(expected);
  });

  it.each(["", "1234", "12-3456-7890", "090-1234-56789", "phone"])("rejects %s", (input) => {
    expect(normalizePhone(input)).toBeNull();
  });
});
