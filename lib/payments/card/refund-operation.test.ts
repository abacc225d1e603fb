// 返金 of a captured card sale against the real emulator: 1Change for part, 1Delete for the rest,
// the Refund rows and the order's totals, exactly once under double submits.
import { describe, expect, it } from "vitest";
import { refundedAmount, refundsOfOrder, remainingAmount } from "@/lib/orders/refunds";
import { payWithCard } from "@/lib/payments/card/checkout";
import { availableOperations, runCardOperation, type OperationRequest } from "@/lib/payments/card/operations";
import { claimPaymentOperation } from "@/lib/payments/payments";
import { cardHarnessPerFile, guest } from "@/test/support/card-harness";

const h = cardHarnessPerFile({ operateId: "1Gathering", threeDSecure: false }, { timeoutMs: 6_000 });

/** A captured (1Gathering) order of 2 × 1,100 yen + 800 shipping = 3,000 yen. */
async function capturedOrder(card: "demo" | "slow" = "demo") {
  const order = await h.order({ quantity: 2 });
  const outcome = await payWithCard(await h.context(), order, await h.newCard(card), guest);
  expect(outcome.kind).toBe("redirect");
  return order;
}

const payment = (orderId: number) => h.db.payment.findFirstOrThrow({ where: { orderId }, orderBy: { createdAt: "desc" } });
const emuTx = async (orderId: number) => (await h.state()).transactions.find((t) => t.merchantFree2 === String(orderId));

async function refund(orderId: number, amount: string, reason = "商品の破損", overrides: Partial<OperationRequest> = {}) {
  const p = await payment(orderId);
  return runCardOperation(await h.context(), orderId, { operation: "refund", expectedState: p.state, expectedAmount: p.amount, refund: { amount, reason }, ...overrides }, "admin@example.com");
}

describe("refunds of a captured card payment", () => {
  it("refunds part through 1Change, then the rest through 1Delete: the order becomes refunded", async () => {
    const order = await capturedOrder();
    const total = (await h.db.order.findUniqueOrThrow({ where: { id: order.id } })).total;
    expect((await emuTx(order.id))?.status).toBe("SALES");

    expect(await refund(order.id, "1000")).toEqual({ ok: true, message: "refund.refunded", values: { amount: "1000" } });
    expect(await payment(order.id)).toMatchObject({ state: "captured", amount: total - 1000, operation: null });
    expect(await emuTx(order.id)).toMatchObject({ status: "SALES", amount: total - 1000 });
    const afterPart = await h.db.order.findUniqueOrThrow({ where: { id: order.id }, include: { refunds: true, notes: true } });
    // The order keeps what was ordered; the refund is recorded beside it.
    expect(afterPart).toMatchObject({ status: "processing", total });
    expect(afterPart.refunds).toMatchObject([{ amount: 1000, reason: "商品の破損", author: "admin@example.com", operateId: "1Change", amountBefore: total, amountAfter: total - 1000 }]);
    expect(afterPart.refunds[0]?.transactionId).toBeTruthy();
    expect(refundedAmount(afterPart)).toBe(1000);
    expect(remainingAmount(afterPart)).toBe(total - 1000);
    expect(afterPart.notes.some((n) => n.author === "admin@example.com" && n.message.includes("1000円を返金しました") && n.message.includes("商品の破損"))).toBe(true);

    expect(await refund(order.id, String(total - 1000), "返品")).toEqual({ ok: true, message: "refund.refundedAll", values: { amount: String(total - 1000) } });
    expect(await payment(order.id)).toMatchObject({ state: "voided", liveOrderId: null });
    expect((await emuTx(order.id))?.status).toBe("CANCEL");
    const refunded = await h.db.order.findUniqueOrThrow({ where: { id: order.id }, include: { refunds: true } });
    expect(refunded.status).toBe("refunded");
    expect((await refundsOfOrder(h.db, order.id)).map((r) => [r.operateId, r.amount, r.amountAfter])).toEqual([["1Change", 1000, total - 1000], ["1Delete", total - 1000, 0]]);
    expect(refundedAmount(refunded)).toBe(total);
    expect(remainingAmount(refunded)).toBe(0);
    // Nothing left to refund.
    expect(await refund(order.id, "1")).toEqual({ ok: false, message: "cardAdmin.opNotAllowed" });
  });

  it("refuses an amount outside 1…remaining or a missing reason, and sends nothing", async () => {
    const order = await capturedOrder();
    const before = await payment(order.id);
    expect(await refund(order.id, String(before.amount + 1))).toEqual({ ok: false, message: "refund.amountRange", values: { remaining: String(before.amount) } });
    expect(await refund(order.id, "0")).toMatchObject({ ok: false, message: "refund.amountRange" });
    expect(await refund(order.id, "100", "   ")).toEqual({ ok: false, message: "refund.reasonRequired" });
    expect((await emuTx(order.id))?.operateIds).not.toContain("1Change");
    expect(await payment(order.id)).toMatchObject({ amount: before.amount, state: "captured", operation: null });
    expect(await h.db.refund.count({ where: { orderId: order.id } })).toBe(0);
  });

  it("a double submit refunds once: the second is refused while the first runs, and afterwards as a stale page", async () => {
    // The slow card keeps each e-SCOTT call busy for seconds: both requests overlap for sure.
    const order = await capturedOrder("slow");
    const before = await payment(order.id);
    const results = await Promise.all([refund(order.id, "500"), refund(order.id, "500")]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toEqual({ ok: false, message: "cardAdmin.opBusy" });
    // The same form sent again later (the page still shows the old amount).
    expect(await refund(order.id, "500", "r", { expectedAmount: before.amount })).toEqual({ ok: false, message: "cardAdmin.opStale" });
    expect(await h.db.refund.count({ where: { orderId: order.id } })).toBe(1);
    expect(await payment(order.id)).toMatchObject({ amount: before.amount - 500 });
    expect((await emuTx(order.id))?.amount).toBe(before.amount - 500);
    expect((await emuTx(order.id))?.operateIds.filter((id) => id === "1Change")).toHaveLength(1);
  });

  it("the claim holds the amount: a claim computed from an old amount is refused", async () => {
    const order = await capturedOrder();
    const p = await payment(order.id);
    expect(await claimPaymentOperation(h.db, p.id, "captured", "refund", new Date(), { amount: p.amount + 1 })).toBeNull();
    const claim = await claimPaymentOperation(h.db, p.id, "captured", "refund", new Date(), { amount: p.amount });
    expect(claim).toMatch(/^refund:/);
    // A second admin meanwhile.
    expect(await claimPaymentOperation(h.db, p.id, "captured", "refund", new Date(), { amount: p.amount })).toBeNull();
  });

  it("is offered on a sale only; 取消 of a sale records the rest as a refund; an amount change keeps the order total", async () => {
    await h.configure({ operateId: "1Auth", threeDSecure: false });
    const authorized = await h.order();
    const { token, maskedCard } = await h.token("demo");
    await payWithCard(await h.context(), authorized, { mode: "new", token, maskedCard, holderName: "TARO YAMADA", payType: "01", save: false, agreement: false }, { locale: "ja", total: 0, userId: null });
    const auth = await payment(authorized.id);
    expect(availableOperations(auth, await h.db.order.findUniqueOrThrow({ where: { id: authorized.id } }), new Date())).not.toContain("refund");
    expect(await refund(authorized.id, "100")).toEqual({ ok: false, message: "cardAdmin.opNotAllowed" });

    await h.configure({ operateId: "1Gathering", threeDSecure: false });
    const order = await capturedOrder();
    const total = (await payment(order.id)).amount;
    expect(availableOperations(await payment(order.id), await h.db.order.findUniqueOrThrow({ where: { id: order.id } }), new Date())).toContain("refund");
    await refund(order.id, "300");
    // 利用額変更 after a refund: the order total is the new amount plus what went back.
    const p = await payment(order.id);
    expect(await runCardOperation(await h.context(), order.id, { operation: "change", expectedState: "captured", amount: p.amount - 200 }, "a")).toMatchObject({ ok: true });
    expect((await h.db.order.findUniqueOrThrow({ where: { id: order.id } })).total).toBe(total - 200);
    // 取消 of what remains is a refund of it.
    expect(await runCardOperation(await h.context(), order.id, { operation: "void", expectedState: "captured" }, "a")).toMatchObject({ ok: true });
    const voided = await h.db.order.findUniqueOrThrow({ where: { id: order.id }, include: { refunds: true } });
    expect(voided.status).toBe("refunded");
    expect(refundedAmount(voided)).toBe(total - 200);
    expect(remainingAmount(voided)).toBe(0);
  });
});
