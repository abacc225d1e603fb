import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { addItem, ensureCart } from "@/lib/cart/store";
import { placeOrder } from "@/lib/orders/place";
import { changeOrderStatus } from "@/lib/orders/transition";
import { closePayment, PaymentConflictError, recordReceipt, startPayment, succeedPayment } from "@/lib/payments/payments";
import { createProduct, createTestDb, sampleCheckout, type TestDb } from "@/test/support/db";

let t: TestDb;
beforeEach(async () => {
  t = await createTestDb();
});
afterEach(async () => {
  await t.cleanup();
});

async function onHoldOrderWithPayment() {
  const p = await createProduct(t.db, { stock: 5 });
  const cart = await ensureCart(t.db, { userId: null, token: null });
  await addItem(t.db, cart.id, p.id, 1);
  const order = await placeOrder(t.db, { cartId: cart.id, checkoutKey: `k${Math.random()}`, userId: null, locale: "ja", data: sampleCheckout, paymentMethod: "cvs", shipping: { flatFee: 800, freeThreshold: 10000 } });
  const payment = await startPayment(t.db, { orderId: order.id, gateway: "cvs", amount: order.total });
  await succeedPayment(t.db, payment.id, { event: "register", orderStatus: "on-hold", note: "入金待ち" });
  return { orderId: order.id, paymentId: payment.id, productId: p.id };
}

const receipt = { recvNum: "1234567890", nyukinDate: "20260310120000", paidAt: new Date(), cvsCd: "LSN", amount: 1900, source: "notification" as const };
const options = { note: "入金がありました", lateNote: "キャンセル後の入金", attention: "late" };

describe("recordReceipt", () => {
  it("records the money once however many callers race; the others see a duplicate", async () => {
    const { orderId, paymentId } = await onHoldOrderWithPayment();
    let hooks = 0;
    const results = await Promise.all(Array.from({ length: 6 }, () => recordReceipt(t.db, paymentId, receipt, { ...options, onRecorded: async () => void hooks++ })));
    expect(results.filter((r) => r.kind === "applied")).toHaveLength(1);
    expect(results.filter((r) => r.kind === "duplicate")).toEqual(Array(5).fill({ kind: "duplicate", orderId, recorded: { recvNum: "1234567890", source: "notification" } }));
    expect(hooks).toBe(1);
    const order = await t.db.order.findUniqueOrThrow({ where: { id: orderId }, include: { notes: true } });
    expect(order.status).toBe("processing");
    expect(order.notes.filter((n) => n.message === "入金がありました")).toHaveLength(1);
    expect(await t.db.payment.findUniqueOrThrow({ where: { id: paymentId } })).toMatchObject({ state: "paid", recvNum: "1234567890", cvsCd: "LSN" });
  });

  it("a hook that fails rolls the receipt back, so a retry can record it", async () => {
    const { orderId, paymentId } = await onHoldOrderWithPayment();
    await expect(recordReceipt(t.db, paymentId, receipt, { ...options, onRecorded: async () => Promise.reject(new Error("boom")) })).rejects.toThrow("boom");
    expect(await t.db.paymentReceipt.count()).toBe(0);
    expect((await t.db.order.findUniqueOrThrow({ where: { id: orderId } })).status).toBe("on-hold");
    expect((await recordReceipt(t.db, paymentId, receipt, options)).kind).toBe("applied");
  });

  it("money for a cancelled order keeps the status and flags the order", async () => {
    const { orderId, paymentId } = await onHoldOrderWithPayment();
    await changeOrderStatus(t.db, orderId, "cancelled", { note: "取消" });
    expect(await recordReceipt(t.db, paymentId, receipt, options)).toEqual({ kind: "late", orderId, orderStatus: "cancelled" });
    const order = await t.db.order.findUniqueOrThrow({ where: { id: orderId } });
    expect(order).toMatchObject({ status: "cancelled", attention: "late" });
  });

  describe("from what the caller read before (the order status it composed the mail from)", () => {
    const known = async (orderId: number, paymentId: string) => {
      const order = await t.db.order.findUniqueOrThrow({ where: { id: orderId } });
      const payment = await t.db.payment.findUniqueOrThrow({ where: { id: paymentId } });
      return { id: paymentId, state: payment.state, orderId, order: { status: order.status, stockReserved: order.stockReserved, cartId: order.cartId } };
    };

    it("records the money exactly as from a fresh read, racing callers included", async () => {
      const { orderId, paymentId } = await onHoldOrderWithPayment();
      const guess = await known(orderId, paymentId);
      let hooks = 0;
      const results = await Promise.all(Array.from({ length: 4 }, () => recordReceipt(t.db, guess, receipt, { ...options, onRecorded: async () => void hooks++ })));
      expect(results.map((r) => r.kind).sort()).toEqual(["applied", "duplicate", "duplicate", "duplicate"]);
      expect(hooks).toBe(1);
      expect(await t.db.paymentReceipt.count()).toBe(1);
      const order = await t.db.order.findUniqueOrThrow({ where: { id: orderId }, include: { notes: true } });
      expect(order.status).toBe("processing");
      expect(order.notes.filter((n) => n.message === "入金がありました")).toHaveLength(1);
      expect(await t.db.payment.findUniqueOrThrow({ where: { id: paymentId } })).toMatchObject({ state: "paid", recvNum: "1234567890" });
    });

    it("an order cancelled after that read is still seen as cancelled: flagged, not moved, nothing written twice", async () => {
      const { orderId, paymentId, productId } = await onHoldOrderWithPayment();
      const guess = await known(orderId, paymentId);
      await changeOrderStatus(t.db, orderId, "cancelled", { note: "取消" });
      expect(await recordReceipt(t.db, guess, receipt, options)).toEqual({ kind: "late", orderId, orderStatus: "cancelled" });
      expect(await t.db.order.findUniqueOrThrow({ where: { id: orderId } })).toMatchObject({ status: "cancelled", attention: "late" });
      expect(await t.db.paymentReceipt.count()).toBe(1);
      // The stock the cancellation returned stays returned.
      expect((await t.db.product.findUniqueOrThrow({ where: { id: productId } })).stock).toBe(5);
    });
  });
});

describe("closePayment", () => {
  it("cancels the waiting order, returns the stock and frees the order's live payment", async () => {
    const { orderId, paymentId, productId } = await onHoldOrderWithPayment();
    expect(await closePayment(t.db, paymentId, { event: "expire", note: "期限切れ" })).toEqual({ orderCancelled: true });
    expect((await t.db.order.findUniqueOrThrow({ where: { id: orderId } })).status).toBe("cancelled");
    expect((await t.db.product.findUniqueOrThrow({ where: { id: productId } })).stock).toBe(5);
    expect(await t.db.payment.findUniqueOrThrow({ where: { id: paymentId } })).toMatchObject({ state: "expired", liveOrderId: null });
    await expect(closePayment(t.db, paymentId, { event: "cancel", note: "x" })).rejects.toBeInstanceOf(PaymentConflictError);
  });

  it("only notes an order that moved on meanwhile", async () => {
    const { orderId, paymentId } = await onHoldOrderWithPayment();
    await changeOrderStatus(t.db, orderId, "processing", { note: "手動" });
    expect(await closePayment(t.db, paymentId, { event: "cancel", note: "取消", author: "a@example.com" })).toEqual({ orderCancelled: false });
    expect((await t.db.order.findUniqueOrThrow({ where: { id: orderId } })).status).toBe("processing");
  });
});
