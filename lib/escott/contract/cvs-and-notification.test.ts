// Contract: online payment agency on OCNV005 — 2Add, 2Chg, 2Del, 2Ref — the JLPcon payment page and the
// 入金結果通知 (docs/escott-protocol.md §3.6, §7, §12.10, §12.15, §12.16), with a throw-away local receiver as the shop.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DEMO_CONTRACT } from "@/lib/escott/demo-contract";
import { payLimitFromDays } from "../dates";
import { verifyNotification } from "../notification";
import {
  expectOk,
  expectRejected,
  formFields,
  newOrderId,
  parseForms,
  startHarness,
  startShop,
  submitForm,
  waitFor,
  type ContractHarness,
  type Shop,
  type ShopRequest,
} from "@/test/support/contract-harness";

const NOTIFY_PATH = "/api/escott/notification?source=emulator";

let h: ContractHarness;
let shop: Shop;
beforeAll(async () => {
  shop = await startShop();
  h = await startHarness({ emulator: { notifyUrl: `${shop.url}${NOTIFY_PATH}`, notifyRetryMs: 50 } });
});
afterAll(async () => {
  await h?.close();
  await shop?.close();
});
beforeEach(() => h.reset());

function addParams(extra: Partial<Parameters<ContractHarness["client"]["cvs"]["add"]>[0]> = {}) {
  return {
    orderId: newOrderId("cvs"),
    amount: 3300,
    payLimit: payLimitFromDays(7),
    nameKanji: "山田太郎",
    nameKana: "ヤマダタロウ",
    telNo: "03-1234-5678",
    shouhinName: "テスト商品",
    returnUrl: "https://shop.example/orders/1?lang=ja",
    ...extra,
  };
}

async function register(extra: Parameters<typeof addParams>[0] = {}) {
  const params = addParams(extra);
  const result = expectOk(await h.client.cvs.add(params));
  return { params, result, process: { orderId: params.orderId, processId: result.data.processId, processPass: result.data.processPass } };
}

/** The notification for this 2Add's transaction code, once the shop has received it. */
function notificationFor(transactionCode: string): Promise<ShopRequest> {
  return waitFor(() => shop.requests.find((r) => r.form.get("MerchantFree1") === transactionCode), `notification for ${transactionCode}`);
}

describe("2Add", () => {
  it("OK: ProcessId/ProcessPass, FreeArea (trimmed) and KessaiNumber; the payment page URL opens", async () => {
    const { params, result } = await register();
    expect(result.operateId).toBe("2Add");
    expect(result.raw.MerchantFree1).toBe(result.transactionCode);
    expect(result.raw.MerchantFree2).toBe(params.orderId);
    expect(result.data).toEqual({
      processId: expect.stringMatching(/^[A-Za-z0-9]{32}$/),
      processPass: expect.stringMatching(/^[A-Za-z0-9]{32}$/),
      freeArea: expect.stringMatching(/^[A-Za-z0-9]{32}$/),
      transactionId: expect.stringMatching(/^\d{13}$/),
      kessaiNumber: expect.stringMatching(/^\d{11}$/),
    });
    expect(result.data.freeArea).toBe(result.raw.FreeArea?.trim());

    const url = h.client.cvs.paymentPageUrl(result.data.freeArea, 1);
    expect(url).toBe(`${h.emu.url}/JLPCT/JLPcon?code=${result.data.freeArea}&rkbn=1`);
    const page = await fetch(url);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("3,300");
    expect(html).toContain(result.data.kessaiNumber);
  });

  it("field errors are reported together: K52 (NameKana) | K28 (TelNo)", async () => {
    expectRejected(await h.client.cvs.add(addParams({ nameKana: "やまだ", telNo: "03-CALL-ME" })), ["K52", "K28"]);
  });

  it("half-width ShouhinName → K53; PayLimit in the past → K50", async () => {
    expectRejected(await h.client.cvs.add(addParams({ shouhinName: "Item 1" })), ["K53"]);
    expectRejected(await h.client.cvs.add(addParams({ payLimit: "202001012359" })), ["K50"]);
  });
});

describe("payment, notification and 2Ref", () => {
  it("paid on the JLPcon page: the notification reaches the shop, verifies (HashCd), and 2Ref reports it", async () => {
    const { params, result, process } = await register();
    expect(expectOk(await h.client.cvs.reference(process)).data.paid).toBe(false);

    // The customer's browser: open the payment page, pick Lawson, press 支払う.
    const pageUrl = h.client.cvs.paymentPageUrl(result.data.freeArea, 1);
    const [form] = parseForms(await (await fetch(pageUrl)).text());
    expect(form?.method).toBe("post");
    const paid = await submitForm(new URL(form?.action ?? "", pageUrl).href, formFields(form ?? { method: "", action: "", inputs: [] }, { cvsCd: "LSN" }));
    expect(paid.status).toBe(303);

    const received = await notificationFor(result.transactionCode);
    expect(received.method).toBe("POST");
    expect(received.url).toBe(NOTIFY_PATH);
    expect(received.headers["content-type"]).toContain("application/x-www-form-urlencoded");

    const verified = h.client.cvs.verifyNotification(received.form);
    if (!verified.ok) throw new Error(`notification rejected: ${verified.reason} ${verified.detail}`);
    const n = verified.notification;
    expect(n).toMatchObject({
      merchantId: DEMO_CONTRACT.cvs.merchantId,
      transactionCode: result.transactionCode,
      orderId: params.orderId,
      amount: 3300,
      processPass: result.data.processPass,
      cvsCd: "LSN",
      cvsName: "ローソン",
      responseCd: "OK",
      stampFlag: "0",
      tenantCd: DEMO_CONTRACT.card.tenantId,
    });
    expect(n.recvNum).toMatch(/^\d{10}$/);
    expect(n.nyukinDate).toMatch(/^\d{14}$/);
    expect(n.paidAt).toBeInstanceOf(Date);
    expect(Math.abs((n.paidAt?.getTime() ?? 0) - Date.now())).toBeLessThan(60_000);
    expect(n.userId).toBeUndefined();

    // Same credentials through the standalone helper.
    expect(verifyNotification(received.form, DEMO_CONTRACT.cvs).ok).toBe(true);

    const ref = expectOk(await h.client.cvs.reference(process));
    expect(ref.data).toEqual({
      paid: true,
      nyukinDate: n.nyukinDate,
      recvNum: n.recvNum,
      cvsCd: "LSN",
      cvsName: "ローソン",
      amount: 3300,
      condition: undefined,
      status: "PAID",
      expired: false,
      payLimit: expect.stringMatching(/^\d{12}$/),
    });
  });

  it("tampered notifications are rejected: HashCd, RecvNum, MerchantId, or the card merchant's password", async () => {
    const { result } = await register();
    const { status } = await h.control(`/_control/cvs/${result.transactionCode}/pay`, { cvsCd: "FAM" });
    expect(status).toBe(200);
    const received = await notificationFor(result.transactionCode);
    expect(h.client.cvs.verifyNotification(received.form).ok).toBe(true);

    const tampered = (key: string, value: string) => {
      const copy = new URLSearchParams(received.form);
      copy.set(key, value);
      return h.client.cvs.verifyNotification(copy);
    };
    const hash = received.form.get("HashCd") ?? "";
    expect(hash).toMatch(/^[0-9a-f]{32}$/);
    expect(tampered("HashCd", `${hash.slice(0, -1)}${hash.endsWith("0") ? "1" : "0"}`)).toMatchObject({ ok: false, reason: "hash_mismatch" });
    expect(tampered("RecvNum", "0000000000")).toMatchObject({ ok: false, reason: "hash_mismatch" });
    expect(tampered("MerchantId", DEMO_CONTRACT.card.merchantId)).toMatchObject({ ok: false, reason: "merchant_mismatch" });
    expect(verifyNotification(received.form, { merchantId: DEMO_CONTRACT.cvs.merchantId, merchantPass: DEMO_CONTRACT.card.merchantPass })).toMatchObject({
      ok: false,
      reason: "hash_mismatch",
    });
  });

  it("a duplicated notification repeats the same fields (same TransactionId/RecvNum): both verify", async () => {
    const { result } = await register({ amount: 55_000 });
    expect((await h.control(`/_control/cvs/${result.transactionCode}/pay`, { cvsCd: "ATM", notify: false })).status).toBe(200);
    expect((await h.control(`/_control/cvs/${result.transactionCode}/notify-duplicate`)).status).toBe(200);
    const both = await waitFor(() => {
      const found = shop.requests.filter((r) => r.form.get("MerchantFree1") === result.transactionCode);
      return found.length >= 2 ? found : undefined;
    }, "two notifications");
    expect(both).toHaveLength(2);
    expect(both[0]?.body).toBe(both[1]?.body);
    for (const copy of both) {
      const verified = h.client.cvs.verifyNotification(copy.form);
      expect(verified).toMatchObject({ ok: true, notification: { amount: 55_000, stampFlag: "1", cvsCd: "ATM", cvsName: "Pay-easy（ATM）" } });
    }
  });

  it("a lost notification (pay with notify:false): 2Ref still reports the payment", async () => {
    const { result, process } = await register({ amount: 55_000 });
    const { status } = await h.control(`/_control/cvs/${result.data.processId}/pay`, { cvsCd: "SEV", notify: false });
    expect(status).toBe(200);
    const ref = expectOk(await h.client.cvs.reference(process));
    expect(ref.data).toMatchObject({ paid: true, cvsCd: "SEV", cvsName: "セブンイレブン", amount: 55_000 });
    expect(ref.data.nyukinDate).toMatch(/^\d{14}$/);
    expect((await h.state()).notifications.filter((n) => n.merchantFree1 === result.transactionCode)).toEqual([]);
  });

  it("2Ref: OK and unpaid before payment; unknown ProcessId → K12", async () => {
    const { process } = await register();
    const ref = expectOk(await h.client.cvs.reference(process));
    expect(ref.data).toMatchObject({ paid: false, amount: 3300 });
    expect(ref.data.nyukinDate).toBeUndefined();
    expect(ref.raw.KessaiStatus).toBe("UNPAID");
    expectRejected(await h.client.cvs.reference({ ...process, processId: "Q".repeat(32) }), ["K12"]);
  });
});

describe("2Chg", () => {
  it("OK: a new FreeArea (new payment page URL) and the new amount", async () => {
    const { result, process } = await register();
    const changed = expectOk(await h.client.cvs.change({ ...process, amount: 4400, payLimit: payLimitFromDays(10) }));
    expect(changed.data.freeArea).toMatch(/^[A-Za-z0-9]{32}$/);
    expect(changed.data.freeArea).not.toBe(result.data.freeArea);
    expect(expectOk(await h.client.cvs.reference(process)).data.amount).toBe(4400);
    expect((await fetch(h.client.cvs.paymentPageUrl(changed.data.freeArea, 2))).status).toBe(200);
  });

  it("after payment → K14", async () => {
    const { result, process } = await register();
    expect((await h.control(`/_control/cvs/${result.data.freeArea}/pay`, { notify: false })).status).toBe(200);
    expectRejected(await h.client.cvs.change({ ...process, amount: 4400, payLimit: payLimitFromDays(10) }), ["K14"]);
  });

  it("PayLimit beyond 60 days → K50", async () => {
    const { process } = await register();
    expectRejected(await h.client.cvs.change({ ...process, amount: 3300, payLimit: payLimitFromDays(70) }), ["K50"]);
  });
});

describe("2Del", () => {
  it("OK; then 2Ref → K12, a second 2Del → K12, and the payment page can no longer be paid", async () => {
    const { result, process } = await register();
    const deleted = expectOk(await h.client.cvs.delete(process));
    expect(deleted.data.transactionId).toMatch(/^\d{13}$/);
    expectRejected(await h.client.cvs.reference(process), ["K12"]);
    expectRejected(await h.client.cvs.delete(process), ["K12"]);
    expect((await h.control(`/_control/cvs/${result.data.freeArea}/pay`)).status).toBe(409);
  });

  it("after payment → K14", async () => {
    const { result, process } = await register();
    expect((await h.control(`/_control/cvs/${result.transactionCode}/pay`, { notify: false })).status).toBe(200);
    expectRejected(await h.client.cvs.delete(process), ["K14"]);
  });
});
