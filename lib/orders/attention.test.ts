import { describe, expect, it } from "vitest";
import { ja } from "@/lib/i18n/ja";
import { errorText } from "@/lib/i18n";
import { ATTENTION, attentionLabel } from "@/lib/orders/attention";

describe("attentionLabel", () => {
  it("names every flag the payment code sets, and something for an unknown one", () => {
    expect(attentionLabel(null)).toBeNull();
    expect(errorText(ja, attentionLabel(`${ATTENTION.paymentUnknown}:timeout`)!)).toBe("決済結果不明");
    expect(errorText(ja, attentionLabel(ATTENTION.paidAfterCancel)!)).toBe("取消後の入金");
    expect(errorText(ja, attentionLabel(ATTENTION.amountMismatch)!)).toBe("入金額の相違");
    expect(errorText(ja, attentionLabel("something_new")!)).toBe("要確認");
  });
});
