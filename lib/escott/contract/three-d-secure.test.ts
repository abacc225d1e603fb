// Contract: 3-D Secure through the browser (docs/escott-protocol.md §6.2–6.6, §12.12). The client builds the auto-submitted form,
// the test POSTs it to OTDS010 like a browser, reads the auto-POST form the page answers with, submits that to a
// local "shop" at RedirectUrl, and feeds what the shop received to threeDS.parseReturn.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DEMO_CONTRACT } from "@/lib/escott/demo-contract";
import type { ThreeDSForm, ThreeDSFormResult, ThreeDSReturn } from "../three-d-secure";
import { THREE_DS_VALUE_FIELDS } from "../three-d-secure-values";
import {
  CARDS,
  expectOk,
  expectRejected,
  newMember,
  newOrderId,
  parseForms,
  startHarness,
  startShop,
  submitForm,
  type ContractHarness,
  type Shop,
} from "@/test/support/contract-harness";

let h: ContractHarness;
let shop: Shop;
beforeAll(async () => {
  shop = await startShop();
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
  await shop?.close();
});
beforeEach(() => h.reset());

let returns = 0;
/** A RedirectUrl on the local shop with a query string that must survive the round trip. */
function redirectUrl(): string {
  returns += 1;
  return `${shop.url}/api/escott/3ds-return?wc-api=wc_sonypayment&n=${returns}&lang=ja`;
}

function formOf(result: ThreeDSFormResult): ThreeDSForm {
  if (!result.ok) throw new Error(`form not built: ${result.reason} ${result.detail}`);
  return result;
}

/**
 * The browser's part: POST MerchantId + EncryptValue (form-encoded) to the 3DS page, read the auto-POST form it
 * returns (action = RedirectUrl verbatim, single field EncryptValue) and submit it to the shop. Returns what the
 * shop's route received.
 */
async function roundTrip(form: ThreeDSForm, expectedRedirect: string): Promise<string> {
  expect(form.action).toBe(`${h.emu.url}/online/tds/OTDS010.do`);
  expect(Object.keys(form.fields)).toEqual(["MerchantId", "EncryptValue"]);
  const page = await submitForm(form.action, new URLSearchParams(form.fields));
  expect(page.status).toBe(200);

  const [back, ...others] = parseForms(page.html);
  expect(others).toHaveLength(0);
  expect(back?.method).toBe("post");
  expect(back?.action).toBe(expectedRedirect);
  expect(back?.inputs.map((i) => [i.name, i.type])).toEqual([["EncryptValue", "hidden"]]);

  const before = shop.requests.length;
  const posted = await submitForm(back?.action ?? "", new URLSearchParams([["EncryptValue", back?.inputs[0]?.value ?? ""]]));
  expect(posted.status).toBe(200);
  const received = shop.requests[before];
  expect(received?.method).toBe("POST");
  expect(received?.url).toBe(new URL(expectedRedirect).pathname + new URL(expectedRedirect).search);
  expect([...(received?.form.keys() ?? [])]).toEqual(["EncryptValue"]);
  return received?.form.get("EncryptValue") ?? "";
}

function parsed(encryptValue: string): ThreeDSReturn {
  const result = h.client.threeDS.parseReturn(encryptValue);
  if (!result.ok) throw new Error(`parseReturn failed: ${result.reason} ${result.detail}`);
  return result;
}

async function forceOutcome(secureResultCode: string) {
  const { status } = await h.control("/_control/next-3ds", { secureResultCode });
  expect(status).toBe(200);
}

describe("3Secure at checkout", () => {
  it("frictionless: proceed with the nine values, then 1Gathering with them → OK", async () => {
    const orderId = newOrderId();
    const { token } = await h.browserToken(CARDS.visa);
    expectOk(await h.client.token.search({ token, orderId, amount: 4980 }));
    const target = redirectUrl();
    const form = formOf(
      h.client.threeDS.checkoutForm({ orderId, amount: 4980, source: { token }, redirectUrl: target, billingFullName: "TARO YAMADA", billingEmail: "taro@example.com" }),
    );
    expect(form.operateId).toBe("3Secure");
    expect(form.fields.MerchantId).toBe(DEMO_CONTRACT.card.merchantId);
    expect(form.procNo).toMatch(/^\d{7}$/);

    const ret = parsed(await roundTrip(form, target));
    expect(ret).toMatchObject({
      operateId: "3Secure",
      responseCd: "OK",
      codes: ["OK"],
      responseOk: true,
      secureResultCode: "0",
      proceed: true,
      transactionCode: form.transactionCode,
      orderId,
    });
    expect(Object.keys(ret.values).sort()).toEqual([...THREE_DS_VALUE_FIELDS].sort());
    for (const key of THREE_DS_VALUE_FIELDS) expect(ret.values[key], key).toMatch(/\S/);
    expect(ret.values).toMatchObject({ SecureResultCode: "0", TransactionStatus3D: "Y", ECI3D: "05", MessageVersionNo3D: "2.2.0" });

    const pay = expectOk(
      await h.client.card.gathering({ orderId, amount: 4980, source: { token }, threeDS: ret.values, transactionCode: form.transactionCode }),
    );
    expect(pay.transactionCode).toBe(form.transactionCode);
    const tx = (await h.state()).transactions.find((t) => t.processId === pay.data.processId);
    expect(tx?.threeDS).toEqual(ret.values);
    expect(tx?.merchantFree1).toBe(form.transactionCode);
  });

  it("altered 3DS values are refused by the authorization (ECI3D → K36) and the token stays usable", async () => {
    const orderId = newOrderId();
    const { token } = await h.controlToken(CARDS.visa);
    const target = redirectUrl();
    const form = formOf(h.client.threeDS.checkoutForm({ orderId, amount: 1000, source: { token }, redirectUrl: target, billingEmail: "a@example.com" }));
    const ret = parsed(await roundTrip(form, target));
    expectRejected(await h.client.card.auth({ orderId, amount: 1000, source: { token }, threeDS: { ...ret.values, ECI3D: "07" } }), ["K36"]);
    expectOk(await h.client.card.auth({ orderId, amount: 1000, source: { token }, threeDS: ret.values, transactionCode: form.transactionCode }));
  });

  it("stored card: 3Secure with KaiinId, then 1Auth with the member and the values → OK", async () => {
    const member = newMember(h.client);
    const { token } = await h.controlToken(CARDS.master);
    expectOk(await h.client.member.add({ ...member, token }));
    const orderId = newOrderId();
    const target = redirectUrl();
    const form = formOf(h.client.threeDS.checkoutForm({ orderId, amount: 2000, source: { member }, redirectUrl: target, billingEmail: "m@example.com" }));
    const ret = parsed(await roundTrip(form, target));
    expect(ret).toMatchObject({ proceed: true, userId: member.userId });
    const pay = expectOk(await h.client.card.auth({ orderId, amount: 2000, source: { member }, threeDS: ret.values, transactionCode: form.transactionCode }));
    expect(pay.raw.KaiinId).toBe(member.kaiinId);
  });

  it("SecureResultCode 1 (forced through /_control/next-3ds) → proceed false", async () => {
    await forceOutcome("1");
    const { token } = await h.controlToken(CARDS.visa);
    const target = redirectUrl();
    const form = formOf(h.client.threeDS.checkoutForm({ orderId: newOrderId(), amount: 1000, source: { token }, redirectUrl: target, billingEmail: "a@example.com" }));
    const ret = parsed(await roundTrip(form, target));
    expect(ret).toMatchObject({ operateId: "3Secure", responseOk: true, secureResultCode: "1", proceed: false });
    expect(ret.values).toMatchObject({ SecureResultCode: "1", TransactionStatus3D: "N" });
  });

  it.each([
    ["2", true],
    ["3", true],
    ["8", false],
    ["9", false],
  ])("SecureResultCode %s → proceed %s", async (code, proceed) => {
    await forceOutcome(code);
    const { token } = await h.controlToken(CARDS.visa);
    const target = redirectUrl();
    const form = formOf(h.client.threeDS.checkoutForm({ orderId: newOrderId(), amount: 1000, source: { token }, redirectUrl: target, billingEmail: "a@example.com" }));
    const ret = parsed(await roundTrip(form, target));
    expect({ secureResultCode: ret.secureResultCode, proceed: ret.proceed }).toEqual({ secureResultCode: code, proceed });
  });

  it("a page-side error (browser re-posts the same form: ProcNo reused → K89) returns without SecureResultCode; parseReturn reports the refusal", async () => {
    const { token } = await h.controlToken(CARDS.visa);
    const target = redirectUrl();
    const form = formOf(h.client.threeDS.checkoutForm({ orderId: newOrderId(), amount: 1000, source: { token }, redirectUrl: target, billingEmail: "a@example.com" }));
    expect(parsed(await roundTrip(form, target)).proceed).toBe(true);

    const again = await roundTrip(form, target);
    expect(h.client.threeDS.parseReturn(again)).toMatchObject({ ok: false, reason: "refused", codes: ["K89"], operateId: "3Secure" });
  });
});

describe("4MemAdd / 4MemChg through the 3DS page", () => {
  it("4MemAdd: responseOk and proceed, the member exists (4MemRefM OK) and the token is consumed", async () => {
    const member = newMember(h.client);
    const { token } = await h.browserToken(CARDS.amex);
    const target = redirectUrl();
    const form = formOf(h.client.threeDS.memberForm({ operateId: "4MemAdd", ...member, token, redirectUrl: target, billingEmail: "m@example.com" }));
    expect(form.operateId).toBe("4MemAdd");

    const ret = parsed(await roundTrip(form, target));
    expect(ret).toMatchObject({ operateId: "4MemAdd", responseOk: true, proceed: true, secureResultCode: "0", transactionCode: form.transactionCode, userId: member.userId });

    const ref = expectOk(await h.client.member.reference(member));
    expect(ref.data).toMatchObject({ kaiinId: member.kaiinId, last4: "0005", brand: "amex", kaiinStatus: "0" });
    expectRejected(await h.client.token.search({ token }), ["KI2"]);
  });

  it("4MemChg: the stored card is replaced", async () => {
    const member = newMember(h.client);
    const first = await h.controlToken(CARDS.visa);
    expectOk(await h.client.member.add({ ...member, token: first.token }));
    const { token } = await h.controlToken(CARDS.master);
    const target = redirectUrl();
    const form = formOf(h.client.threeDS.memberForm({ operateId: "4MemChg", ...member, token, redirectUrl: target, billingEmail: "m@example.com" }));
    const ret = parsed(await roundTrip(form, target));
    expect(ret).toMatchObject({ operateId: "4MemChg", responseOk: true, proceed: true });
    expect(expectOk(await h.client.member.reference(member)).data.last4).toBe("4444");
  });

  it("4MemAdd with authentication failure (SecureResultCode 1): not registered (U04), proceed false", async () => {
    await forceOutcome("1");
    const member = newMember(h.client);
    const { token } = await h.controlToken(CARDS.visa);
    const target = redirectUrl();
    const form = formOf(h.client.threeDS.memberForm({ operateId: "4MemAdd", ...member, token, redirectUrl: target, billingEmail: "m@example.com" }));
    const ret = parsed(await roundTrip(form, target));
    expect(ret).toMatchObject({ operateId: "4MemAdd", responseOk: false, codes: ["U04"], proceed: false });
    expectRejected(await h.client.member.reference(member), ["K71"]);
    expectOk(await h.client.token.search({ token }));
  });
});
