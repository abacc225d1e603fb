import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cardMemberOfUser, listUsers, USERS_PAGE_SIZE, userSearchTerm, userWithOrderCount } from "@/lib/admin/users-queries";
import { addItem, ensureCart } from "@/lib/cart/store";
import { placeOrder } from "@/lib/orders/place";
import { createProduct, createTestDb, sampleCheckout, type TestDb } from "@/test/support/db";

let t: TestDb;
const at = (minutes: number) => new Date(Date.UTC(2025, 0, 1, 0, minutes));

beforeAll(async () => {
  t = await createTestDb();
  await t.db.user.createMany({
    data: [
      { id: "u-old", email: "old@example.com", passwordHash: "x", createdAt: at(1) },
      { id: "u-admin", email: "admin@shop.example", passwordHash: "x", role: "admin", createdAt: at(2) },
      { id: "u-new", email: "new@example.com", passwordHash: "x", createdAt: at(3) },
    ],
  });
  await t.db.cardMember.create({ data: { userId: "u-new", kaiinId: "sealed", kaiinPass: "sealed", brand: "visa", last4: "1111" } });
  const product = await createProduct(t.db);
  const cart = await ensureCart(t.db, { userId: "u-new", token: null });
  await addItem(t.db, cart.id, product.id, 1);
  await placeOrder(t.db, { cartId: cart.id, checkoutKey: "k", userId: "u-new", locale: "ja", data: sampleCheckout, paymentMethod: null, shipping: { flatFee: 800, freeThreshold: 10000 } });
});
afterAll(async () => {
  await t.cleanup();
});

describe("listUsers", () => {
  it("lists the newest first, with the saved card's brand and last digits", async () => {
    const { users, total, page, pages } = await listUsers({}, t.db);
    expect(users.map((u) => u.id)).toEqual(["u-new", "u-admin", "u-old"]);
    expect(users[0]).toMatchObject({ email: "new@example.com", role: "customer", cardMember: { brand: "visa", last4: "1111" } });
    expect(users[2]?.cardMember).toBeNull();
    expect({ total, page, pages }).toEqual({ total: 3, page: 1, pages: 1 });
  });

  it("searches e-mails case-insensitively by part", async () => {
    const { users, total } = await listUsers({ q: "  EXAMPLE.COM " }, t.db);
    expect(users.map((u) => u.id)).toEqual(["u-new", "u-old"]);
    expect(total).toBe(2);
    expect((await listUsers({ q: "nobody" }, t.db)).users).toEqual([]);
  });

  it("pages by USERS_PAGE_SIZE", async () => {
    await t.db.user.createMany({ data: Array.from({ length: USERS_PAGE_SIZE }, (_, i) => ({ email: `bulk${i}@bulk.test`, passwordHash: "x", createdAt: at(10 + i) })) });
    const first = await listUsers({ q: "bulk.test" }, t.db);
    expect(first.users).toHaveLength(USERS_PAGE_SIZE);
    const all = await listUsers({ page: 2 }, t.db); // the bulk users are the newest
    expect(all).toMatchObject({ total: USERS_PAGE_SIZE + 3, page: 2, pages: 2 });
    expect(all.users.map((u) => u.id)).toEqual(["u-new", "u-admin", "u-old"]);
    expect((await listUsers({ page: 0 }, t.db)).page).toBe(1);
  });
});

describe("userSearchTerm", () => {
  it("reads only a single string", () => {
    expect(userSearchTerm(" Foo@X ")).toBe("foo@x");
    expect(userSearchTerm(["a", "b"])).toBe("");
    expect(userSearchTerm(undefined)).toBe("");
  });
});

describe("userWithOrderCount", () => {
  it("counts the user's orders; null for an unknown id", async () => {
    expect((await userWithOrderCount("u-new", t.db))?._count.orders).toBe(1);
    expect((await userWithOrderCount("u-old", t.db))?._count.orders).toBe(0);
    expect(await userWithOrderCount("missing", t.db)).toBeNull();
  });
});

describe("cardMemberOfUser", () => {
  // With a saved card it asks e-SCOTT (4MemRefM); that path is covered by the card e2e specs.
  it("is empty for a user without a saved card, without asking e-SCOTT", async () => {
    expect(await cardMemberOfUser("u-old", t.db)).toEqual({ cached: null, card: null, block: null });
  });
});
