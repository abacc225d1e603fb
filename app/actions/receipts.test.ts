// The customer's one-time addressee choice through the real server action on a real database:
// the order page's access rule (owner, order key), once only, bad wording refused.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { formData } from "@/test/support/form-data";
import { createOrder, createTestDb, type TestDb } from "@/test/support/db";
import { loggedIn, type MockSession } from "@/test/support/session";

const session = vi.hoisted(() => ({ current: null as null | MockSession }));
vi.mock("next-auth", () => ({ getServerSession: async () => session.current }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

let t: TestDb;
let fixReceiptAddresseeAction: typeof import("@/app/actions/receipts").fixReceiptAddresseeAction;
beforeAll(async () => {
  t = await createTestDb();
  process.env.DATABASE_URL = t.url;
  ({ fixReceiptAddresseeAction } = await import("@/app/actions/receipts"));
});
afterAll(async () => {
  await t.cleanup();
});

let seq = 0;
async function paidOrder(userId: string | null) {
  seq++;
  const o = await createOrder(t.db, { accessKey: `secret-key-${seq}`, checkoutKey: `co-${seq}`, email: "taro@example.com", status: "processing", paymentMethod: "card", subtotal: 1100, shippingFee: 0, total: 1100, tax10: 100 });
  await t.db.order.update({ where: { id: o.id }, data: { userId } });
  await t.db.payment.create({ data: { orderId: o.id, gateway: "card", transactionCode: `tx-${seq}`, state: "captured", amount: 1100 } });
  return o;
}

describe("fixReceiptAddresseeAction", () => {
  it("lets the order key holder fix it once", async () => {
    session.current = null;
    const o = await paidOrder(null);
    const input = { orderId: String(o.id), key: o.accessKey, addressee: "株式会社サンプル 御中", purpose: "" };
    expect(await fixReceiptAddresseeAction({ ok: true }, formData(input))).toEqual({ ok: true, message: "receipts.addresseeSaved" });
    expect(await fixReceiptAddresseeAction({ ok: true }, formData({ ...input, addressee: "別の宛名" }))).toEqual({ ok: false, message: "receipts.addresseeFixed" });
    expect(await t.db.receipt.findUniqueOrThrow({ where: { orderId: o.id } })).toMatchObject({ addressee: "株式会社サンプル 御中", purpose: "お品代として" });
  });

  it("refuses a wrong key and another customer's order, writing nothing", async () => {
    session.current = null;
    const guestOrder = await paidOrder(null);
    expect(await fixReceiptAddresseeAction({ ok: true }, formData({ orderId: String(guestOrder.id), key: "secret-key-wrong", addressee: "x", purpose: "" }))).toEqual({ ok: false, message: "receipts.unavailable" });
    await loggedIn(t.db, { id: "owner", email: "owner@shop.test", role: "customer" });
    const owned = await paidOrder("owner");
    session.current = await loggedIn(t.db, { id: "intruder", email: "intruder@shop.test", role: "customer" });
    expect(await fixReceiptAddresseeAction({ ok: true }, formData({ orderId: String(owned.id), addressee: "x", purpose: "" }))).toEqual({ ok: false, message: "receipts.unavailable" });
    expect(await t.db.receipt.count({ where: { orderId: { in: [guestOrder.id, owned.id] } } })).toBe(0);

    session.current = await loggedIn(t.db, { id: "owner", email: "owner@shop.test", role: "customer" });
    expect((await fixReceiptAddresseeAction({ ok: true }, formData({ orderId: String(owned.id), addressee: "山田 太郎 様", purpose: "" }))).ok).toBe(true);
  });

  it("answers a field error for an empty addressee and changes nothing", async () => {
    session.current = null;
    const o = await paidOrder(null);
    const result = await fixReceiptAddresseeAction({ ok: true }, formData({ orderId: String(o.id), key: o.accessKey, addressee: "  ", purpose: "" }));
    expect(result).toMatchObject({ ok: false, errors: { addressee: "errors.required" } });
    expect(await t.db.receipt.count({ where: { orderId: o.id } })).toBe(0);
  });
});
