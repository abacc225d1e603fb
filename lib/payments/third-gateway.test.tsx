// A third gateway needs nothing but its own module and one registerGateway line: this test
// registers a "bank transfer" stand-in written only against lib/payments (the interface, the
// named transitions, the view types) and drives it through the real checkout action, the
// shopper's order page, the admin order page and the admin's operation action.
import { randomUUID } from "node:crypto";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createProduct, createTestDb, sampleCheckout, type TestDb } from "@/test/support/db";
import { loggedIn, type MockSession } from "@/test/support/session";

const session = vi.hoisted(() => ({ current: null as null | MockSession }));
const jar = vi.hoisted(() => new Map<string, string>());
vi.mock("next-auth", () => ({ getServerSession: async () => session.current }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-shop-client-ip": "192.0.2.1" }), cookies: async () => ({ get: (name: string) => (jar.has(name) ? { name, value: jar.get(name) } : undefined), set: () => {} }) }));

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  // Card and CVS stay registered but unconfigured (ESCOTT_TARGET=sps: no demo credentials), so only the stand-in is offered.
  Object.assign(process.env, { DATABASE_URL: t.url, APP_ENCRYPTION_KEY: "third-gateway-test-key-".repeat(2), ESCOTT_TARGET: "sps" });
  // The one registry line (lib/payments/gateways.ts would hold it for a real gateway).
  const { registerGateway } = await import("@/lib/payments/registry");
  registerGateway(await bankTransferGateway());
});
afterAll(async () => {
  const { unregisterGateway } = await import("@/lib/payments/registry");
  unregisterGateway("bank");
  await t.cleanup();
});

/** The whole gateway: what a newcomer would write in lib/payments/bank/gateway.ts. */
async function bankTransferGateway() {
  const { db } = await import("@/lib/db");
  const { recordReceipt, startCheckoutPayment, succeedPayment, PaymentConflictError } = await import("@/lib/payments/payments");
  type Gateway = import("@/lib/payments/registry").PaymentGateway<Record<string, never>>;
  const live = (orderId: number) => db().payment.findFirst({ where: { orderId, gateway: "bank" }, orderBy: { createdAt: "desc" } });
  const gateway: Gateway = {
    id: "bank",
    title: async (locale) => (locale === "en" ? "Bank transfer" : "銀行振込"),
    description: async () => "ご注文後にお振込先をご案内します。",
    availability: async () => ({ available: true }),
    parseInput: async () => ({ ok: true, value: {} }),
    async pay(order) {
      const payment = await startCheckoutPayment(db(), { orderId: order.id, gateway: "bank", amount: order.total });
      await succeedPayment(db(), payment.id, { event: "register", orderStatus: "on-hold", note: "お振込をお待ちしています。" });
      return { kind: "redirect", url: `/order/${order.id}?key=${order.accessKey}` };
    },
    async orderView(order) {
      const p = await live(order.id);
      if (!p) return null;
      return {
        alerts: [],
        section: { title: "お振込先", testId: "bank-order-payment", facts: [{ label: "口座", value: "みずほ銀行 本店 普通 1234567", testId: "bank-account" }] },
        converted: p.state === "paid",
      };
    },
    async adminView(order) {
      const p = await live(order.id);
      if (!p) return null;
      return {
        title: "銀行振込",
        testId: "bank-panel",
        testIdPrefix: "bank",
        alerts: [],
        facts: [{ label: "入金状況", value: p.state === "paid" ? "入金済" : "入金待ち", testId: "bank-state" }],
        groups: [],
        operations: {
          title: "操作",
          empty: "なし",
          expectedState: p.state,
          items: p.state === "unpaid" ? [{ id: "confirm", label: "入金を確認した", confirm: "入金を記録しますか？", fields: [{ name: "note", label: "振込人名義", kind: "text", required: true }] }] : [],
        },
        history: null,
      };
    },
    async operate(orderId, request, actor) {
      const p = await live(orderId);
      if (!p || request.operation !== "confirm" || p.state !== request.expectedState) return { ok: false, message: "errors.generic" };
      try {
        const outcome = await recordReceipt(
          db(),
          p.id,
          { recvNum: `BANK-${p.id.slice(-6)}`, nyukinDate: "20261202120000", paidAt: new Date(), amount: p.amount, source: "inquiry" },
          { note: `お振込を確認しました（${request.fields.note}、${actor}）。`, lateNote: "入金（注文は待っていません）", attention: "bank_late" },
        );
        return { ok: outcome.kind === "applied", message: outcome.kind === "applied" ? "admin.noteAdded" : "errors.generic" };
      } catch (err) {
        if (err instanceof PaymentConflictError) return { ok: false, message: "errors.generic" };
        throw err;
      }
    },
    statusLabel: (payment) => (payment.state === "paid" ? "入金済" : "入金待ち"),
    statusChangeBlock: async () => null,
    endpoints: { webhook: async (request) => new Response(await request.text(), { status: 202 }) },
  };
  return gateway;
}

async function renderAdminPanel(orderId: number): Promise<string> {
  const { AdminPaymentPanel } = await import("@/components/payments/admin-payment-panel");
  const { I18nProvider } = await import("@/components/i18n-provider");
  const { dictionaryFor } = await import("@/lib/i18n");
  const order = await t.db.order.findUniqueOrThrow({ where: { id: orderId } });
  const panel = await AdminPaymentPanel({ order, paymentMethod: order.paymentMethod, locale: "ja" });
  return renderToStaticMarkup(
    <I18nProvider locale="ja" dict={dictionaryFor("ja")}>
      {panel}
    </I18nProvider>,
  );
}

describe("a third gateway, registered in one line", () => {
  it("is offered at checkout, takes the order, and shows itself on the shopper's and the admin's pages", async () => {
    const { availablePaymentMethods, paymentStatusLabel } = await import("@/lib/payments/registry");

    // Checkout: the real place-order action, a guest with one item in the cart.
    const { ensureCart, addItem } = await import("@/lib/cart/store");
    const { CART_COOKIE } = await import("@/lib/cart/current");
    const product = await createProduct(t.db, { stock: 3 });
    const cart = await ensureCart(t.db, { userId: null, token: null });
    await addItem(t.db, cart.id, product.id, 1);
    jar.set(CART_COOKIE, cart.token);
    expect((await availablePaymentMethods({ locale: "ja", total: 1000, userId: null })).map((m) => m.id)).toContain("bank");

    const { placeOrderAction } = await import("@/app/checkout/actions");
    const placed = await placeOrderAction({ ...sampleCheckout, paymentMethod: "bank", payment: {} }, randomUUID());
    expect(placed).toMatchObject({ status: "placed", outcome: { kind: "redirect" } });
    const order = await t.db.order.findFirstOrThrow({ where: { paymentMethod: "bank" }, include: { payments: true } });
    expect(order.status).toBe("on-hold");
    expect(order.payments).toMatchObject([{ gateway: "bank", state: "unpaid", liveOrderId: order.id }]);
    expect(paymentStatusLabel(order.payments[0]!, "ja")).toBe("入金待ち");

    // The shopper's order page asks the gateway.
    const { OrderPayment } = await import("@/components/payments/order-payment");
    const shopper = renderToStaticMarkup(<>{await OrderPayment({ order, locale: "ja" })}</>);
    expect(shopper).toContain('data-testid="bank-order-payment"');
    expect(shopper).toContain("みずほ銀行 本店 普通 1234567");

    // The admin order page: its facts and the operation its state allows.
    const before = await renderAdminPanel(order.id);
    expect(before).toContain('data-testid="bank-panel"');
    expect(before).toMatch(/data-testid="bank-state"[^>]*>入金待ち</);
    expect(before).toContain("入金を確認した");
    expect(before).toContain('data-testid="bank-operations"');

    // The admin runs it through the one operation action every gateway uses.
    const { paymentOperationAction } = await import("@/app/admin/orders/[id]/payment/actions");
    const form = new FormData();
    for (const [k, v] of Object.entries({ orderId: String(order.id), gateway: "bank", operation: "confirm", expectedState: "unpaid", note: "ヤマダ タロウ" })) form.set(k, v);
    session.current = await loggedIn(t.db, { id: "a1", email: "admin@example.com", role: "admin" });
    await expect(paymentOperationAction({}, form)).resolves.toMatchObject({ ok: true });
    // The same (now stale) request again changes nothing.
    await expect(paymentOperationAction({}, form)).resolves.toMatchObject({ ok: false });

    const after = await t.db.order.findUniqueOrThrow({ where: { id: order.id }, include: { notes: true, payments: true } });
    expect(after.status).toBe("processing");
    expect(after.payments).toMatchObject([{ state: "paid", liveOrderId: order.id }]);
    expect(after.notes.filter((n) => n.message.includes("お振込を確認しました（ヤマダ タロウ、admin@example.com）"))).toHaveLength(1);
    expect(await renderAdminPanel(order.id)).toMatch(/data-testid="bank-state"[^>]*>入金済</);
  });

  it("gets its endpoints at /api/payments/<gateway>/<endpoint> without a route of its own", async () => {
    const { POST } = await import("@/app/api/payments/[gateway]/[endpoint]/route");
    const call = (gateway: string, endpoint: string) =>
      POST(new Request(`http://shop.test/api/payments/${gateway}/${endpoint}`, { method: "POST", body: "paid=1" }), { params: Promise.resolve({ gateway, endpoint }) });
    const answered = await call("bank", "webhook");
    expect(answered.status).toBe(202);
    expect(await answered.text()).toBe("paid=1");
    expect((await call("bank", "nothing")).status).toBe(404);
    expect((await call("bank", "toString")).status).toBe(404);
    expect((await call("nobank", "webhook")).status).toBe(404);
  });
});
