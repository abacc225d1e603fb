import { describe, expect, it } from "vitest";
import { dictionaryFor, errorText } from "@/lib/i18n";
import { planRefund, REFUND_REASON_MAX } from "@/lib/payments/card/refund";

describe("planRefund", () => {
  it("plans a partial refund as the amount that is kept", () => {
    expect(planRefund({ amount: "1000", reason: " 破損 " }, 5200)).toEqual({ ok: true, amount: 1000, reason: "破損", after: 4200, full: false });
    expect(planRefund({ amount: "1,000", reason: "x" }, 5200)).toMatchObject({ ok: true, amount: 1000 });
  });

  it("plans the whole remaining amount as a full refund", () => {
    expect(planRefund({ amount: "4200", reason: "返品" }, 4200)).toEqual({ ok: true, amount: 4200, reason: "返品", after: 0, full: true });
  });

  it.each(["0", "-1", "4201", "1.5", "1e3", "", "abc", " ", "9999999999", "0x10"])("refuses the amount %j (remaining 4200)", (amount) => {
    expect(planRefund({ amount, reason: "r" }, 4200)).toEqual({ ok: false, message: "refund.amountRange", values: { remaining: "4200" } });
  });

  it("requires a reason and bounds it", () => {
    expect(planRefund({ amount: "1", reason: "  " }, 10)).toEqual({ ok: false, message: "refund.reasonRequired" });
    expect(planRefund({ amount: "1" }, 10)).toEqual({ ok: false, message: "refund.reasonRequired" });
    expect(planRefund({ amount: "1", reason: "あ".repeat(REFUND_REASON_MAX) }, 10)).toMatchObject({ ok: true });
    expect(planRefund({ amount: "1", reason: "あ".repeat(REFUND_REASON_MAX + 1) }, 10)).toEqual({ ok: false, message: "refund.reasonTooLong", values: { limit: String(REFUND_REASON_MAX) } });
  });
});

describe("refund errors", () => {
  it("read in Japanese and in English, with the remaining amount and the limit filled in", () => {
    const range = planRefund({ amount: "9999", reason: "x" }, 4200);
    const long = planRefund({ amount: "1", reason: "x".repeat(REFUND_REASON_MAX + 1) }, 4200);
    if (range.ok || long.ok) throw new Error("expected refusals");
    expect(errorText(dictionaryFor("ja"), range.message, range.values ?? {})).toBe("返金額は1円以上4200円以下の整数で入力してください。");
    expect(errorText(dictionaryFor("en"), range.message, range.values ?? {})).toBe("Enter a whole number of yen from 1 to 4200.");
    expect(errorText(dictionaryFor("en"), long.message, long.values ?? {})).toBe(`The reason can be at most ${REFUND_REASON_MAX} characters.`);
    expect(errorText(dictionaryFor("en"), "refund.reasonRequired")).toBe("Enter the reason for the refund.");
  });
});
