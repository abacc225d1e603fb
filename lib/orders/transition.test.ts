import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { addItem, ensureCart } from "@/lib/cart/store";
import { placeOrder } from "@/lib/orders/place";
import { changeOrderStatus } from "@/lib/orders/transition";
import { createProduct, createTestDb, sampleCheckout, type TestDb } from "@/test/support/db";

let t: TestDb;
beforeEach(async () => {
  t = await createTestDb();
});
afterEach(async () => {
  await t.cleanup();
});

async function orderOf(quantity: number, stock = 5) {
  const p = await createProduct(t.db, { stock });
  const cart = await ensureCart(t.db, { userId: null, token: null });
  await addItem(t.db, cart.id, p.id, quantity);
  const placed = await placeOrder(t.db, {
    cartId: cart.id,
    checkoutKey: `k-${Math.random()}`,
    userId: null,
    locale: "ja",
    data: sampleCheckout,
    paymentMethod: null,
    shipping: { flatFee: 800, freeThreshold: 10000 },
  });
  return { productId: p.id, orderId: placed.id };
}

const stockOf = async (id: string) => (await t.db.product.findUniqueOrThrow({ where: { id } })).stock;

describe("transitionOrder", () => {
  it("records every change in the timeline", async () => {
    const { orderId } = await orderOf(1);
    await changeOrderStatus(t.db, orderId, "processing", { note: "支払い完了", author: "admin@example.com" });
    await changeOrderStatus(t.db, orderId, "completed", { note: "発送済み" });
    const notes = await t.db.orderNote.findMany({ where: { orderId }, orderBy: { createdAt: "asc" } });
    expect(notes.map((n) => [n.fromStatus, n.toStatus])).toEqual([
      [null, "pending"],
      ["pending", "processing"],
      ["processing", "completed"],
    ]);
    expect(notes[1]?.author).toBe("admin@example.com");
  });

  it("returns stock when an order is cancelled or fails, and takes it again on retry", async () => {
    const { orderId, productId } = await orderOf(2, 5);
    expect(await stockOf(productId)).toBe(3);
    await changeOrderStatus(t.db, orderId, "failed", { note: "カードエラー" });
    expect(await stockOf(productId)).toBe(5);
    await changeOrderStatus(t.db, orderId, "pending", { note: "再試行" });
    expect(await stockOf(productId)).toBe(3);
    await changeOrderStatus(t.db, orderId, "cancelled", { note: "お客様都合" });
    expect(await stockOf(productId)).toBe(5);
    expect((await t.db.order.findUniqueOrThrow({ where: { id: orderId } })).stockReserved).toBe(false);
  });

  it("refuses a transition outside the table and changes nothing", async () => {
    const { orderId, productId } = await orderOf(1);
    await changeOrderStatus(t.db, orderId, "cancelled", { note: "x" });
    await expect(changeOrderStatus(t.db, orderId, "processing", { note: "y" })).rejects.toMatchObject({ code: "invalid_transition" });
    expect((await t.db.order.findUniqueOrThrow({ where: { id: orderId } })).status).toBe("cancelled");
    expect(await t.db.orderNote.count({ where: { orderId } })).toBe(2);
    expect(await stockOf(productId)).toBe(5);
  });

  it("refuses to revive a failed order when its stock is gone", async () => {
    const { orderId, productId } = await orderOf(2, 2);
    await changeOrderStatus(t.db, orderId, "failed", { note: "x" });
    await t.db.product.update({ where: { id: productId }, data: { stock: 1 } });
    await expect(changeOrderStatus(t.db, orderId, "processing", { note: "y" })).rejects.toMatchObject({ code: "out_of_stock" });
    expect((await t.db.order.findUniqueOrThrow({ where: { id: orderId } })).status).toBe("failed");
    expect(await stockOf(productId)).toBe(1);
  });

  it("lets only one of two concurrent changes win", async () => {
    const { orderId, productId } = await orderOf(1);
    const results = await Promise.allSettled([
      changeOrderStatus(t.db, orderId, "cancelled", { note: "a", expectFrom: ["pending"] }),
      changeOrderStatus(t.db, orderId, "cancelled", { note: "b", expectFrom: ["pending"] }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await stockOf(productId)).toBe(5); // returned once, not twice
    expect(await t.db.orderNote.count({ where: { orderId, toStatus: "cancelled" } })).toBe(1);
  });
});
