// 3-D Secure round trips: our form is posted to the emulator's 3DS page like a browser would,
// and what the page posts back goes through the route handler — with no cookies at all.
import { describe, expect, it } from "vitest";
import { GET, POST } from "@/app/api/escott/3ds/route";
import { parseForms } from "@/test/support/contract-harness";
import { payWithCard } from "@/lib/payments/card/checkout";
import { settleAbandonedAttempts } from "@/lib/payments/card/housekeeping";
import { startPayment } from "@/lib/payments/payments";
import { flushRejectionCounts } from "@/lib/security/rejections";
import type { CardInput } from "@/lib/payments/card/input";
import { registerCard } from "@/lib/payments/card/member-service";
import { cardHarnessPerFile, guest, type NewCardOptions, type TestCardName } from "@/test/support/card-harness";
import type { CheckoutContext, PayOutcome } from "@/lib/payments/registry";

const h = cardHarnessPerFile({ operateId: "1Gathering", threeDSecure: true, installments: "2", alwaysSaveCard: true, cardMember: true });

/** With 3-D Secure on, the shopper ticks the agreement. */
const newCard = (card: TestCardName, extra: NewCardOptions = {}): Promise<CardInput> => h.newCard(card, { agreement: true, ...extra });

/** The browser: auto-post to the 3DS page, read its auto-post form back to us. */
async function throughThreeDSPage(outcome: { action: string; fields: Record<string, string> }): Promise<{ action: string; encryptValue: string }> {
  const page = await fetch(outcome.action, { method: "POST", body: new URLSearchParams(outcome.fields) });
  expect(page.status).toBe(200);
  const [form] = parseForms(await page.text());
  const encryptValue = form?.inputs.find((i) => i.name === "EncryptValue")?.value;
  expect(encryptValue).toBeTruthy();
  return { action: form!.action, encryptValue: encryptValue! };
}

/** The return as e-SCOTT's page posts it: a form POST with no cookie. */
async function postReturn(encryptValue: string): Promise<Response> {
  return POST(new Request("http://shop.test/api/escott/3ds", { method: "POST", body: new URLSearchParams({ EncryptValue: encryptValue }) }));
}

function asPost(outcome: PayOutcome) {
  if (outcome.kind !== "post") throw new Error(`expected a 3DS hand-off, got ${JSON.stringify(outcome)}`);
  return outcome;
}

describe("3-D Secure at checkout", () => {
  it("success: the return authorizes with the 3DS values, stores 3D認証結果 0 and leads to the thank-you page; a replayed return changes nothing", async () => {
    const order = await h.order();
    const outcome = asPost(await payWithCard(await h.context(), order, await newCard("demo", { payType: "03" }), guest));
    expect(outcome.action).toBe(`${h.emu.url}/online/tds/OTDS010.do`);
    expect(Object.keys(outcome.fields).sort()).toEqual(["EncryptValue", "MerchantId"]);
    const waiting = await h.db.payment.findFirstOrThrow({ where: { orderId: order.id } });
    expect(waiting.state).toBe("awaiting_3ds");
    expect(waiting.pendingData).toMatch(/^v1:/);

    const back = await throughThreeDSPage(outcome);
    expect(back.action).toBe("http://shop.test/api/escott/3ds");
    const res = await postReturn(back.encryptValue);
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`http://shop.test/order/${order.id}?key=${encodeURIComponent(order.accessKey)}`);

    const payment = await h.db.payment.findFirstOrThrow({ where: { orderId: order.id } });
    expect(payment).toMatchObject({ state: "captured", secureResultCode: "0", agreement: true, payType: "03", pendingData: null });
    expect((await h.db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("processing");
    const tx = (await h.state()).transactions.find((t) => t.merchantFree2 === String(order.id));
    expect(tx?.threeDS).toMatchObject({ SecureResultCode: "0" });
    expect(tx?.payType).toBe("03");

    const replay = await postReturn(back.encryptValue);
    expect(replay.status).toBe(303);
    expect(replay.headers.get("location")).toBe(res.headers.get("location"));
    expect((await h.state()).calls.filter((c) => c.operateId === "1Gathering")).toHaveLength(1);
  });

  it("failure (SecureResultCode 1) returns to checkout with the message, the order fails, the cart stays", async () => {
    await h.control("/_control/next-3ds", { secureResultCode: "1" });
    const order = await h.order();
    const back = await throughThreeDSPage(asPost(await payWithCard(await h.context(), order, await newCard("demo"), guest)));
    const res = await postReturn(back.encryptValue);
    expect(res.headers.get("location")).toBe("http://shop.test/checkout?notice=payment.threeDSFailed");
    expect(await h.db.payment.findFirstOrThrow({ where: { orderId: order.id } })).toMatchObject({ state: "failed", secureResultCode: "1", liveOrderId: null });
    expect((await h.db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("failed");
    expect(await h.db.cartItem.count({ where: { cartId: order.cartId } })).toBe(1);
    expect((await h.state()).calls.filter((c) => c.operateId === "1Gathering")).toHaveLength(0);
  });

  it.each(["2", "3"])("SecureResultCode %s continues to the authorization", async (code) => {
    await h.control("/_control/next-3ds", { secureResultCode: code });
    const order = await h.order();
    const back = await throughThreeDSPage(asPost(await payWithCard(await h.context(), order, await newCard("visa"), guest)));
    expect((await postReturn(back.encryptValue)).headers.get("location")).toContain(`/order/${order.id}`);
    expect((await h.db.payment.findFirstOrThrow({ where: { orderId: order.id } })).secureResultCode).toBe(code);
  });

  it("a customer saves the card through 3DS (4MemAdd with the 3DS values after the return), then pays with it through 3DS", async () => {
    const user = await h.user();
    const ctx: CheckoutContext = { locale: "ja", total: 0, userId: user.id };
    const first = await h.order({ userId: user.id });
    let back = await throughThreeDSPage(asPost(await payWithCard(await h.context(), first, await newCard("demo", { save: true }), ctx)));
    expect(await h.db.cardMember.count({ where: { userId: user.id } })).toBe(0); // nothing stored before the return
    await postReturn(back.encryptValue);
    expect(await h.db.cardMember.findUniqueOrThrow({ where: { userId: user.id } })).toMatchObject({ last4: "0300" });
    expect((await h.state()).transactions.find((t) => t.merchantFree2 === String(first.id))).toMatchObject({ hasKaiinId: true });

    const second = await h.order({ userId: user.id });
    back = await throughThreeDSPage(asPost(await payWithCard(await h.context(), second, { mode: "saved", payType: "01", agreement: true }, ctx)));
    const res = await postReturn(back.encryptValue);
    expect(res.headers.get("location")).toContain(`/order/${second.id}`);
    expect((await h.state()).transactions.find((t) => t.merchantFree2 === String(second.id))).toMatchObject({ hasKaiinId: true, status: "SALES" });
  });

  it("a shopper who left the 3DS page and submits again gets a new attempt; the old return can no longer pay", async () => {
    const order = await h.order();
    const input = await newCard("visa");
    const stale = asPost(await payWithCard(await h.context(), order, input, guest));
    const fresh = asPost(await payWithCard(await h.context(), order, input, guest));
    const payments = await h.db.payment.findMany({ where: { orderId: order.id }, orderBy: { createdAt: "asc" } });
    expect(payments.map((p) => [p.state, p.lastCodes])).toEqual([
      ["failed", "SUPERSEDED"],
      ["awaiting_3ds", null],
    ]);
    const oldReturn = await postReturn((await throughThreeDSPage(stale)).encryptValue);
    expect(oldReturn.headers.get("location")).toBe("http://shop.test/checkout?notice=payment.failed");
    expect((await h.db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("pending");
    const newReturn = await postReturn((await throughThreeDSPage(fresh)).encryptValue);
    expect(newReturn.headers.get("location")).toContain(`/order/${order.id}`);
    expect((await h.state()).calls.filter((c) => c.operateId === "1Gathering")).toHaveLength(1);
  });

  it("e-SCOTT refusing the request itself (used token: no SecureResultCode) fails the attempt and returns to checkout", async () => {
    const order = await h.order();
    const input = await newCard("visa");
    const outcome = asPost(await payWithCard(await h.context(), order, input, guest));
    // The token gets used elsewhere before the shopper reaches the 3DS page.
    if (input.mode !== "new") throw new Error("new card expected");
    const used = await (await h.context()).client.card.gathering({ orderId: "elsewhere", amount: 100, source: { token: input.token } });
    expect(used.ok).toBe(true);
    const res = await postReturn((await throughThreeDSPage(outcome)).encryptValue);
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("http://shop.test/checkout?notice=payment.failed");
    expect(await h.db.payment.findFirstOrThrow({ where: { orderId: order.id } })).toMatchObject({ state: "failed", lastCodes: "KI2", liveOrderId: null });
    expect((await h.db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("failed");
  });

  it("refuses a forged or unknown return with the uniform error page; the reason is only in the log", async () => {
    const res = await postReturn("bm90LWVuY3J5cHRlZA==");
    expect(res.status).toBe(400);
    const page = await res.text();
    expect(page).not.toMatch(/decrypt|EncryptValue|invalid/i);
    const missing = await POST(new Request("http://shop.test/api/escott/3ds", { method: "POST", body: new URLSearchParams({}) }));
    expect(missing.status).toBe(400);
    expect(await missing.text()).toBe(page);
    const logged = await h.db.paymentLog.findMany({ where: { operateId: "3DS", kind: "return" }, orderBy: { createdAt: "asc" } });
    expect(logged.map((l) => l.detail?.split(":")[0])).toEqual(expect.arrayContaining(["decrypt_failed", "missing_value"]));

    // Posted again and again: counted per reason, no row each (one sample per reason per minute).
    const rows = await h.db.paymentLog.count();
    for (let i = 0; i < 10; i++) expect((await postReturn("bm90LWVuY3J5cHRlZA==")).status).toBe(400);
    expect(await h.db.paymentLog.count()).toBe(rows);
    await flushRejectionCounts(h.db);
    const decryptFailed = await h.db.rejectionCount.aggregate({ where: { source: "3ds_return", reason: "decrypt_failed" }, _sum: { count: true } });
    expect(decryptFailed._sum.count).toBeGreaterThanOrEqual(11);
  });
});

describe("3-D Secure return over HTTP", () => {
  const URL_3DS = "http://shop.test/api/escott/3ds";
  const uniform = async () => (await postReturn("forged")).text();

  it("is POST only: GET (EncryptValue would land in access logs), HEAD and PUT get 405 with Allow: POST, and change nothing", async () => {
    const order = await h.order();
    const back = await throughThreeDSPage(asPost(await payWithCard(await h.context(), order, await newCard("demo"), guest)));
    const page = await uniform();
    const logRows = await h.db.paymentLog.count();
    const get = await GET(new Request(`${URL_3DS}?EncryptValue=${encodeURIComponent(back.encryptValue)}`));
    expect(get.status).toBe(405);
    expect(get.headers.get("allow")).toBe("POST");
    expect(get.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(await get.text()).toBe(page);
    for (const method of ["HEAD", "PUT"]) {
      const res = await GET(new Request(URL_3DS, { method, ...(method === "PUT" ? { body: new URLSearchParams({ EncryptValue: back.encryptValue }) } : {}) }));
      expect(res.status, method).toBe(405);
      expect(res.headers.get("allow")).toBe("POST");
    }
    // Counted, not logged.
    expect(await h.db.paymentLog.count()).toBe(logRows);
    await flushRejectionCounts(h.db);
    expect(await h.db.rejectionCount.aggregate({ where: { source: "3ds_return", reason: "method_not_post" }, _sum: { count: true } })).toMatchObject({ _sum: { count: 3 } });
    expect((await h.db.payment.findFirstOrThrow({ where: { orderId: order.id } })).state).toBe("awaiting_3ds");
    // The genuine POST still goes through.
    expect((await postReturn(back.encryptValue)).headers.get("location")).toContain(`/order/${order.id}`);
  });

  it("refuses bodies over 16 KB (413) — by Content-Length before reading, or as soon as a stream passes the limit", async () => {
    const big = new URLSearchParams({ EncryptValue: "A".repeat(20_000) });
    const declared = await POST(new Request(URL_3DS, { method: "POST", body: big }));
    expect(declared.status).toBe(413);
    expect(await declared.text()).toBe(await uniform());

    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        controller.enqueue(new TextEncoder().encode("EncryptValue=" + "A".repeat(4096)));
        if (pulled > 1000) controller.close();
      },
    });
    const streamed = await POST(new Request(URL_3DS, { method: "POST", body: endless, headers: { "Content-Type": "application/x-www-form-urlencoded" }, duplex: "half" } as RequestInit));
    expect(streamed.status).toBe(413);
    expect(pulled).toBeLessThan(10);

    const lying = await POST(new Request(URL_3DS, { method: "POST", body: big, headers: { "Content-Length": "10" } }));
    expect([400, 413]).toContain(lying.status); // never processed
    // Exactly at the limit is read.
    const atLimit = "EncryptValue=" + "A".repeat(16 * 1024 - "EncryptValue=".length);
    expect((await POST(new Request(URL_3DS, { method: "POST", body: atLimit, headers: { "Content-Type": "application/x-www-form-urlencoded" } }))).status).toBe(400);
  });

  it("answers every kind of bad input with the same page: Japanese by default, English by the language cookie, a link back to checkout", async () => {
    const inputs: RequestInit[] = [
      { method: "POST", body: new URLSearchParams({}) },
      { method: "POST", body: new URLSearchParams({ EncryptValue: "" }) },
      { method: "POST", body: new URLSearchParams({ EncryptValue: "%%%" }) },
      { method: "POST", body: new URLSearchParams({ EncryptValue: "bm90LWVuY3J5cHRlZA==" }) },
      { method: "POST", body: JSON.stringify({ EncryptValue: "x" }), headers: { "Content-Type": "application/json" } },
      { method: "POST", body: new Uint8Array([0xff, 0xfe, 0x00, 0x81]), headers: { "Content-Type": "application/x-www-form-urlencoded" } },
      { method: "POST", body: "--x\r\nbroken", headers: { "Content-Type": "multipart/form-data; boundary=x" } },
    ];
    const pages = new Set<string>();
    for (const init of inputs) {
      const res = await POST(new Request(URL_3DS, init));
      expect(res.status).toBe(400);
      expect(res.headers.get("cache-control")).toBe("no-store");
      pages.add(await res.text());
    }
    expect(pages.size).toBe(1);
    const [page] = [...pages];
    expect(page).toContain('<html lang="ja">');
    expect(page).toContain('<a href="/checkout">ご注文手続きに戻る</a>');

    const english = await POST(new Request(URL_3DS, { method: "POST", body: new URLSearchParams({}), headers: { Cookie: "theme=x; lang=en" } }));
    const text = await english.text();
    expect(text).toContain('<html lang="en">');
    expect(text).toContain('<a href="/checkout">Back to checkout</a>');
  });

  it("a multipart form works like the url-encoded one", async () => {
    const order = await h.order();
    const back = await throughThreeDSPage(asPost(await payWithCard(await h.context(), order, await newCard("demo"), guest)));
    const form = new FormData();
    form.set("EncryptValue", back.encryptValue);
    const res = await POST(new Request(URL_3DS, { method: "POST", body: form }));
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toContain(`/order/${order.id}`);
  });
});

describe("3-D Secure in My Account", () => {
  it("registers a card through the 3DS page; a replayed return does nothing more", async () => {
    const user = await h.user();
    const { token, maskedCard } = await h.token("visa");
    const outcome = await registerCard(await h.context(), user, { token, maskedCard, holderName: "TARO YAMADA" });
    if (outcome.kind !== "post") throw new Error("expected a 3DS hand-off");
    const back = await throughThreeDSPage(outcome);
    const res = await postReturn(back.encryptValue);
    expect(res.headers.get("location")).toBe("http://shop.test/account/card?notice=card.saved");
    expect(await h.db.cardMember.findUniqueOrThrow({ where: { userId: user.id } })).toMatchObject({ brand: "visa", last4: "1111" });
    expect((await postReturn(back.encryptValue)).headers.get("location")).toBe("http://shop.test/account/card?notice=card.returnUnknown");
  });

  it("a registration e-SCOTT refuses outright (used token) says so and stores nothing", async () => {
    const user = await h.user();
    const { token, maskedCard } = await h.token("visa");
    const outcome = await registerCard(await h.context(), user, { token, maskedCard, holderName: "TARO YAMADA" });
    if (outcome.kind !== "post") throw new Error("expected a 3DS hand-off");
    expect((await (await h.context()).client.card.gathering({ orderId: "elsewhere", amount: 100, source: { token } })).ok).toBe(true);
    const res = await postReturn((await throughThreeDSPage(outcome)).encryptValue);
    expect(res.headers.get("location")).toBe("http://shop.test/account/card?notice=card.addFailed");
    expect(await h.db.cardMember.count({ where: { userId: user.id } })).toBe(0);
  });

  it("a failed authentication stores nothing", async () => {
    await h.control("/_control/next-3ds", { secureResultCode: "9" });
    const user = await h.user();
    const { token, maskedCard } = await h.token("visa");
    const outcome = await registerCard(await h.context(), user, { token, maskedCard, holderName: "TARO YAMADA" });
    if (outcome.kind !== "post") throw new Error("expected a 3DS hand-off");
    const res = await postReturn((await throughThreeDSPage(outcome)).encryptValue);
    expect(res.headers.get("location")).toBe("http://shop.test/account/card?notice=card.threeDSFailed");
    expect(await h.db.cardMember.count({ where: { userId: user.id } })).toBe(0);
  });
});

describe("attempts nobody finishes (housekeeping)", () => {
  it("left at the 3DS page: failed after the wait, stock back; interrupted mid-call: flagged unknown, stock kept", async () => {
    const left = await h.order();
    asPost(await payWithCard(await h.context(), left, await newCard("demo"), guest));
    const interrupted = await h.order();
    const started = await startPayment(h.db, { orderId: interrupted.id, gateway: "card", amount: interrupted.total });
    const stock = async (id: string) => (await h.db.product.findUniqueOrThrow({ where: { id } })).stock;
    expect(await stock(left.productId)).toBe(9);

    // Not yet: within the wait nothing happens.
    expect(await settleAbandonedAttempts(h.db, new Date(), 30 * 60_000)).toEqual({ abandoned: 0, interrupted: 0 });
    const later = new Date(Date.now() + 31 * 60_000);
    expect(await settleAbandonedAttempts(h.db, later, 30 * 60_000)).toEqual({ abandoned: 1, interrupted: 1 });

    const a = await h.db.order.findUniqueOrThrow({ where: { id: left.id }, include: { payments: true, notes: true } });
    expect(a.status).toBe("failed");
    expect(a.payments[0]).toMatchObject({ state: "failed", liveOrderId: null, lastCodes: "ABANDONED" });
    expect(a.notes.some((n) => n.message.includes("3Dセキュア認証の画面から30分以上"))).toBe(true);
    expect(await stock(left.productId)).toBe(10);

    const b = await h.db.order.findUniqueOrThrow({ where: { id: interrupted.id }, include: { payments: true } });
    expect(b).toMatchObject({ status: "pending", attention: "payment_unknown:interrupted" });
    expect(b.payments[0]).toMatchObject({ id: started.id, state: "unknown", liveOrderId: interrupted.id });
    expect(await stock(interrupted.productId)).toBe(9);

    // A second run finds nothing more to do.
    expect(await settleAbandonedAttempts(h.db, later, 30 * 60_000)).toEqual({ abandoned: 0, interrupted: 0 });
  });

  it("the wait is the merchant's (card settings): 10 minutes settles an 11-minute-old attempt, 30 does not", async () => {
    const left = await h.order();
    asPost(await payWithCard(await h.context(), left, await newCard("demo"), guest));
    await h.db.payment.updateMany({ where: { orderId: left.id }, data: { updatedAt: new Date(Date.now() - 11 * 60_000) } });
    await import("@/lib/payments/gateways");
    const { findGateway } = await import("@/lib/payments/registry");
    const housekeeping = () => findGateway("card")!.housekeeping!({ awaitMail: false });
    await h.configure({ abandonAfterMinutes: 30 });
    expect(await housekeeping()).toEqual({ abandoned: 0, interrupted: 0 });
    await h.configure({ abandonAfterMinutes: 10 });
    expect(await housekeeping()).toEqual({ abandoned: 1, interrupted: 0 });
    expect((await h.db.order.findUniqueOrThrow({ where: { id: left.id } })).status).toBe("failed");
    await h.configure({ abandonAfterMinutes: 30 });
  });
});
