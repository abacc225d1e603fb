// Admin operations on card payments, against the real emulator; the order follows.
import { describe, expect, it } from "vitest";
import { payWithCard } from "@/lib/payments/card/checkout";
import { availableOperations, cardStatusChangeBlock, runCardOperation, type OperationRequest } from "@/lib/payments/card/operations";
import { cardHarnessPerFile } from "@/test/support/card-harness";

// The timeout is long enough for the slow test card (3 s per call), used to make two operations overlap.
const h = cardHarnessPerFile({ operateId: "1Auth", threeDSecure: false }, { timeoutMs: 6_000 });

async function paidOrder(options: { userId?: string; save?: boolean; card?: "demo" | "slow" } = {}) {
  const order = await h.order({ userId: options.userId ?? null });
  const outcome = await payWithCard(await h.context(), order, await h.newCard(options.card ?? "demo", { save: options.save ?? false }), { locale: "ja", total: 0, userId: options.userId ?? null });
  expect(outcome.kind).toBe("redirect");
  return order;
}

async function run(orderId: number, request: Omit<OperationRequest, "expectedState">) {
  const payment = await h.db.payment.findFirstOrThrow({ where: { orderId }, orderBy: { createdAt: "desc" } });
  return runCardOperation(await h.context(), orderId, { ...request, expectedState: payment.state }, "admin@example.com");
}

const emuTx = async (orderId: number) => (await h.state()).transactions.find((t) => t.merchantFree2 === String(orderId));

describe("card operations", () => {
  it("売上計上 then 取消: the captured order becomes refunded and its stock returns", async () => {
    const order = await paidOrder();
    expect(await run(order.id, { operation: "capture" })).toEqual({ ok: true, message: "cardAdmin.captured" });
    expect((await h.db.payment.findFirstOrThrow({ where: { orderId: order.id } })).state).toBe("captured");
    expect((await emuTx(order.id))?.status).toBe("SALES");

    expect(await run(order.id, { operation: "void" })).toEqual({ ok: true, message: "cardAdmin.voided" });
    const saved = await h.db.order.findUniqueOrThrow({ where: { id: order.id }, include: { notes: true, payments: true } });
    expect(saved.status).toBe("refunded");
    expect(saved.payments[0]).toMatchObject({ state: "voided", liveOrderId: null });
    expect((await h.db.product.findUniqueOrThrow({ where: { id: order.productId } })).stock).toBe(10);
    expect(saved.notes.some((n) => n.author === "admin@example.com" && n.message.includes("1Delete") && n.message.includes("OK"))).toBe(true);
    expect((await emuTx(order.id))?.status).toBe("CANCEL");
  });

  it("simultaneous 売上計上 and 取消: one is sent, the other is refused before e-SCOTT hears of it; our state matches e-SCOTT's", async () => {
    // The slow card keeps each e-SCOTT call busy for seconds: both requests overlap for sure.
    const order = await paidOrder({ card: "slow" });
    const results = await Promise.all([run(order.id, { operation: "capture" }), run(order.id, { operation: "void" })]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toEqual({ ok: false, message: "cardAdmin.opBusy" });
    const payment = await h.db.payment.findFirstOrThrow({ where: { orderId: order.id } });
    const remote = (await emuTx(order.id))?.status;
    expect({ local: payment.state, remote }).toEqual(results[0]!.ok ? { local: "captured", remote: "SALES" } : { local: "voided", remote: "CANCEL" });
    expect(payment).toMatchObject({ operation: null, operationAt: null });
    // Only the winner reached e-SCOTT.
    const calls = (await h.state()).calls.filter((c) => c.merchantFree1 === payment.transactionCode && (c.operateId === "1Capture" || c.operateId === "1Delete"));
    expect(calls).toHaveLength(1);
  });

  it("a claim left by a stopped process expires and the payment can be operated again", async () => {
    const order = await paidOrder();
    const payment = await h.db.payment.findFirstOrThrow({ where: { orderId: order.id } });
    await h.db.payment.update({ where: { id: payment.id }, data: { operation: "capture:dead", operationAt: new Date() } });
    expect(await run(order.id, { operation: "capture" })).toEqual({ ok: false, message: "cardAdmin.opBusy" });
    await h.db.payment.update({ where: { id: payment.id }, data: { operationAt: new Date(Date.now() - 3 * 60_000) } });
    expect(await run(order.id, { operation: "capture" })).toEqual({ ok: true, message: "cardAdmin.captured" });
  });

  it("取消 of an authorization cancels the order", async () => {
    const order = await paidOrder();
    expect((await run(order.id, { operation: "void" })).ok).toBe(true);
    expect((await h.db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("cancelled");
  });

  it("the status form cannot cancel or refund a live card payment by hand: the 取消 operation must", async () => {
    const order = await paidOrder();
    expect(await cardStatusChangeBlock(h.db, order.id, "cancelled")).toBe("cardAdmin.useVoidOperation");
    expect(await cardStatusChangeBlock(h.db, order.id, "refunded")).toBe("cardAdmin.useVoidOperation");
    expect(await cardStatusChangeBlock(h.db, order.id, "completed")).toBeNull();
    expect((await run(order.id, { operation: "void" })).ok).toBe(true);
    // Voided at e-SCOTT: nothing left that a status change could leave standing.
    expect(await cardStatusChangeBlock(h.db, order.id, "refunded")).toBeNull();
  });

  it("利用額変更 needs a different amount and updates the order total; 再オーソリ too", async () => {
    const order = await paidOrder();
    expect(await run(order.id, { operation: "change", amount: order.total })).toEqual({ ok: false, message: "cardAdmin.amountUnchanged" });
    expect(await run(order.id, { operation: "change", amount: 0 })).toEqual({ ok: false, message: "cardAdmin.amountInvalid" });
    expect(await run(order.id, { operation: "change", amount: 3000 })).toEqual({ ok: true, message: "cardAdmin.amountChanged" });
    expect((await h.db.order.findUniqueOrThrow({ where: { id: order.id } })).total).toBe(3000);
    expect((await emuTx(order.id))?.amount).toBe(3000);
    expect(await run(order.id, { operation: "reauth", amount: 2500 })).toEqual({ ok: true, message: "cardAdmin.reauthorized" });
    expect((await h.db.payment.findFirstOrThrow({ where: { orderId: order.id } })).amount).toBe(2500);
    expect((await emuTx(order.id))?.operateIds).toContain("1ReAuth");
  });

  it("取引照会 reports the transaction as e-SCOTT sees it", async () => {
    const order = await paidOrder();
    expect(await run(order.id, { operation: "search" })).toEqual({ ok: true, message: "cardAdmin.searchResult", values: { amount: String(order.total), salesDate: "-", status: "AUTH" } });
  });

  it("offers only what the state allows, refuses stale pages, and nothing after 60 days", async () => {
    const order = await paidOrder();
    const payment = await h.db.payment.findFirstOrThrow({ where: { orderId: order.id } });
    const placed = await h.db.order.findUniqueOrThrow({ where: { id: order.id } });
    expect(availableOperations(payment, placed, new Date())).toEqual(["capture", "void", "change", "reauth", "search"]);
    expect(await runCardOperation(await h.context(), order.id, { operation: "capture", expectedState: "captured" }, "a")).toEqual({ ok: false, message: "cardAdmin.opStale" });

    await h.db.order.update({ where: { id: order.id }, data: { createdAt: new Date(Date.now() - 61 * 24 * 60 * 60 * 1000) } });
    const old = await h.db.order.findUniqueOrThrow({ where: { id: order.id } });
    expect(availableOperations(payment, old, new Date())).toEqual(["search"]);
    expect(await run(order.id, { operation: "capture" })).toEqual({ ok: false, message: "cardAdmin.opExpiredWindow" });
    expect((await emuTx(order.id))?.status).toBe("AUTH");
  });

  it("a rejected operation is reported with its codes and noted, nothing changes", async () => {
    const order = await paidOrder();
    await h.control("/_control/reset"); // e-SCOTT no longer knows the transaction → K12
    const result = await run(order.id, { operation: "capture" });
    expect(result).toMatchObject({ ok: false, message: "cardAdmin.opK12" });
    expect((await h.db.payment.findFirstOrThrow({ where: { orderId: order.id } })).state).toBe("authorized");
    expect((await h.db.orderNote.findMany({ where: { orderId: order.id } })).some((n) => n.message.includes("K12"))).toBe(true);
  });

  it("a payment made with the saved card is captured as the member (KaiinId sent)", async () => {
    const user = await h.user();
    const order = await paidOrder({ userId: user.id, save: true });
    expect((await emuTx(order.id))?.hasKaiinId).toBe(true);
    expect(await run(order.id, { operation: "capture" })).toEqual({ ok: true, message: "cardAdmin.captured" });
  });
});

describe("settling an unknown outcome", () => {
  async function unknownOrder() {
    await h.control("/_control/faults", { mode: "timeout", count: 1, operateId: "1Auth", afterProcessing: true });
    const order = await h.order();
    const { token, maskedCard } = await h.token("demo");
    const outcome = await payWithCard(await h.context(), order, { mode: "new", token, maskedCard, holderName: "TARO YAMADA", payType: "01", save: false, agreement: false }, { locale: "ja", total: 0, userId: null });
    expect(outcome.kind).toBe("unknown");
    return order;
  }

  it("without a ProcessId only the manual resolutions are offered, and they need a note", async () => {
    const order = await unknownOrder();
    const payment = await h.db.payment.findFirstOrThrow({ where: { orderId: order.id } });
    expect(availableOperations(payment, await h.db.order.findUniqueOrThrow({ where: { id: order.id } }), new Date())).toEqual(["markPaid", "markFailed"]);
    expect(await run(order.id, { operation: "markPaid" })).toEqual({ ok: false, message: "cardAdmin.noteRequired" });
    expect(await run(order.id, { operation: "markPaid", note: "加盟店管理画面で与信を確認" })).toEqual({ ok: true, message: "cardAdmin.markedPaid" });
    const saved = await h.db.order.findUniqueOrThrow({ where: { id: order.id } });
    expect(saved).toMatchObject({ status: "processing", attention: null });
    expect((await h.db.payment.findFirstOrThrow({ where: { orderId: order.id } })).state).toBe("authorized");
  });

  it("marking it failed frees the order and returns the stock", async () => {
    const order = await unknownOrder();
    expect(await run(order.id, { operation: "markFailed", note: "取引なし" })).toEqual({ ok: true, message: "cardAdmin.markedFailed" });
    const saved = await h.db.order.findUniqueOrThrow({ where: { id: order.id }, include: { payments: true } });
    expect(saved).toMatchObject({ status: "failed", attention: null });
    expect(saved.payments[0]).toMatchObject({ state: "failed", liveOrderId: null });
    expect((await h.db.product.findUniqueOrThrow({ where: { id: order.productId } })).stock).toBe(10);
  });
});
