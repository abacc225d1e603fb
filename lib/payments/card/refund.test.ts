import { describe, expect, it } from "vitest";
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
