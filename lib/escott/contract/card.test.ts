// Contract: card transactions on OAUT002 — 1Auth, 1Gathering, 1Capture, 1Change, 1Delete, 1Search, 1ReAuth
// (docs/escott-protocol.md §3.2, §3.4, §12.8) with the real client against the real emulator.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DEMO_CONTRACT } from "@/lib/escott/demo-contract";
import { jstDate } from "../dates";
import { CARDS, expectOk, expectRejected, newOrderId, startHarness, type ContractHarness, type TestCardInput } from "@/test/support/contract-harness";

let h: ContractHarness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());
beforeEach(() => h.reset());

const today = () => jstDate(new Date());
const DAY_MS = 86_400_000;

/** A fresh 1Auth (or 1Gathering) on a new token; returns the process parameters for follow-up calls. */
async function authorize(op: "auth" | "gathering" = "auth", amount = 1200, card: TestCardInput = CARDS.visa) {
  const orderId = newOrderId();
  const { token } = await h.controlToken(card);
  const result = expectOk(await h.client.card[op]({ orderId, amount, source: { token } }));
  return { orderId, processId: result.data.processId, processPass: result.data.processPass, transactionCode: result.transactionCode };
}

async function kessaiStatus(process: { orderId: string; processId: string; processPass: string }) {
  return expectOk(await h.client.card.search(process)).raw.KessaiStatus;
}

describe("1Auth", () => {
  it("OK: ProcessId/ProcessPass, ApproveNo, CompanyCd, McSecCd and the echoed MerchantFree1/2", async () => {
    const orderId = newOrderId();
    const { token } = await h.browserToken(CARDS.visa);
    const result = expectOk(await h.client.card.auth({ orderId, amount: 1200, source: { token } }));

    expect(result.operateId).toBe("1Auth");
    expect(result.httpStatus).toBe(200);
    expect(result.transactionCode).toMatch(/^\d{12}$/);
    expect(result.raw.MerchantFree1).toBe(result.transactionCode);
    expect(result.raw.MerchantFree2).toBe(orderId);
    expect(result.data).toEqual({
      processId: expect.stringMatching(/^[A-Za-z0-9]{32}$/),
      processPass: expect.stringMatching(/^[A-Za-z0-9]{32}$/),
      transactionId: expect.stringMatching(/^\d{13}$/),
      approveNo: expect.stringMatching(/^\d{7}$/),
      companyCd: "V1",
      mcSecCd: "0",
    });
    expect(result.data.processId).not.toBe(result.data.processPass);

    const tx = (await h.state()).transactions.find((t) => t.processId === result.data.processId);
    expect(tx).toMatchObject({ status: "AUTH", amount: 1200, payType: "01", merchantFree1: result.transactionCode, merchantFree2: orderId });
  });

  it("rejected by the card company: G12, with no ProcessId", async () => {
    const { token } = await h.controlToken(CARDS.g12);
    const result = expectRejected(await h.client.card.auth({ orderId: newOrderId(), amount: 1000, source: { token } }), ["G12"]);
    expect(result.raw?.ProcessId).toBeUndefined();
  });

  it("security code mismatch: K40 with McSecCd=1 kept in raw", async () => {
    const { token } = await h.controlToken(CARDS.k40);
    const result = expectRejected(await h.client.card.auth({ orderId: newOrderId(), amount: 1000, source: { token } }), ["K40"]);
    expect(result.raw?.McSecCd).toBe("1");
  });

  it("per-brand PayType: AMEX refuses 02 installments (C12)", async () => {
    const { token } = await h.controlToken(CARDS.amex);
    expectRejected(await h.client.card.auth({ orderId: newOrderId(), amount: 30_000, payType: "02", source: { token } }), ["C12"]);
  });

  it("the demo card from the operation manual approves with its own expiry and code", async () => {
    const { token } = await h.controlToken(CARDS.demo);
    const result = expectOk(await h.client.card.auth({ orderId: newOrderId(), amount: 500, source: { token } }));
    expect(result.data.companyCd).toBe("V1");
  });
});

describe("1Gathering", () => {
  it("OK: authorized and captured at once (SalesDate today, KessaiStatus SALES)", async () => {
    const { token } = await h.controlToken(CARDS.master);
    const result = expectOk(await h.client.card.gathering({ orderId: newOrderId(), amount: 5400, payType: "03", source: { token } }));
    expect(result.operateId).toBe("1Gathering");
    expect(result.data.processId).toMatch(/^[A-Za-z0-9]{32}$/);
    expect(result.data.companyCd).toBe("M1");
    expect(result.raw.SalesDate).toBe(today());
  });

  it("installments below the minimum amount: G75", async () => {
    const { token } = await h.controlToken(CARDS.visa);
    expectRejected(await h.client.card.gathering({ orderId: newOrderId(), amount: 2000, payType: "03", source: { token } }), ["G75"]);
  });
});

describe("1Search", () => {
  it("OK: amount as a number, SalesDate once captured, ProcessId/ProcessPass echoed", async () => {
    const p = await authorize("gathering", 3210);
    const result = expectOk(await h.client.card.search(p));
    expect(result.data).toMatchObject({ processId: p.processId, processPass: p.processPass, amount: 3210, salesDate: today() });
    expect(result.raw.KessaiStatus).toBe("SALES");
  });

  it("unknown ProcessId → K12; wrong ProcessPass → K12", async () => {
    const p = await authorize();
    expectRejected(await h.client.card.search({ ...p, processId: "Z".repeat(32) }), ["K12"]);
    expectRejected(await h.client.card.search({ ...p, processPass: "Z".repeat(32) }), ["K12"]);
  });

  it("malformed ProcessId/ProcessPass → K10|K11 split into two codes", async () => {
    const p = await authorize();
    expectRejected(await h.client.card.search({ ...p, processId: "short", processPass: "also-short" }), ["K10", "K11"]);
  });
});

describe("1Capture", () => {
  it("OK on an authorization: SalesDate defaults to today (JST) and ProcessId/ProcessPass stay the same", async () => {
    const p = await authorize();
    const result = expectOk(await h.client.card.capture(p));
    expect(result.data).toMatchObject({ processId: p.processId, processPass: p.processPass, salesDate: today() });
    expect(await kessaiStatus(p)).toBe("SALES");
  });

  it("a second 1Capture → K14", async () => {
    const p = await authorize();
    expectOk(await h.client.card.capture(p));
    expectRejected(await h.client.card.capture(p), ["K14"]);
  });

  it("1Capture of a 1Gathering (already captured) → K14", async () => {
    const p = await authorize("gathering");
    expectRejected(await h.client.card.capture(p), ["K14"]);
  });

  it("SalesDate in the future → K39", async () => {
    const p = await authorize();
    expectRejected(await h.client.card.capture({ ...p, salesDate: jstDate(new Date(Date.now() + 3 * DAY_MS)) }), ["K39"]);
    expect(await kessaiStatus(p)).toBe("AUTH");
  });
});

describe("1Change", () => {
  it("OK: the new amount is what 1Search reports", async () => {
    const p = await authorize("auth", 1200);
    const result = expectOk(await h.client.card.change({ ...p, amount: 900 }));
    expect(result.data).toMatchObject({ processId: p.processId, processPass: p.processPass });
    expect(expectOk(await h.client.card.search(p)).data.amount).toBe(900);
  });

  it("the current amount → K23", async () => {
    const p = await authorize("auth", 1200);
    expectRejected(await h.client.card.change({ ...p, amount: 1200 }), ["K23"]);
  });
});

describe("1Delete", () => {
  it("OK: the transaction is cancelled", async () => {
    const p = await authorize();
    const result = expectOk(await h.client.card.delete(p));
    expect(result.data.processId).toBe(p.processId);
    expect(await kessaiStatus(p)).toBe("CANCEL");
  });

  it("a second 1Delete → K14", async () => {
    const p = await authorize("gathering");
    expectOk(await h.client.card.delete(p));
    expectRejected(await h.client.card.delete(p), ["K14"]);
  });

  it("1Capture or 1Change after 1Delete → K14", async () => {
    const p = await authorize();
    expectOk(await h.client.card.delete(p));
    expectRejected(await h.client.card.capture(p), ["K14"]);
    expectRejected(await h.client.card.change({ ...p, amount: 700 }), ["K14"]);
  });
});

describe("1ReAuth", () => {
  it("OK after 1Delete: same ProcessId/ProcessPass, new amount, back to AUTH", async () => {
    const p = await authorize("auth", 1200);
    expectOk(await h.client.card.delete(p));
    const result = expectOk(await h.client.card.reAuth({ ...p, amount: 1500 }));
    expect(result.data).toMatchObject({ processId: p.processId, processPass: p.processPass, salesDate: today() });
    expect(result.raw.ApproveNo).toMatch(/^\d{7}$/);
    const search = expectOk(await h.client.card.search(p));
    expect(search.data.amount).toBe(1500);
    expect(search.raw.KessaiStatus).toBe("AUTH");
  });

  it("on a captured transaction → K14", async () => {
    const p = await authorize("gathering");
    expectRejected(await h.client.card.reAuth({ ...p, amount: 1500 }), ["K14"]);
  });
});

describe("K12: no longer handleable", () => {
  it("an authorization older than 60 days (emulator clock) → K12 for 1Search and 1Capture", async () => {
    const p = await authorize();
    expect((await h.control("/_control/clock", { advanceMs: 61 * DAY_MS })).status).toBe(200);
    expectRejected(await h.client.card.search(p), ["K12"]);
    expectRejected(await h.client.card.capture(p), ["K12"]);
  });

  it("a 1ReAuth restarts the 60-day window", async () => {
    const p = await authorize();
    await h.control("/_control/clock", { advanceMs: 59 * DAY_MS });
    expectOk(await h.client.card.reAuth({ ...p, amount: 1300 }));
    await h.control("/_control/clock", { advanceMs: 2 * DAY_MS });
    expectOk(await h.client.card.search(p));
  });
});

describe("wire format", () => {
  it("MerchantFree2 with form-special characters is echoed back intact", async () => {
    const orderId = "A+B & C=D %20 ~!*'()";
    const { token } = await h.controlToken(CARDS.visa);
    const result = expectOk(await h.client.card.auth({ orderId, amount: 1000, source: { token } }));
    expect(result.raw.MerchantFree2).toBe(orderId);
    expect((await h.state()).transactions[0]?.merchantFree2).toBe(orderId);
  });

  it("onCall records mask the token, MerchantPass and the returned ProcessPass", async () => {
    const { token } = await h.controlToken(CARDS.visa);
    const result = expectOk(await h.client.card.auth({ orderId: newOrderId(), amount: 1000, source: { token } }));
    expect(h.calls).toHaveLength(1);
    const record = h.calls[0];
    expect(record).toMatchObject({ operateId: "1Auth", outcome: "ok", codes: ["OK"], httpStatus: 200, endpoint: `${h.emu.url}/online/aut/OAUT002.do` });
    const logged = JSON.stringify(record);
    for (const secret of [token, DEMO_CONTRACT.card.merchantPass, result.data.processPass]) expect(logged).not.toContain(secret);
    expect(record?.response?.ProcessId).toBe(result.data.processId);
  });
});

describe("client-side guards (nothing is sent)", () => {
  it("an invalid amount is refused as invalid_request without a call", async () => {
    const result = await h.client.card.auth({ orderId: newOrderId(), amount: 0, source: { token: "f".repeat(32) } });
    expect(result).toMatchObject({ ok: false, reason: "invalid_request", codes: ["NG"], raw: null });
    expect(h.calls).toHaveLength(0);
    expect((await h.state()).calls).toHaveLength(0);
  });
});
