import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { addItem, ensureCart } from "@/lib/cart/store";
import { placeOrder, type PlaceOrderInput } from "@/lib/orders/place";
import { createProduct, createTestDb, sampleCheckout, type TestDb } from "@/test/support/db";

const shipping = { flatFee: 800, freeThreshold: 10000 };
let t: TestDb;

beforeEach(async () => {
  t = await createTestDb();
});
afterEach(async () => {
  await t.cleanup();
});

async function cartWith(items: [string, number][]) {
  const cart = await ensureCart(t.db, { userId: null, token: null });
  for (const [productId, qty] of items) await addItem(t.db, cart.id, productId, qty);
  return cart;
}

function input(cartId: string, checkoutKey: string): PlaceOrderInput {
  return { cartId, checkoutKey, userId: null, locale: "ja", data: sampleCheckout, paymentMethod: null, shipping };
}

describe("placeOrder", () => {
  it("freezes prices and totals, takes stock and writes the first timeline entry", async () => {
    const tea = await createProduct(t.db, { priceYen: 1296, taxRate: 8, stock: 5 });
    const mug = await createProduct(t.db, { priceYen: 2640, taxRate: 10, stock: 3 });
    const cart = await cartWith([[tea.id, 2], [mug.id, 1]]);

    const placed = await placeOrder(t.db, input(cart.id, "key-1"));
    expect(placed.created).toBe(true);

    // A later price change must not alter the order.
    await t.db.product.update({ where: { id: tea.id }, data: { priceYen: 9999 } });
    const order = await t.db.order.findUniqueOrThrow({ where: { id: placed.id }, include: { items: true, notes: true } });
    expect(order.status).toBe("pending");
    expect(order.subtotal).toBe(1296 * 2 + 2640);
    expect(order.shippingFee).toBe(800);
    expect(order.total).toBe(1296 * 2 + 2640 + 800);
    expect(order.tax8).toBe(Math.floor((2592 * 8) / 108));
    expect(order.tax10).toBe(Math.floor(((2640 + 800) * 10) / 110));
    expect(order.items.find((i) => i.productId === tea.id)?.unitPrice).toBe(1296);
    expect(order.items.map((i) => [i.slug, i.quantity, i.lineTotal]).sort()).toEqual(
      [
        [tea.slug, 2, 2592],
        [mug.slug, 1, 2640],
      ].sort(),
    );
    expect(order.notes).toHaveLength(1);
    expect(order.notes[0]?.toStatus).toBe("pending");

    expect((await t.db.product.findUniqueOrThrow({ where: { id: tea.id } })).stock).toBe(3);
    expect((await t.db.product.findUniqueOrThrow({ where: { id: mug.id } })).stock).toBe(2);
  });

  it("stores the payment method's fees with the order and counts them in its total", async () => {
    const p = await createProduct(t.db, { priceYen: 1000, taxRate: 10, stock: 5 });
    const fees = [{ code: "cvs-fee", name: "コンビニ決済手数料", amount: 330, taxRate: 10 as const }];
    const placed = await placeOrder(t.db, { ...input((await cartWith([[p.id, 1]])).id, "fee-1"), fees });
    const order = await t.db.order.findUniqueOrThrow({ where: { id: placed.id }, include: { fees: true } });
    expect(order.fees.map((f) => [f.code, f.name, f.amount, f.taxRate])).toEqual([["cvs-fee", "コンビニ決済手数料", 330, 10]]);
    expect(order.feeTotal).toBe(330);
    expect(placed.total).toBe(1000 + 800 + 330);
  });

  it("stores the delivery choice as a date and a slot (null for 指定なし) and names it in the received e-mail", async () => {
    const p = await createProduct(t.db, { stock: 10 });
    const chosen = await placeOrder(t.db, { ...input((await cartWith([[p.id, 1]])).id, "del-1"), delivery: { date: "2026-12-07", slot: "19-21" } });
    expect(await t.db.order.findUniqueOrThrow({ where: { id: chosen.id } })).toMatchObject({ deliveryDate: "2026-12-07", deliverySlot: "19-21" });
    const { queueOrderReceivedMail } = await import("@/lib/mail/order-mails");
    const mailId = await queueOrderReceivedMail(t.db, chosen.id, { methodTitle: "カード", lines: [] });
    expect((await t.db.emailMessage.findUniqueOrThrow({ where: { id: mailId! } })).body).toContain("■ お届け日時: 2026年12月7日(月) 19〜21時");

    await t.db.cartItem.deleteMany();
    const none = await placeOrder(t.db, input((await cartWith([[p.id, 1]])).id, "del-2"));
    expect(await t.db.order.findUniqueOrThrow({ where: { id: none.id } })).toMatchObject({ deliveryDate: null, deliverySlot: null });
    const noneMail = await queueOrderReceivedMail(t.db, none.id, { methodTitle: "カード", lines: [] });
    expect((await t.db.emailMessage.findUniqueOrThrow({ where: { id: noneMail! } })).body).not.toContain("お届け日時");
  });

  it("returns the same order for a repeated checkout key, even when both submits race", async () => {
    const p = await createProduct(t.db, { stock: 10 });
    const cart = await cartWith([[p.id, 2]]);
    const [a, b] = await Promise.all([placeOrder(t.db, input(cart.id, "dup")), placeOrder(t.db, input(cart.id, "dup"))]);
    expect(a.id).toBe(b.id);
    expect([a.created, b.created].sort()).toEqual([false, true]);
    expect(await t.db.order.count()).toBe(1);
    expect((await t.db.product.findUniqueOrThrow({ where: { id: p.id } })).stock).toBe(8);
  });

  it("a submit repeated later gets the first order back, whatever became of the cart and the stock", async () => {
    const p = await createProduct(t.db, { stock: 3 });
    const cart = await cartWith([[p.id, 2]]);
    const first = await placeOrder(t.db, input(cart.id, "again"));
    // The cart still holds the items (not paid yet): the second insert meets the unique key.
    expect(await placeOrder(t.db, input(cart.id, "again"))).toEqual({ ...first, created: false });
    // Paid meanwhile (cart emptied) and the last unit sold elsewhere: still the first order.
    await t.db.cartItem.deleteMany({ where: { cartId: cart.id } });
    await t.db.product.update({ where: { id: p.id }, data: { stock: 0 } });
    expect(await placeOrder(t.db, input(cart.id, "again"))).toEqual({ ...first, created: false });
    expect(await t.db.order.count()).toBe(1);
    expect(await t.db.orderItem.count()).toBe(1);
  });

  it("refuses when stock ran out since the item was added, changing nothing", async () => {
    const p = await createProduct(t.db, { stock: 2 });
    const cart = await cartWith([[p.id, 2]]);
    await t.db.product.update({ where: { id: p.id }, data: { stock: 1 } });
    await expect(placeOrder(t.db, input(cart.id, "k"))).rejects.toMatchObject({ code: "out_of_stock" });
    expect(await t.db.order.count()).toBe(0);
    expect((await t.db.product.findUniqueOrThrow({ where: { id: p.id } })).stock).toBe(1);
  });

  it("two carts racing for the last item: exactly one order gets it", async () => {
    const p = await createProduct(t.db, { stock: 1 });
    const c1 = await cartWith([[p.id, 1]]);
    const c2 = await cartWith([[p.id, 1]]);
    const results = await Promise.allSettled([placeOrder(t.db, input(c1.id, "a")), placeOrder(t.db, input(c2.id, "b"))]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await t.db.order.count()).toBe(1);
    expect((await t.db.product.findUniqueOrThrow({ where: { id: p.id } })).stock).toBe(0);
  });

  it("runs startPayment inside its transaction on the new order; if it throws, nothing is written", async () => {
    const p = await createProduct(t.db, { priceYen: 1000, stock: 3 });
    const cart = await cartWith([[p.id, 2]]);
    const seen: unknown[] = [];
    const placed = await placeOrder(t.db, input(cart.id, "with-start"), async (tx, order) => {
      // Inside the transaction: the order and its stock are already written.
      seen.push(order, (await tx.order.findUniqueOrThrow({ where: { id: order.id } })).status, (await tx.product.findUniqueOrThrow({ where: { id: p.id } })).stock);
      return "begun";
    });
    expect(placed).toMatchObject({ created: true, started: "begun" });
    expect(seen).toEqual([{ id: placed.id, total: placed.total, cartId: cart.id }, "pending", 1]);

    // The same checkout key again: the first order back, startPayment not run (nothing new to start).
    let ranAgain = false;
    const again = await placeOrder(t.db, input(cart.id, "with-start"), async () => {
      ranAgain = true;
    });
    expect(again).toEqual({ id: placed.id, accessKey: placed.accessKey, total: placed.total, created: false });
    expect(ranAgain).toBe(false);

    const other = await cartWith([[p.id, 1]]);
    await expect(
      placeOrder(t.db, input(other.id, "failing-start"), async () => {
        throw new Error("gateway refused");
      }),
    ).rejects.toThrow("gateway refused");
    expect(await t.db.order.count()).toBe(1);
    expect(await t.db.orderItem.count()).toBe(1);
    expect((await t.db.product.findUniqueOrThrow({ where: { id: p.id } })).stock).toBe(1);
    expect(await t.db.cartItem.count({ where: { cartId: other.id } })).toBe(1);
  });

  it("refuses an empty cart", async () => {
    const cart = await cartWith([]);
    await expect(placeOrder(t.db, input(cart.id, "e"))).rejects.toMatchObject({ code: "conflict" });
  });
});
