// Card-testing defences against a real database and the real emulator over HTTP: the limits hold
// and nothing beyond them reaches e-SCOTT.
import { describe, expect, it } from "vitest";
import { dictionaryFor } from "@/lib/i18n";
import { admitCardRegistration, cardAttemptsAllowed, failedCardAttemptsLastHour } from "@/lib/payments/card/card-testing";
import { payWithCard } from "@/lib/payments/card/checkout";
import type { CheckoutContext } from "@/lib/payments/registry";
import { cardHarnessPerFile } from "@/test/support/card-harness";

const h = cardHarnessPerFile(
  { operateId: "1Gathering", threeDSecure: false, declinesPerOrder: 3, declinesPerIpHour: 4, declinesPerShopperHour: 100, registrationsPerHour: 2 },
  { beforeEach: (h) => h.db.throttleCounter.deleteMany().then(() => undefined) },
);

const dict = dictionaryFor("ja");
const shopper = (ip: string, who = `cart:${ip}`): CheckoutContext => ({ locale: "ja", total: 0, userId: null, client: { ip, shopper: who } });

async function authCalls(): Promise<number> {
  return (await h.state()).calls.filter((c) => c.operateId === "1Gathering").length;
}

describe("card-testing defences", () => {
  it("after 3 failed attempts the order is cancelled, its stock returned; a 4th try sends nothing", async () => {
    const order = await h.order();
    const ctx = shopper("198.51.100.20");
    for (const card of ["g12", "c13"] as const) expect((await payWithCard(await h.context(), order, await h.newCard(card), ctx)).kind).toBe("failed");
    expect(await payWithCard(await h.context(), order, await h.newCard("k40"), ctx)).toEqual({ kind: "failed", message: dict.card.tooManyAttemptsOrder });
    const saved = await h.db.order.findUniqueOrThrow({ where: { id: order.id }, include: { notes: true } });
    expect(saved.status).toBe("cancelled");
    expect(saved.notes.at(-1)?.message).toContain("カード不正利用対策");
    expect((await h.db.product.findUniqueOrThrow({ where: { id: order.productId } })).stock).toBe(10);

    const before = await authCalls();
    expect(await payWithCard(await h.context(), order, await h.newCard("demo"), ctx)).toEqual({ kind: "failed", message: dict.card.tooManyAttemptsOrder });
    expect(await authCalls()).toBe(before);
    expect(await h.db.payment.count({ where: { orderId: order.id } })).toBe(3);
    // What the dashboard counts as a burst.
    expect(await failedCardAttemptsLastHour(h.db)).toBeGreaterThanOrEqual(3);
    expect(await failedCardAttemptsLastHour(h.db, Date.now() + 2 * 60 * 60_000)).toBe(0);
  });

  it("an address over its hourly limit is refused before any order (admit), other addresses are not", async () => {
    const settings = (await h.context()).settings;
    const ip = "203.0.113.30";
    for (let i = 0; i < 4; i++) {
      const order = await h.order();
      await payWithCard(await h.context(), order, await h.newCard("g12"), shopper(ip, `cart:${i}`));
    }
    expect(await cardAttemptsAllowed(h.db, settings, { ip, shopper: "cart:new" })).toBe(false);
    expect(await cardAttemptsAllowed(h.db, settings, { ip: "203.0.113.31", shopper: "cart:new" })).toBe(true);
  });

  it("a shopper over the per-shopper limit is refused from any address", async () => {
    await h.configure({ declinesPerShopperHour: 2, declinesPerIpHour: 100 });
    const settings = (await h.context()).settings;
    for (let i = 0; i < 2; i++) {
      const order = await h.order();
      await payWithCard(await h.context(), order, await h.newCard("g12"), shopper(`10.1.0.${i}`, "user:tester"));
    }
    expect(await cardAttemptsAllowed(h.db, settings, { ip: "10.1.0.99", shopper: "user:tester" })).toBe(false);
    expect(await cardAttemptsAllowed(h.db, settings, { ip: "10.1.0.99", shopper: "user:someone-else" })).toBe(true);
  });

  it("successful payments do not count", async () => {
    const settings = (await h.context()).settings;
    for (let i = 0; i < 6; i++) {
      const order = await h.order();
      expect((await payWithCard(await h.context(), order, await h.newCard("demo"), shopper("192.0.2.40"))).kind).toBe("redirect");
    }
    expect(await cardAttemptsAllowed(h.db, settings, { ip: "192.0.2.40", shopper: "cart:192.0.2.40" })).toBe(true);
  });

  it("card registration tries are limited per account and per address", async () => {
    const settings = (await h.context()).settings;
    expect(await admitCardRegistration(h.db, settings, "user-1", "192.0.2.50")).toBe(true);
    expect(await admitCardRegistration(h.db, settings, "user-1", "192.0.2.50")).toBe(true);
    expect(await admitCardRegistration(h.db, settings, "user-1", "192.0.2.51")).toBe(false);
    // Per address twice the per-account limit: two more accounts from one address, then refused.
    expect(await admitCardRegistration(h.db, settings, "user-2", "192.0.2.50")).toBe(true);
    expect(await admitCardRegistration(h.db, settings, "user-3", "192.0.2.50")).toBe(true);
    expect(await admitCardRegistration(h.db, settings, "user-4", "192.0.2.50")).toBe(false);
  });
});
