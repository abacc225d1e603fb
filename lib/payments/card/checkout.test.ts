// Card checkout against a real database and the real emulator over HTTP.
import { describe, expect, it, vi } from "vitest";
import { customerMessage } from "@/lib/escott";
import { dictionaryFor } from "@/lib/i18n";
import { cardPaymentStart, payWithCard } from "@/lib/payments/card/checkout";
import { cardHarnessPerFile, guest } from "@/test/support/card-harness";
import type { CheckoutContext } from "@/lib/payments/registry";

const h = cardHarnessPerFile({ operateId: "1Gathering", threeDSecure: false, installments: "1", cardMember: true, alwaysSaveCard: true });

async function transactionsOf(orderId: number) {
  return (await h.state()).transactions.filter((t) => t.merchantFree2 === String(orderId));
}

describe("card checkout without 3-D Secure", () => {
  it("a guest pays with the demo card (与信売上計上): order processing, payment captured, cart emptied", async () => {
    const order = await h.order();
    const outcome = await payWithCard(await h.context(), order, await h.newCard("demo"), guest);
    expect(outcome).toEqual({ kind: "redirect", url: `/order/${order.id}?key=${encodeURIComponent(order.accessKey)}` });

    const saved = await h.db.order.findUniqueOrThrow({ where: { id: order.id }, include: { payments: true, notes: true } });
    expect(saved.status).toBe("processing");
    const [payment] = saved.payments;
    expect(payment).toMatchObject({ state: "captured", operateId: "1Gathering", payType: "01", liveOrderId: order.id, lastCodes: "OK" });
    expect(payment!.processId).toMatch(/^[A-Za-z0-9]{32}$/);
    expect(payment!.processPass).toMatch(/^v1:/); // sealed
    expect(await h.db.cartItem.count({ where: { cartId: order.cartId } })).toBe(0);

    const [tx] = await transactionsOf(order.id);
    expect(tx).toMatchObject({ status: "SALES", masterOperateId: "1Gathering", amount: order.total, payType: "01", merchantFree1: payment!.transactionCode, hasKaiinId: false });
  });

  it("with 処理区分 与信 the payment is only authorized", async () => {
    await h.configure({ operateId: "1Auth" });
    const order = await h.order();
    await payWithCard(await h.context(), order, await h.newCard("visa"), guest);
    expect((await h.db.payment.findFirstOrThrow({ where: { orderId: order.id } })).state).toBe("authorized");
    expect((await transactionsOf(order.id))[0]?.status).toBe("AUTH");
  });

  it.each([
    ["g12", ["G12"]],
    ["c13", ["C13"]],
    ["k40", ["K40"]],
  ] as const)("card %s is declined with the grouped message; the order fails with the codes, stock and cart are kept for another try", async (card, codes) => {
    const order = await h.order();
    const outcome = await payWithCard(await h.context(), order, await h.newCard(card), guest);
    expect(outcome).toEqual({ kind: "failed", message: customerMessage(codes, "ja") });
    const saved = await h.db.order.findUniqueOrThrow({ where: { id: order.id }, include: { notes: true, payments: true } });
    expect(saved.status).toBe("failed");
    expect(saved.notes.map((n) => n.message).join("\n")).toContain(`${codes[0]}:`);
    expect(saved.payments[0]).toMatchObject({ state: "failed", liveOrderId: null, lastCodes: codes.join("|") });
    expect(await h.db.cartItem.count({ where: { cartId: order.cartId } })).toBe(1);
    expect((await h.db.product.findUniqueOrThrow({ where: { id: order.productId } })).stock).toBe(10);
  });

  it("a failed order paid again with another card goes back to pending and then processing", async () => {
    const order = await h.order();
    await payWithCard(await h.context(), order, await h.newCard("g55"), guest);
    const outcome = await payWithCard(await h.context(), order, await h.newCard("demo"), guest);
    expect(outcome.kind).toBe("redirect");
    const saved = await h.db.order.findUniqueOrThrow({ where: { id: order.id }, include: { payments: true } });
    expect(saved.status).toBe("processing");
    expect(saved.payments.map((p) => p.state).sort()).toEqual(["captured", "failed"]);
    expect((await h.db.product.findUniqueOrThrow({ where: { id: order.productId } })).stock).toBe(9);
  });

  it("the chosen installments reach e-SCOTT (JCB 分割, bonus)", async () => {
    await h.configure({ installments: "3" });
    const order = await h.order();
    await payWithCard(await h.context(), order, await h.newCard("jcb", { payType: "80" }), guest);
    expect((await transactionsOf(order.id))[0]).toMatchObject({ payType: "80", status: "SALES" });
  });

  it("two concurrent payments of one order authorize exactly once, and both answer with the result", async () => {
    const order = await h.order();
    const input = await h.newCard("demo");
    const c = await h.context();
    const outcomes = await Promise.all([payWithCard(c, order, input, guest), payWithCard(c, order, input, guest)]);
    expect(outcomes.map((o) => o.kind)).toEqual(["redirect", "redirect"]);
    const state = await h.state();
    const codes = (await h.db.payment.findMany({ where: { orderId: order.id } })).map((p) => p.transactionCode);
    expect(codes).toHaveLength(1);
    expect(state.calls.filter((call) => call.operateId === "1Gathering" && codes.includes(call.merchantFree1 ?? ""))).toHaveLength(1);
    expect(state.calls.filter((call) => call.operateId === "1TokenSearch")).toHaveLength(1);
  });

  it("two orders of one cart (two tabs) paid at once: one is charged, the other is cancelled with its stock", async () => {
    const first = await h.order();
    const second = await h.orderFromCart(first.cartId);
    const c = await h.context();
    const outcomes = await Promise.all([payWithCard(c, first, await h.newCard("demo"), guest), payWithCard(c, second, await h.newCard("visa"), guest)]);
    expect(outcomes.map((o) => o.kind).sort()).toEqual(["failed", "redirect"]);
    expect(outcomes.find((o) => o.kind === "failed")).toEqual({ kind: "failed", message: dictionaryFor("ja").card.cartBusy });
    const orders = await h.db.order.findMany({ where: { id: { in: [first.id, second.id] } } });
    expect(orders.map((o) => o.status).sort()).toEqual(["cancelled", "processing"]);
    expect((await h.state()).transactions.filter((t) => [String(first.id), String(second.id)].includes(t.merchantFree2))).toHaveLength(1);
    expect((await h.db.product.findUniqueOrThrow({ where: { id: first.productId } })).stock).toBe(9);

    // The cancelled tab submitted again: still nothing charged.
    const cancelled = orders.find((o) => o.status === "cancelled")!;
    const again = await payWithCard(c, cancelled.id === first.id ? first : second, await h.newCard("master"), guest);
    expect(again).toEqual({ kind: "failed", message: dictionaryFor("ja").card.cartBusy });
    expect((await h.state()).calls.filter((call) => call.operateId === "1Gathering")).toHaveLength(1);
  });

  it("the first attempt begun with the order (as the checkout does): charged once on it, no second attempt row", async () => {
    const c = await h.context();
    const input = await h.newCard("demo");
    const order = await h.order({ start: cardPaymentStart(c.settings, input) });
    // Committed with the order: the attempt is the order's live payment before e-SCOTT is called.
    expect(order.started).toMatchObject({ ok: true, payment: { state: "started", liveOrderId: order.id, amount: order.total, operateId: "1Gathering" } });
    expect(await h.db.payment.count({ where: { orderId: order.id } })).toBe(1);

    expect(await payWithCard(c, order, input, guest, order.started)).toMatchObject({ kind: "redirect" });
    const saved = await h.db.order.findUniqueOrThrow({ where: { id: order.id }, include: { payments: true } });
    expect(saved.status).toBe("processing");
    expect(saved.payments).toMatchObject([{ state: "captured", liveOrderId: order.id }]);
    expect(await transactionsOf(order.id)).toHaveLength(1);

    // The same checkout submitted again (no new order, nothing begun): no second charge.
    expect(await payWithCard(c, { ...order, created: false }, await h.newCard("demo"), guest)).toMatchObject({ kind: "redirect" });
    expect(await transactionsOf(order.id)).toHaveLength(1);
  });

  it("two tabs of one cart placing orders at once, each attempt begun with its order: one is charged, the other cancelled", async () => {
    const c = await h.context();
    const first = await h.order();
    // The first tab's order was placed without starting; both tabs now submit a new order of the cart at once.
    await h.db.order.update({ where: { id: first.id }, data: { status: "cancelled", stockReserved: false } });
    const tab = async (card: "demo" | "visa") => {
      const input = await h.newCard(card);
      const order = await h.orderFromCart(first.cartId, null, cardPaymentStart(c.settings, input));
      return { order, outcome: await payWithCard(c, order, input, guest, order.started) };
    };
    const results = await Promise.all([tab("demo"), tab("visa")]);
    expect(results.map((r) => r.outcome.kind).sort()).toEqual(["failed", "redirect"]);
    const refused = results.find((r) => r.outcome.kind === "failed")!;
    expect(refused.order.started?.ok).toBe(false);
    expect(refused.outcome).toEqual({ kind: "failed", message: dictionaryFor("ja").card.cartBusy });
    const orders = await h.db.order.findMany({ where: { id: { in: results.map((r) => r.order.id) } }, include: { notes: true } });
    expect(orders.map((o) => o.status).sort()).toEqual(["cancelled", "processing"]);
    expect(orders.find((o) => o.status === "cancelled")!.notes.map((n) => n.message)).toContain(dictionaryFor("ja").payment.notes.cartTaken);
    expect((await h.state()).calls.filter((call) => call.operateId === "1Gathering")).toHaveLength(1);
  });

  it("a timeout leaves the order pending, locked and flagged: no second charge on retry", async () => {
    await h.control("/_control/faults", { mode: "timeout", count: 1, operateId: "1Gathering", afterProcessing: true });
    const order = await h.order();
    const first = await payWithCard(await h.context(), order, await h.newCard("demo"), guest);
    expect(first).toMatchObject({ kind: "unknown", url: `/order/${order.id}?key=${encodeURIComponent(order.accessKey)}` });
    const saved = await h.db.order.findUniqueOrThrow({ where: { id: order.id }, include: { payments: true } });
    expect(saved.status).toBe("pending");
    expect(saved.attention).toBe("payment_unknown:timeout");
    expect(saved.payments[0]).toMatchObject({ state: "unknown", liveOrderId: order.id, lastCodes: "NG" });

    const again = await payWithCard(await h.context(), order, await h.newCard("demo"), guest);
    expect(again.kind).toBe("unknown");
    expect((await h.state()).calls.filter((call) => call.operateId === "1Gathering")).toHaveLength(1);
  });

  it("while an answer is lost, the same cart cannot be checked out again: one sale at e-SCOTT", async () => {
    // 1Gathering is processed at e-SCOTT but its answer never arrives.
    await h.control("/_control/faults", { mode: "reset", count: 1, operateId: "1Gathering", afterProcessing: true });
    const first = await h.order();
    expect((await payWithCard(await h.context(), first, await h.newCard("demo"), guest)).kind).toBe("unknown");

    // The shopper reloads and checks the same cart out again: a new order, refused before any call.
    const second = await h.orderFromCart(first.cartId);
    const again = await payWithCard(await h.context(), second, await h.newCard("visa"), guest);
    expect(again).toEqual({ kind: "failed", message: dictionaryFor("ja").payment.cartUnknown });
    expect((await h.db.order.findUniqueOrThrow({ where: { id: second.id } })).status).toBe("cancelled");
    const calls = (await h.state()).calls;
    expect(calls.filter((call) => call.operateId === "1Gathering")).toHaveLength(1);
    expect((await h.state()).transactions.filter((t) => t.merchantFree2 === String(second.id))).toHaveLength(0);

    // The same, with the attempt begun in the new order's transaction: refused there, the order still
    // written and then cancelled, e-SCOTT never called.
    const input = await h.newCard("visa");
    const third = await h.orderFromCart(first.cartId, null, cardPaymentStart((await h.context()).settings, input));
    expect(third.started).toMatchObject({ ok: false, busy: { reason: "unknown" } });
    expect(await h.db.payment.count({ where: { orderId: third.id } })).toBe(0);
    expect(await payWithCard(await h.context(), third, input, guest, third.started)).toEqual({ kind: "failed", message: dictionaryFor("ja").payment.cartUnknown });
    expect((await h.db.order.findUniqueOrThrow({ where: { id: third.id } })).status).toBe("cancelled");
    expect((await h.state()).calls.filter((call) => call.operateId === "1Gathering")).toHaveLength(1);
  });

  it("a rejected token (already used) fails without authorizing", async () => {
    const input = await h.newCard("demo");
    const first = await h.order();
    await payWithCard(await h.context(), first, input, guest);
    const second = await h.order();
    const outcome = await payWithCard(await h.context(), second, input, guest);
    expect(outcome.kind).toBe("failed");
    expect((await h.db.payment.findFirstOrThrow({ where: { orderId: second.id } })).lastCodes).toBe("KI2");
    expect(await transactionsOf(second.id)).toHaveLength(0);
  });

  it("with ログを保存 off only errors are logged; with it on every call is, secrets masked", async () => {
    await h.configure({ saveLog: false });
    const ok = await h.order();
    await payWithCard(await h.context(), ok, await h.newCard("demo"), guest);
    const declined = await h.order();
    await payWithCard(await h.context(), declined, await h.newCard("g12"), guest);
    // Log writes are fire-and-forget: once the later error row is there, the earlier calls were handled too.
    await vi.waitFor(async () => expect(await h.db.paymentLog.count({ where: { orderId: declined.id } })).toBe(1));
    expect(await h.db.paymentLog.count({ where: { orderId: ok.id } })).toBe(0);
    expect(await h.db.paymentLog.findMany({ where: { orderId: declined.id }, select: { operateId: true, outcome: true, responseCd: true } })).toEqual([{ operateId: "1Gathering", outcome: "rejected", responseCd: "G12" }]);

    await h.configure({ saveLog: true });
    const logged = await h.order();
    await payWithCard(await h.context(), logged, await h.newCard("demo"), guest);
    await vi.waitFor(async () => expect(await h.db.paymentLog.count({ where: { orderId: logged.id } })).toBe(2));
    const rows = await h.db.paymentLog.findMany({ where: { orderId: logged.id }, orderBy: { createdAt: "asc" } });
    expect(rows.map((r) => r.operateId)).toEqual(["1TokenSearch", "1Gathering"]);
    expect(JSON.parse(rows[1]!.request!)).toMatchObject({ MerchantPass: "********01", Token: expect.stringMatching(/^\*{8}..$/) });
  });

  it("an order of 0 yen completes without calling e-SCOTT", async () => {
    const order = await h.order({ priceYen: 0, shippingFee: 0 });
    expect(order.total).toBe(0);
    const before = (await h.state()).calls.length;
    const outcome = await payWithCard(await h.context(), order, await h.newCard("demo"), guest);
    expect(outcome.kind).toBe("redirect");
    expect((await h.db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("processing");
    expect((await h.state()).calls.length).toBe(before);
  });
});

describe("saved cards at checkout", () => {
  it("a customer pays and saves the card (4MemAdd), then pays with it, then replaces it (4MemChg)", async () => {
    const user = await h.user();
    const ctx: CheckoutContext = { locale: "ja", total: 0, userId: user.id };
    const first = await h.order({ userId: user.id });
    expect((await payWithCard(await h.context(), first, await h.newCard("demo", { save: true }), ctx)).kind).toBe("redirect");

    const member = await h.db.cardMember.findUniqueOrThrow({ where: { userId: user.id } });
    expect(member).toMatchObject({ brand: "visa", last4: "0300" });
    expect(member.kaiinId).toMatch(/^v1:/);
    const [firstTx] = await transactionsOf(first.id);
    expect(firstTx).toMatchObject({ hasKaiinId: true, status: "SALES" });

    const second = await h.order({ userId: user.id });
    expect((await payWithCard(await h.context(), second, { mode: "saved", payType: "01", agreement: false }, ctx)).kind).toBe("redirect");
    const [secondTx] = await transactionsOf(second.id);
    expect(secondTx).toMatchObject({ hasKaiinId: true, kaiinId: firstTx!.kaiinId });
    expect((await h.db.payment.findFirstOrThrow({ where: { orderId: second.id } })).memberUsed).toBe(true);

    // 常にカード会員に登録 on: "change card and pay" really replaces the saved card.
    const third = await h.order({ userId: user.id });
    expect((await payWithCard(await h.context(), third, await h.newCard("master", { save: true }), ctx)).kind).toBe("redirect");
    const emuMember = (await h.state()).members.find((m) => m.kaiinId === firstTx!.kaiinId);
    expect(emuMember?.cardNo).toMatch(/4444$/);
    expect(await h.db.cardMember.findUniqueOrThrow({ where: { userId: user.id } })).toMatchObject({ brand: "mastercard", last4: "4444" });
    expect((await transactionsOf(third.id))[0]).toMatchObject({ kaiinId: firstTx!.kaiinId });
  });

  it("paying with a new card without saving leaves the saved card alone", async () => {
    await h.configure({ alwaysSaveCard: false });
    const user = await h.user();
    const ctx: CheckoutContext = { locale: "ja", total: 0, userId: user.id };
    await payWithCard(await h.context(), await h.order({ userId: user.id }), await h.newCard("demo", { save: true }), ctx);
    const order = await h.order({ userId: user.id });
    await payWithCard(await h.context(), order, await h.newCard("visa", { save: false }), ctx);
    expect((await transactionsOf(order.id))[0]).toMatchObject({ hasKaiinId: false });
    expect(await h.db.cardMember.findUniqueOrThrow({ where: { userId: user.id } })).toMatchObject({ last4: "0300" });
  });

  it("a saved card that e-SCOTT no longer knows fails with the member message", async () => {
    const user = await h.user();
    const ctx: CheckoutContext = { locale: "ja", total: 0, userId: user.id };
    await payWithCard(await h.context(), await h.order({ userId: user.id }), await h.newCard("demo", { save: true }), ctx);
    await h.control("/_control/reset");
    const order = await h.order({ userId: user.id });
    const outcome = await payWithCard(await h.context(), order, { mode: "saved", payType: "01", agreement: false }, ctx);
    expect(outcome).toEqual({ kind: "failed", message: "カード会員情報が見つかりません。" });
    expect((await h.db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("failed");
  });
});
