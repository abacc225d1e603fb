import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { addItem, cartView } from "@/lib/cart/store";
import { dictionaryFor } from "@/lib/i18n";
import { placeOrder } from "@/lib/orders/place";
import { CVS_PAYMENT_START, registerCvsPayment } from "@/lib/payments/cvs/checkout";
import { startNewOrderPayment } from "@/lib/payments/payments";
import { jstDate } from "@/lib/escott";
import { sampleCheckout } from "@/test/support/db";
import { SHIPPING, startCvsWorld, type CvsWorld } from "@/test/support/cvs-harness";

let w: CvsWorld;
beforeAll(async () => {
  w = await startCvsWorld();
});
afterAll(async () => {
  await w.close();
});

describe("placing a convenience-store order (2Add)", () => {
  it("registers the total with the fee, puts the order on hold, empties the cart and sends the shopper to the payment page", async () => {
    const { orderId, cartId, outcome } = await w.order({ price: 2200 });
    const order = await w.t.db.order.findUniqueOrThrow({ where: { id: orderId }, include: { fees: true, notes: true } });
    // 2,200 + 800 shipping = 3,000 → fee 330 (manual's table) → 3,330
    expect(order.total).toBe(3330);
    expect(order.fees).toMatchObject([{ code: "cvs_fee", name: "決済手数料", amount: 330 }]);
    expect(order.status).toBe("on-hold");
    expect(order.notes.map((n) => n.message)).toContain("オンライン収納入金待ち");
    expect((await cartView(w.t.db, cartId, SHIPPING)).lines).toHaveLength(0);

    const payment = await w.t.db.payment.findFirstOrThrow({ where: { orderId } });
    expect(payment).toMatchObject({ gateway: "cvs", state: "unpaid", amount: 3330, liveOrderId: orderId, operateId: "2Add" });
    expect(payment.payLimit).toMatch(/^\d{8}2359$/);
    expect(payment.payLimit!.slice(0, 8)).toBe(jstDate(new Date(Date.now() + 7 * 86_400_000)));
    expect(payment.kessaiNumber).toMatch(/^\d+$/);

    const reg = await w.registration(payment.transactionCode);
    expect(reg).toMatchObject({ amount: 3330, merchantFree2: String(orderId), nameKanji: "山田太郎", nameKana: "ヤマダタロウ", telNo: "03-1234-5678", status: "UNPAID" });
    expect(reg!.shouhinName).toMatch(/^商品　/);
    expect(reg!.returnUrl).toBe(`http://shop.test/order/${orderId}?key=${encodeURIComponent(order.accessKey)}`);
    // ProcessPass is stored encrypted, never as e-SCOTT sent it.
    expect(payment.processPass).toMatch(/^v1:/);
    expect(w.deps.box.open(payment.processPass!)).toMatch(/^[A-Za-z0-9]{32}$/);
    expect(payment.freeArea).toBe(reg!.freeArea);
    expect(payment.paymentUrl).toBe(`${w.emu.url}/JLPCT/JLPcon?code=${reg!.freeArea}&rkbn=2`);
    expect(outcome).toEqual({ kind: "redirect", url: `${w.emu.url}/JLPCT/JLPcon?code=${reg!.freeArea}&rkbn=1` });

    const mail = await w.t.db.emailMessage.findFirstOrThrow({ where: { orderId, kind: "order_received" } });
    expect(mail.to).toBe("taro@example.com");
    expect(mail.subject).toContain(`注文番号 ${orderId}`);
    expect(mail.body).toContain(`お支払いURL: ${payment.paymentUrl}`);
    expect(mail.body).toMatch(/お支払い期限: \d{4}\/\d{2}\/\d{2} 23:59/);
    expect(mail.body).toContain("決済手数料: 330円");
    expect(w.delivered).toContainEqual([mail.id]);
  });

  it("a second submit of the same order returns the same payment page without registering again", async () => {
    const { orderId, outcome } = await w.order();
    const again = await registerCvsPayment(w.deps, { id: orderId }, "ja");
    expect(again).toEqual(outcome);
    expect(await w.t.db.payment.count({ where: { orderId } })).toBe(1);
  });

  it("a new order of a cart whose other order's outcome is unknown is refused with the order: cancelled, nothing registered", async () => {
    const first = await w.order();
    await w.t.db.payment.updateMany({ where: { orderId: first.orderId }, data: { state: "unknown" } });
    await addItem(w.t.db, first.cartId, first.productId, 1);
    const registered = (await w.control<{ cvs: unknown[] }>("/_control/state", undefined, "GET")).json.cvs.length;

    const placed = await placeOrder(
      w.t.db,
      { cartId: first.cartId, checkoutKey: randomUUID(), userId: null, locale: "ja", data: sampleCheckout, paymentMethod: "cvs", shipping: SHIPPING },
      (tx, order) => startNewOrderPayment(tx, order, CVS_PAYMENT_START),
    );
    expect(placed.started).toMatchObject({ ok: false, busy: { reason: "unknown" } });
    expect(await registerCvsPayment(w.deps, { id: placed.id }, "ja", placed.started)).toEqual({ kind: "failed", message: dictionaryFor("ja").payment.cartUnknown });
    expect((await w.t.db.order.findUniqueOrThrow({ where: { id: placed.id } })).status).toBe("cancelled");
    expect(await w.t.db.payment.count({ where: { orderId: placed.id } })).toBe(0);
    expect((await w.control<{ cvs: unknown[] }>("/_control/state", undefined, "GET")).json.cvs).toHaveLength(registered);
  });

  it("no fee line when the table gives 0 yen", async () => {
    const { orderId } = await w.order({ price: 300 }); // 300 + 800 = 1,100 → 0 yen
    const order = await w.t.db.order.findUniqueOrThrow({ where: { id: orderId }, include: { fees: true } });
    expect(order.fees).toHaveLength(0);
    expect(order.total).toBe(1100);
  });

  it("an e-SCOTT error fails the order with a shopper message, keeps the cart and returns the stock", async () => {
    const { orderId, cartId, productId, outcome } = await w.order({ kana: "Yamada" }); // K52: not katakana
    expect(outcome.kind).toBe("failed");
    expect(outcome.kind === "failed" && outcome.message).toBeTruthy();
    const order = await w.t.db.order.findUniqueOrThrow({ where: { id: orderId }, include: { notes: true } });
    expect(order.status).toBe("failed");
    expect(order.notes.some((n) => n.message.includes("K52"))).toBe(true);
    expect((await cartView(w.t.db, cartId, SHIPPING)).lines).toHaveLength(1);
    expect((await w.t.db.product.findUniqueOrThrow({ where: { id: productId } })).stock).toBe(10);
    const payment = await w.t.db.payment.findFirstOrThrow({ where: { orderId } });
    expect(payment).toMatchObject({ state: "failed", liveOrderId: null, lastCodes: "K52" });
    expect(await w.t.db.emailMessage.count({ where: { orderId } })).toBe(0);
  });

  it("a lost answer (HTTP 500) fails the order the same way; retrying the same order registers it", async () => {
    const fault = await w.control("/_control/faults", { mode: "http500", operateId: "2Add", count: 1 });
    expect(fault.status).toBe(200);
    const { orderId, outcome } = await w.order();
    expect(outcome).toEqual({ kind: "failed", message: "支払い処理に失敗しました。再度お試しください。" });
    expect((await w.t.db.order.findUniqueOrThrow({ where: { id: orderId } })).status).toBe("failed");

    const { registerCvsPayment } = await import("@/lib/payments/cvs/checkout");
    const retried = await registerCvsPayment(w.deps, { id: orderId }, "ja");
    expect(retried.kind).toBe("redirect");
    expect((await w.t.db.order.findUniqueOrThrow({ where: { id: orderId } })).status).toBe("on-hold");
    expect(await w.t.db.payment.count({ where: { orderId } })).toBe(2);
  });
});
