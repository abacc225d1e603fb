import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cvsRegistrationsPerIp, unpaidCvsAllowed } from "@/lib/payments/cvs/unpaid-cap";
import { clientKey } from "@/lib/security/client-ip";
import { createOrder, createTestDb, type TestDb } from "@/test/support/db";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.cleanup();
});

const caps = { unpaidPerEmail: 2, unpaidPerIp: 3 };
const key = (ip: string) => clientKey(ip, "test-secret");

/** An order with a convenience-store payment in `state`. */
async function cvsOrder(email: string, ip: string, state: string, checkoutKey = randomUUID()) {
  const order = await createOrder(t.db, { accessKey: randomUUID(), checkoutKey, email, clientKey: key(ip), status: "on-hold", paymentMethod: "cvs", subtotal: 1000, shippingFee: 0, total: 1000, tax10: 90 });
  await t.db.payment.create({ data: { orderId: order.id, gateway: "cvs", transactionCode: randomUUID().replace(/-/g, "").slice(0, 20), state, amount: 1000 } });
  return order;
}

const client = (email: string, ip: string, checkoutKey?: string) => ({ ip, shopper: `cart:${ip}`, email, key: key(ip), checkoutKey });

describe("cap on unpaid convenience-store orders", () => {
  it("refuses a third unpaid order for one e-mail address; paid and expired ones do not count", async () => {
    await cvsOrder("a@example.jp", "198.51.100.1", "unpaid");
    await cvsOrder("a@example.jp", "198.51.100.2", "paid");
    await cvsOrder("a@example.jp", "198.51.100.3", "expired");
    expect(await unpaidCvsAllowed(t.db, caps, client("a@example.jp", "198.51.100.9"))).toBe(true);
    await cvsOrder("a@example.jp", "198.51.100.4", "started");
    expect(await unpaidCvsAllowed(t.db, caps, client("a@example.jp", "198.51.100.9"))).toBe(false);
    expect(await unpaidCvsAllowed(t.db, caps, client("b@example.jp", "198.51.100.9"))).toBe(true);
  });

  it("refuses a fourth unpaid order from one IP address whatever the e-mail address", async () => {
    for (const email of ["c1@example.jp", "c2@example.jp", "c3@example.jp"]) await cvsOrder(email, "203.0.113.7", "unpaid");
    expect(await unpaidCvsAllowed(t.db, caps, client("c4@example.jp", "203.0.113.7"))).toBe(false);
    expect(await unpaidCvsAllowed(t.db, caps, client("c4@example.jp", "203.0.113.8"))).toBe(true);
  });

  it("the order being submitted again (same checkout key) does not count against itself", async () => {
    const checkoutKey = randomUUID();
    await cvsOrder("d@example.jp", "192.0.2.50", "unpaid");
    await cvsOrder("d@example.jp", "192.0.2.50", "unpaid", checkoutKey);
    expect(await unpaidCvsAllowed(t.db, caps, client("d@example.jp", "192.0.2.51"))).toBe(false);
    expect(await unpaidCvsAllowed(t.db, caps, client("d@example.jp", "192.0.2.51", checkoutKey))).toBe(true);
  });

  it("a burst of parallel checkouts from one IP address is cut at twice the cap per hour, atomically", async () => {
    const verdicts = await Promise.all(Array.from({ length: 20 }, (_, i) => unpaidCvsAllowed(t.db, caps, client(`burst${i}@example.jp`, "192.0.2.99"))));
    expect(verdicts.filter(Boolean)).toHaveLength(cvsRegistrationsPerIp(caps).limit);
  });
});
