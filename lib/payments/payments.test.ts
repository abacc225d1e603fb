import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { addItem, cartView, ensureCart } from "@/lib/cart/store";
import { placeOrder } from "@/lib/orders/place";
import { changeOrderStatus } from "@/lib/orders/transition";
import { failPayment, markPaymentUnknown, PaymentConflictError, startCheckoutPayment, startPayment, succeedPayment } from "@/lib/payments/payments";
import { createProduct, createTestDb, sampleCheckout, type TestDb } from "@/test/support/db";

const rule = { flatFee: 800, freeThreshold: 10000 };
let t: TestDb;
beforeEach(async () => {
  t = await createTestDb();
});
afterEach(async () => {
  await t.cleanup();
});

async function pendingOrder() {
  const p = await createProduct(t.db, { stock: 5 });
  const cart = await ensureCart(t.db, { userId: null, token: null });
  await addItem(t.db, cart.id, p.id, 2);
  const order = await placeOrder(t.db, { cartId: cart.id, checkoutKey: `k${Math.random()}`, userId: null, locale: "ja", data: sampleCheckout, paymentMethod: "card", shipping: rule });
  return { orderId: order.id, cartId: cart.id, productId: p.id, total: order.total };
}

describe("payments", () => {
  it("allows one live payment per order, even when two start at once", async () => {
    const { orderId, total } = await pendingOrder();
    const results = await Promise.allSettled([
      startPayment(t.db, { orderId, gateway: "card", amount: total }),
      startPayment(t.db, { orderId, gateway: "card", amount: total }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(rejected.reason).toBeInstanceOf(PaymentConflictError);
    const payment = (results.find((r) => r.status === "fulfilled") as PromiseFulfilledResult<{ transactionCode: string }>).value;
    expect(payment.transactionCode).toMatch(/^\d{12}$/);
  });

  it("success moves the order on and empties the cart in one step", async () => {
    const { orderId, total, cartId } = await pendingOrder();
    const payment = await startPayment(t.db, { orderId, gateway: "card", amount: total });
    await succeedPayment(t.db, payment.id, { event: "authorize_and_capture", orderStatus: "processing", note: "お支払いが完了しました。", data: { processId: "P" } });
    expect((await t.db.order.findUniqueOrThrow({ where: { id: orderId } })).status).toBe("processing");
    expect((await cartView(t.db, cartId, rule)).lines).toHaveLength(0);
    // A second success for the same payment (e.g. a replayed return) is refused.
    await expect(succeedPayment(t.db, payment.id, { event: "authorize_and_capture", orderStatus: "processing", note: "x" })).rejects.toBeInstanceOf(PaymentConflictError);
  });

  it("failure frees the order for another attempt, keeps the cart and returns stock", async () => {
    const { orderId, total, cartId, productId } = await pendingOrder();
    const payment = await startPayment(t.db, { orderId, gateway: "card", amount: total });
    await failPayment(t.db, payment.id, { event: "decline", codes: ["G12"], note: "G12: カード使用不可" });
    const order = await t.db.order.findUniqueOrThrow({ where: { id: orderId } });
    expect(order.status).toBe("failed");
    expect((await t.db.product.findUniqueOrThrow({ where: { id: productId } })).stock).toBe(5);
    expect((await cartView(t.db, cartId, rule)).lines).toHaveLength(1);
    expect((await t.db.payment.findUniqueOrThrow({ where: { id: payment.id } })).liveOrderId).toBeNull();
  });

  it("an unknown outcome keeps the order locked and flags it for the admin", async () => {
    const { orderId, total } = await pendingOrder();
    const payment = await startPayment(t.db, { orderId, gateway: "card", amount: total });
    await markPaymentUnknown(t.db, payment.id, { codes: ["NG"], reason: "timeout", note: "応答なし" });
    const order = await t.db.order.findUniqueOrThrow({ where: { id: orderId } });
    expect(order.status).toBe("pending");
    expect(order.attention).toBe("payment_unknown:timeout");
    await expect(startPayment(t.db, { orderId, gateway: "card", amount: total })).rejects.toBeInstanceOf(PaymentConflictError);
  });

  it("records a success from what the request already knows, and reads afresh when that went stale", async () => {
    const paid = { event: "authorize_and_capture", orderStatus: "processing", note: "お支払いが完了しました。" } as const;
    // Known and current: the attempt this request started.
    const fresh = await pendingOrder();
    const started = await startCheckoutPayment(t.db, { orderId: fresh.orderId, gateway: "card", amount: fresh.total }, { exclusiveCart: true });
    expect(started.order).toEqual({ status: "pending", stockReserved: true, cartId: fresh.cartId });
    await succeedPayment(t.db, started, paid);
    expect(await t.db.payment.findUniqueOrThrow({ where: { id: started.id } })).toMatchObject({ state: "captured", liveOrderId: fresh.orderId });
    expect((await t.db.order.findUniqueOrThrow({ where: { id: fresh.orderId } })).status).toBe("processing");
    expect((await cartView(t.db, fresh.cartId, rule)).lines).toHaveLength(0);

    // Stale: meanwhile the admin put the order on hold (the attempt itself is still started). The
    // order's compare-and-set fails, nothing is half-written, and the success is recorded from the
    // order as it is now.
    const stale = await pendingOrder();
    const attempt = await startCheckoutPayment(t.db, { orderId: stale.orderId, gateway: "card", amount: stale.total }, { exclusiveCart: true });
    await changeOrderStatus(t.db, stale.orderId, "on-hold", { note: "確認中", author: "admin" });
    await succeedPayment(t.db, attempt, paid);
    expect((await t.db.payment.findUniqueOrThrow({ where: { id: attempt.id } })).state).toBe("captured");
    const order = await t.db.order.findUniqueOrThrow({ where: { id: stale.orderId }, include: { notes: true } });
    expect(order.status).toBe("processing");
    expect(order.notes.map((n) => [n.fromStatus, n.toStatus]).filter(([, to]) => to !== "pending")).toEqual([
      ["pending", "on-hold"],
      ["on-hold", "processing"],
    ]);
    expect((await t.db.product.findUniqueOrThrow({ where: { id: stale.productId } })).stock).toBe(3);
    expect((await cartView(t.db, stale.cartId, rule)).lines).toHaveLength(0);

    // An attempt that is no longer started (marked unknown elsewhere) is refused, known or read.
    const lost = await pendingOrder();
    const timedOut = await startCheckoutPayment(t.db, { orderId: lost.orderId, gateway: "card", amount: lost.total }, { exclusiveCart: true });
    await markPaymentUnknown(t.db, timedOut.id, { codes: ["NG"], reason: "timeout", note: "応答なし" });
    await expect(succeedPayment(t.db, timedOut, paid)).rejects.toBeInstanceOf(PaymentConflictError);
    expect((await t.db.order.findUniqueOrThrow({ where: { id: lost.orderId } })).status).toBe("pending");

    // A success already recorded is still refused, known or not.
    await expect(succeedPayment(t.db, attempt, paid)).rejects.toBeInstanceOf(PaymentConflictError);
  });
});
