import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { addItem, cartView, checkAddable, ensureCart, findCart, setItemQuantity } from "@/lib/cart/store";
import { createProduct, createTestDb, type TestDb } from "@/test/support/db";

let t: TestDb;
beforeEach(async () => {
  t = await createTestDb();
});
afterEach(async () => {
  await t.cleanup();
});

const rule = { flatFee: 800, freeThreshold: 10000 };

async function user(email: string) {
  return t.db.user.create({ data: { email, passwordHash: "x" } });
}

describe("cart store", () => {
  it("checkAddable refuses what addItem would, without a cart", async () => {
    const p = await createProduct(t.db, { stock: 2 });
    const gone = await createProduct(t.db, { stock: 0 });
    await expect(checkAddable(t.db, p.id, 2)).resolves.toBeUndefined();
    await expect(checkAddable(t.db, p.id, 3)).rejects.toMatchObject({ code: "not_enough_stock", available: 2 });
    await expect(checkAddable(t.db, "no-such-product", 1)).rejects.toMatchObject({ code: "not_found" });
    await expect(checkAddable(t.db, gone.id, 1)).rejects.toMatchObject({ code: "unavailable" });
    await expect(checkAddable(t.db, p.id, 0)).rejects.toMatchObject({ code: "bad_quantity" });
    expect(await t.db.cart.count()).toBe(0);
  });

  it("refuses quantities beyond stock with the available count", async () => {
    const p = await createProduct(t.db, { stock: 3 });
    const cart = await ensureCart(t.db, { userId: null, token: null });
    await addItem(t.db, cart.id, p.id, 2);
    await expect(addItem(t.db, cart.id, p.id, 2)).rejects.toMatchObject({ code: "not_enough_stock", available: 3 });
    await expect(setItemQuantity(t.db, cart.id, p.id, 4)).rejects.toMatchObject({ code: "not_enough_stock" });
    await setItemQuantity(t.db, cart.id, p.id, 3);
    const view = await cartView(t.db, cart.id, rule);
    expect(view.lines[0]?.quantity).toBe(3);
  });

  it("refuses out-of-stock and inactive products", async () => {
    const gone = await createProduct(t.db, { stock: 0 });
    const hidden = await createProduct(t.db, { stock: 5, active: false });
    const cart = await ensureCart(t.db, { userId: null, token: null });
    await expect(addItem(t.db, cart.id, gone.id, 1)).rejects.toMatchObject({ code: "unavailable" });
    await expect(addItem(t.db, cart.id, hidden.id, 1)).rejects.toMatchObject({ code: "unavailable" });
  });

  it("computes totals from current product prices, not from the client", async () => {
    const p = await createProduct(t.db, { priceYen: 1000, stock: 5 });
    const cart = await ensureCart(t.db, { userId: null, token: null });
    await addItem(t.db, cart.id, p.id, 2);
    await t.db.product.update({ where: { id: p.id }, data: { priceYen: 1200 } });
    const view = await cartView(t.db, cart.id, rule);
    expect(view.totals.subtotal).toBe(2400);
    expect(view.totals.total).toBe(3200);
  });

  it("a guest cart becomes the customer's cart on login", async () => {
    const p = await createProduct(t.db);
    const guest = await ensureCart(t.db, { userId: null, token: null });
    await addItem(t.db, guest.id, p.id, 1);
    const u = await user("a@example.com");
    const mine = await findCart(t.db, { userId: u.id, token: guest.token });
    expect(mine?.id).toBe(guest.id);
    expect(mine?.userId).toBe(u.id);
    // After logout the same cookie no longer opens the customer's cart.
    expect(await findCart(t.db, { userId: null, token: guest.token })).toBeNull();
  });

  it("merges a guest cart into an existing customer cart, capped by stock", async () => {
    const a = await createProduct(t.db, { stock: 3 });
    const b = await createProduct(t.db, { stock: 5 });
    const u = await user("b@example.com");
    const mine = await ensureCart(t.db, { userId: u.id, token: null });
    await addItem(t.db, mine.id, a.id, 2);
    const guest = await ensureCart(t.db, { userId: null, token: null });
    await addItem(t.db, guest.id, a.id, 2);
    await addItem(t.db, guest.id, b.id, 1);

    const merged = await findCart(t.db, { userId: u.id, token: guest.token });
    expect(merged?.id).toBe(mine.id);
    const view = await cartView(t.db, mine.id, rule);
    expect(Object.fromEntries(view.lines.map((l) => [l.productId, l.quantity]))).toEqual({ [a.id]: 3, [b.id]: 1 });
    expect(await t.db.cart.count({ where: { id: guest.id } })).toBe(0);
  });
});
