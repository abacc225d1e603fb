import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createEscottClient, type EscottClient } from "./client";
import type { EscottConfig } from "./config";
import type { EscottCallRecord } from "./log";
import { z } from "zod";
import { resolveUrls } from "./hosts";
import { runOperation, type ClientContext, type OperationDefinition } from "./operation";
import { makeRandomInt } from "./random";
import { card, cvs, MEMBER, NOW, TOKEN } from "@/test/support/escott-contract";
import { answer, formOf, startTestServer, type TestServer } from "@/test/support/escott-server";

const PROCESS = { processId: "A".repeat(32), processPass: "ProcessPassSecret0123456789abcd9" };

/** Answers like e-SCOTT: echoes, then whatever the test put in `extra` for that OperateId. */
let extra: Record<string, string> = {};
let server: TestServer;
let records: EscottCallRecord[];
/** Every body the server ever received (not reset between tests). */
const allBodies: string[] = [];

function client(overrides: Partial<EscottConfig> = {}): EscottClient {
  return createEscottClient({
    mode: "test",
    baseUrlOverride: server.baseUrl,
    card,
    cvs,
    now: () => NOW,
    random: () => 0.5,
    onCall: (record) => {
      records.push(record);
    },
    ...overrides,
  });
}

beforeAll(async () => {
  server = await startTestServer((req, res) => {
    allBodies.push(req.body);
    const f = formOf(req.body);
    const echo = new URLSearchParams({
      TransactionId: "1000000000123",
      TransactionDate: f.TransactionDate ?? "",
      OperateId: f.OperateId ?? "",
      MerchantFree1: f.MerchantFree1 ?? "",
      ...(f.MerchantFree2 ? { MerchantFree2: f.MerchantFree2 } : {}),
      ResponseCd: "OK",
      ...extra,
    });
    answer(res, echo.toString());
  });
});
afterAll(() => server.close());
beforeEach(() => {
  extra = {};
  records = [];
  server.requests.length = 0;
});

function lastRequest() {
  const request = server.requests.at(-1);
  if (!request) throw new Error("no request recorded");
  return { path: request.url, fields: formOf(request.body), request };
}

const COMMON_CARD = ["MerchantId", "MerchantPass", "TenantId", "TransactionDate", "OperateId", "MerchantFree1"];
const COMMON_CVS = ["MerchantId", "MerchantPass", "TransactionDate", "OperateId", "MerchantFree1", "MerchantFree2"];
const THREE_DS = {
  SecureResultCode: "0",
  MessageVersionNo3D: "2.2.0",
  EncodeXId3D: "xid",
  TransactionStatus3D: "Y",
  CAVVAlgorithm3D: "2",
  CAVV3D: "AAABBBCCC=",
  ECI3D: "05",
  DSTransactionId: "ds-1",
  ThreeDSServerTransactionId: "srv-1",
};
const sorted = (keys: string[]) => [...keys].sort();

describe("request field sets (docs/escott-protocol.md §3)", () => {
  it("1TokenSearch → OATN005", async () => {
    extra = { TokenResponseCd: "OK" };
    const result = await client().token.search({ token: TOKEN, orderId: "ord_1", amount: 1200 });
    expect(result.ok).toBe(true);
    const { path, fields } = lastRequest();
    expect(path).toBe("/online/atn/OATN005.do");
    expect(sorted(Object.keys(fields))).toEqual(sorted([...COMMON_CARD, "MerchantFree2", "Amount", "Token"]));
    expect(fields).toMatchObject({ OperateId: "1TokenSearch", Token: TOKEN, Amount: "1200", MerchantFree2: "ord_1" });
  });

  it("1Auth with a token: common fields filled in one place, JST date, 12-digit code", async () => {
    extra = { ProcessId: PROCESS.processId, ProcessPass: PROCESS.processPass, ApproveNo: "1234567", CompanyCd: "Y2" };
    const result = await client().card.auth({ orderId: "ord_1", amount: 1200, payType: "03", source: { token: TOKEN } });
    const { path, fields } = lastRequest();
    expect(path).toBe("/online/aut/OAUT002.do");
    expect(sorted(Object.keys(fields))).toEqual(sorted([...COMMON_CARD, "MerchantFree2", "Amount", "PayType", "Token"]));
    expect(fields).toMatchObject({
      MerchantId: "32000001",
      MerchantPass: "EmuCardPass01",
      TenantId: "0001",
      TransactionDate: "20250401",
      OperateId: "1Auth",
      MerchantFree1: "500000000000",
      PayType: "03",
    });
    expect(result).toMatchObject({
      ok: true,
      codes: ["OK"],
      transactionCode: "500000000000",
      data: { processId: PROCESS.processId, processPass: PROCESS.processPass, approveNo: "1234567", companyCd: "Y2" },
    });
    expect(result.raw?.ApproveNo).toBe("1234567");
  });

  it("1Gathering with a stored card and 3DS values: KaiinId/KaiinPass + MerchantFree3, no Token", async () => {
    extra = { ProcessId: PROCESS.processId, ProcessPass: PROCESS.processPass };
    await client().card.gathering({
      orderId: "ord_2",
      amount: 500,
      source: { member: { ...MEMBER, userId: "42" } },
      threeDS: THREE_DS,
      transactionCode: "000000000777",
    });
    const { fields } = lastRequest();
    expect(sorted(Object.keys(fields))).toEqual(
      sorted([...COMMON_CARD, "MerchantFree2", "MerchantFree3", "Amount", "PayType", "KaiinId", "KaiinPass", ...Object.keys(THREE_DS)]),
    );
    expect(fields).toMatchObject({ ...THREE_DS, OperateId: "1Gathering", PayType: "01", MerchantFree1: "000000000777", MerchantFree3: "42" });
  });

  it("process operations carry ProcessId/ProcessPass; SalesDate defaults to today JST; member optional", async () => {
    const c = client();
    const base = { orderId: "ord_3", ...PROCESS, transactionCode: "000000000123" };
    const processKeys = [...COMMON_CARD, "MerchantFree2", "ProcessId", "ProcessPass"];

    await c.card.capture(base);
    expect(sorted(Object.keys(lastRequest().fields))).toEqual(sorted([...processKeys, "SalesDate"]));
    expect(lastRequest().fields).toMatchObject({ OperateId: "1Capture", SalesDate: "20250401", MerchantFree1: "000000000123" });

    await c.card.capture({ ...base, member: MEMBER, salesDate: "20250330" });
    expect(sorted(Object.keys(lastRequest().fields))).toEqual(sorted([...processKeys, "SalesDate", "KaiinId", "KaiinPass"]));
    expect(lastRequest().fields.SalesDate).toBe("20250330");

    await c.card.change({ ...base, amount: 900 });
    expect(sorted(Object.keys(lastRequest().fields))).toEqual(sorted([...processKeys, "Amount"]));

    await c.card.delete(base);
    expect(sorted(Object.keys(lastRequest().fields))).toEqual(sorted(processKeys));
    expect(lastRequest().fields.OperateId).toBe("1Delete");

    extra = { Amount: "900", SalesDate: "20250330" };
    const search = await c.card.search(base);
    expect(sorted(Object.keys(lastRequest().fields))).toEqual(sorted(processKeys));
    expect(search).toMatchObject({ ok: true, data: { amount: 900, salesDate: "20250330" } });

    await c.card.reAuth({ ...base, amount: 1000, member: { ...MEMBER, userId: "42" } });
    expect(sorted(Object.keys(lastRequest().fields))).toEqual(
      sorted([...processKeys, "Amount", "SalesDate", "MerchantFree3", "KaiinId", "KaiinPass"]),
    );
    expect(lastRequest().fields).toMatchObject({ OperateId: "1ReAuth", SalesDate: "20250401", MerchantFree3: "42" });
  });

  it("member operations → OCRP005 with MerchantFree3, KaiinId, KaiinPass (+ Token for add/change)", async () => {
    const c = client();
    const base = { userId: "42", ...MEMBER };
    const memberKeys = [...COMMON_CARD, "MerchantFree3", "KaiinId", "KaiinPass"];

    await c.member.add({ ...base, token: TOKEN });
    expect(lastRequest().path).toBe("/online/crp/OCRP005.do");
    expect(sorted(Object.keys(lastRequest().fields))).toEqual(sorted([...memberKeys, "Token"]));
    expect(lastRequest().fields.OperateId).toBe("4MemAdd");

    await c.member.change({ ...base, token: TOKEN, threeDS: { SecureResultCode: "2" } });
    expect(sorted(Object.keys(lastRequest().fields))).toEqual(sorted([...memberKeys, "Token", "SecureResultCode"]));

    for (const [op, operateId] of [
      ["invalidate", "4MemInval"],
      ["delete", "4MemDel"],
    ] as const) {
      const result = await c.member[op](base);
      expect(result.ok).toBe(true);
      expect(sorted(Object.keys(lastRequest().fields))).toEqual(sorted(memberKeys));
      expect(lastRequest().fields.OperateId).toBe(operateId);
    }

    extra = { KaiinId: MEMBER.kaiinId, CardNo: "3782********0005", CardExp: "2812", KaiinStatus: "0" };
    const ref = await c.member.reference(base);
    expect(lastRequest().fields.OperateId).toBe("4MemRefM");
    expect(ref).toMatchObject({ ok: true, data: { cardPrefix: "3782", last4: "0005", brand: "amex", cardExp: "2812" } });
  });

  it("CVS operations → OCNV005 without TenantId/MerchantFree3", async () => {
    const c = client();
    extra = { ProcessId: PROCESS.processId, ProcessPass: PROCESS.processPass, FreeArea: "  FA0123456789  ", KessaiNumber: "K1" };
    const add = await c.cvs.add({
      orderId: "ord_9",
      amount: 3300,
      payLimit: "202504082359",
      nameKanji: "山田太郎",
      nameKana: "ヤマダタロウ",
      telNo: "03-1234-5678",
      shouhinName: "コーヒー",
      returnUrl: "https://shop.example/",
    });
    const sent = lastRequest();
    expect(sent.path).toBe("/online/cnv/OCNV005.do");
    expect(sorted(Object.keys(sent.fields))).toEqual(
      sorted([...COMMON_CVS, "Amount", "PayLimit", "NameKanji", "NameKana", "TelNo", "ShouhinName", "ReturnURL"]),
    );
    expect(sent.fields).toMatchObject({ MerchantId: "32000002", MerchantPass: "EmuCvsPass02", NameKanji: "山田太郎" });
    // UTF-8 on the wire, PHP style.
    expect(sent.request.body).toContain("NameKanji=%E5%B1%B1%E7%94%B0%E5%A4%AA%E9%83%8E");
    expect(add).toMatchObject({ ok: true, data: { freeArea: "FA0123456789", kessaiNumber: "K1" } });
    expect(c.cvs.paymentPageUrl("FA0123456789", 1)).toBe(`${server.baseUrl}/JLPCT/JLPcon?code=FA0123456789&rkbn=1`);

    extra = { FreeArea: "FA2" };
    await c.cvs.change({ orderId: "ord_9", ...PROCESS, payLimit: "202504092359", amount: 3000 });
    expect(sorted(Object.keys(lastRequest().fields))).toEqual(sorted([...COMMON_CVS, "ProcessId", "ProcessPass", "PayLimit", "Amount"]));

    await c.cvs.delete({ orderId: "ord_9", ...PROCESS });
    expect(sorted(Object.keys(lastRequest().fields))).toEqual(sorted([...COMMON_CVS, "ProcessId", "ProcessPass"]));

    extra = { NyukinDate: "20250402101010", RecvNum: "R1", CvsCd: "SEV", Amount: "3300" };
    const ref = await c.cvs.reference({ orderId: "ord_9", ...PROCESS });
    expect(lastRequest().fields.OperateId).toBe("2Ref");
    expect(ref).toMatchObject({ ok: true, data: { paid: true, cvsName: "セブンイレブン", amount: 3300, recvNum: "R1" } });
  });

  it("never sends card data (checked over every request above)", () => {
    expect(allBodies.length).toBeGreaterThanOrEqual(17);
    for (const body of allBodies) {
      const keys = Object.keys(formOf(body));
      for (const forbidden of ["CardNo", "CardExp", "SecCd"]) expect(keys).not.toContain(forbidden);
    }
  });
});

describe("response validation", () => {
  it("2Add OK without FreeArea → NG invalid_response, raw kept", async () => {
    extra = { ProcessId: PROCESS.processId, ProcessPass: PROCESS.processPass, FreeArea: "   " };
    const result = await client().cvs.add({
      orderId: "ord_9",
      amount: 100,
      payLimit: "202504082359",
      nameKanji: "山田",
      nameKana: "ヤマダ",
      telNo: "0312345678",
      shouhinName: "コーヒー",
    });
    expect(result).toMatchObject({ ok: false, reason: "invalid_response", codes: ["NG"] });
    expect(result.raw?.ProcessId).toBe(PROCESS.processId);
    expect(lastRequest().fields.ReturnURL).toBeUndefined();
  });

  it("1Auth OK without ProcessId → invalid_response", async () => {
    const result = await client().card.auth({ orderId: "o", amount: 1, source: { token: TOKEN } });
    expect(result).toMatchObject({ ok: false, reason: "invalid_response" });
    if (!result.ok) expect(result.detail).toContain("ProcessId");
  });

  it("error codes → rejected with the split codes", async () => {
    extra = { ResponseCd: "K20|K21" };
    const result = await client().card.auth({ orderId: "o", amount: 1, source: { token: TOKEN } });
    expect(result).toMatchObject({ ok: false, reason: "rejected", codes: ["K20", "K21"] });
    expect(records.at(-1)).toMatchObject({ outcome: "rejected", codes: ["K20", "K21"] });
  });

  it("1TokenSearch needs TokenResponseCd=OK too", async () => {
    extra = { TokenResponseCd: "KI2" };
    expect(await client().token.search({ token: TOKEN })).toMatchObject({ ok: false, reason: "rejected", codes: ["KI2"] });
    extra = {};
    expect(await client().token.search({ token: TOKEN })).toMatchObject({ ok: false, reason: "invalid_response" });
  });

  it("4MemRefM without a usable CardNo → invalid_response", async () => {
    extra = { CardNo: "****" };
    const result = await client().member.reference({ userId: "1", ...MEMBER });
    expect(result).toMatchObject({ ok: false, reason: "invalid_response" });
  });
});

describe("requests that are never sent", () => {
  it("invalid params → invalid_request without a network call; detail has no secret", async () => {
    const result = await client().card.auth({ orderId: "o", amount: 0, source: { token: TOKEN } });
    expect(result).toMatchObject({ ok: false, reason: "invalid_request", codes: ["NG"] });
    expect(server.requests).toHaveLength(0);
    expect(JSON.stringify(result)).not.toContain(TOKEN);
  });

  it("missing credentials → not_configured", async () => {
    expect(client({ cvs: undefined }).cvs.verifyNotification({})).toMatchObject({ ok: false, reason: "not_configured" });
    const result = await client({ cvs: undefined }).cvs.delete({ orderId: "o", ...PROCESS });
    expect(result).toMatchObject({ ok: false, reason: "not_configured" });
    expect(server.requests).toHaveLength(0);
  });

  it("unknown params such as CardNo are dropped, never forwarded", async () => {
    extra = { ProcessId: PROCESS.processId, ProcessPass: PROCESS.processPass };
    const params = { orderId: "o", amount: 1, source: { token: TOKEN }, CardNo: "4111111111111111", SecCd: "123" };
    const result = await client().card.auth(params);
    expect(result.ok).toBe(true);
    expect(lastRequest().request.body).not.toContain("4111111111111111");
    expect(lastRequest().fields.SecCd).toBeUndefined();
  });

  it("an operation definition that would send card data is refused before the network", async () => {
    const definition: OperationDefinition<{ transactionCode?: string }, unknown> = {
      operateId: "1Auth",
      endpoint: "card",
      credentials: "card",
      params: z.object({ transactionCode: z.string().optional() }),
      buildFields: (_p, { common }) => ({ ...common({}), CardNo: "4111111111111111", CardExp: "2812" }),
      response: z.unknown(),
    };
    const ctx: ClientContext = {
      urls: resolveUrls("test", server.baseUrl),
      timeoutMs: 1000,
      userAgent: "t",
      now: () => NOW,
      randomInt: makeRandomInt(() => 0.5),
      card,
    };
    const result = await runOperation(ctx, definition, {});
    expect(result).toMatchObject({ ok: false, reason: "invalid_request" });
    if (!result.ok) expect(result.detail).toContain("CardNo, CardExp");
    expect(server.requests).toHaveLength(0);
  });
});

describe("onCall log hook", () => {
  it("records every call with secrets and personal data masked to the last 2 characters", async () => {
    extra = { ProcessId: PROCESS.processId, ProcessPass: PROCESS.processPass };
    await client().card.auth({ orderId: "ord_1", amount: 1200, source: { member: { ...MEMBER, userId: "42" } } });
    await client().member.add({ userId: "42", ...MEMBER, token: TOKEN });
    expect(records).toHaveLength(2);
    const [auth, add] = records;
    expect(auth).toMatchObject({
      operateId: "1Auth",
      endpoint: `${server.baseUrl}/online/aut/OAUT002.do`,
      outcome: "ok",
      codes: ["OK"],
      httpStatus: 200,
      transactionCode: "500000000000",
    });
    expect(auth?.durationMs).toBeGreaterThanOrEqual(0);
    expect(auth?.request.MerchantPass).toBe("********01");
    expect(auth?.request.KaiinPass).toBe("********53");
    expect(auth?.response?.ProcessPass).toBe("********d9");
    expect(add?.request.Token).toBe("********5a");
    const json = JSON.stringify(records);
    // KaiinId and MerchantFree3 are personal data: masked like the secrets.
    for (const secret of [card.merchantPass, MEMBER.kaiinPass, TOKEN, PROCESS.processPass, MEMBER.kaiinId]) {
      expect(json).not.toContain(secret);
    }
    expect(auth?.request.KaiinId).toBe("********15");
    expect(auth?.request.MerchantFree3).toBe("********");
  });

  it("a throwing or rejecting hook does not break the call", async () => {
    extra = { ProcessId: PROCESS.processId, ProcessPass: PROCESS.processPass };
    const throwing = client({
      onCall: () => {
        throw new Error("log store down");
      },
    });
    expect((await throwing.card.auth({ orderId: "o", amount: 1, source: { token: TOKEN } })).ok).toBe(true);
    const rejecting = client({ onCall: () => Promise.reject(new Error("async log store down")) });
    expect((await rejecting.card.auth({ orderId: "o", amount: 1, source: { token: TOKEN } })).ok).toBe(true);
  });
});

describe("configuration", () => {
  it("rejects bad AES material without echoing it", () => {
    let message = "";
    try {
      createEscottClient({ mode: "test", card: { ...card, aesKey: "shortSecretKey" } });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/aesKey/);
    expect(message).not.toContain("shortSecretKey");
  });

  it("exposes browser URLs from the same configuration", () => {
    const c = client();
    expect(c.urls.tokenScript).toBe(`${server.baseUrl}/euser/stn/CdGetJavaScript.do?k_TokenNinsyoCode=EMUTOKEN0001`);
    expect(c.urls.threeDSPage).toBe(`${server.baseUrl}/online/tds/OTDS010.do`);
    expect(createEscottClient({ mode: "test" }).urls.tokenScript).toBeNull();
  });

  it("generates KaiinId/KaiinPass in the plugins' format", () => {
    const credentials = client({ random: () => 0.25 }).member.newCredentials("42");
    expect(credentials).toEqual({ kaiinId: "wc42i2500000", kaiinPass: "001073741824" });
    expect(() => client().member.newCredentials("user 42")).toThrow(RangeError);
  });
});
