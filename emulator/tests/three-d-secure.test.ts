// OTDS010 3-D Secure page (§6, §12.12, §12.17): the test encrypts with node:crypto itself, posts like the browser
// would, parses the auto-POST form and decrypts the returned EncryptValue.
import { createCipheriv, createDecipheriv } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { RunningEmulator } from "../server";
import { CARD, call, cardFields, control, formBody, mf1, PATHS, start, token, today } from "./helpers";

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await start();
});
afterAll(() => emu.close());
beforeEach(async () => {
  await control(emu, "/_control/reset");
});

function encrypt(plaintext: string, key: string = CARD.aesKey): string {
  const cipher = createCipheriv("aes-128-cbc", Buffer.from(key), Buffer.from(CARD.aesIv));
  return Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]).toString("base64");
}

function decrypt(value: string): Record<string, string> {
  const decipher = createDecipheriv("aes-128-cbc", Buffer.from(CARD.aesKey), Buffer.from(CARD.aesIv));
  const plain = Buffer.concat([decipher.update(Buffer.from(value, "base64")), decipher.final()]).toString("utf8");
  return Object.fromEntries(new URLSearchParams(plain));
}

const unescapeHtml = (s: string) => s.replace(/&#(\d+);/g, (_m, code: string) => String.fromCharCode(Number(code))).replace(/&amp;/g, "&");

/** Extract the auto-POST form: action and hidden fields. */
function parseForm(html: string): { action: string; fields: Record<string, string> } {
  const action = /<form[^>]*action="([^"]*)"/.exec(html)?.[1];
  if (action === undefined) throw new Error(`no form in page: ${html.slice(0, 300)}`);
  const fields: Record<string, string> = {};
  for (const m of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) fields[unescapeHtml(m[1] ?? "")] = unescapeHtml(m[2] ?? "");
  return { action: unescapeHtml(action), fields };
}

let procNo = 1_000_000;
const nextProcNo = () => String(++procNo).padStart(7, "0");

function plaintext(extra: Record<string, string | undefined>) {
  return {
    MerchantId: CARD.merchantId,
    MerchantPass: CARD.merchantPass,
    TransactionDate: today(emu),
    MerchantFree1: mf1(),
    MerchantFree2: "order-3ds",
    TenantId: CARD.tenantId,
    Amount: "4800",
    OperateId: "3Secure",
    ProcNo: nextProcNo(),
    RedirectUrl: "https://shop.example/api/escott/3ds-return?order=42&lang=ja",
    BillingFullName: "TARO YAMADA",
    BillingEmail: "taro@example.com",
    ...extra,
  };
}

async function openTds(encryptValue: string, merchantId: string = CARD.merchantId): Promise<{ status: number; html: string }> {
  const res = await fetch(`${emu.url}${PATHS.tds}`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: formBody({ MerchantId: merchantId, EncryptValue: encryptValue }),
  });
  return { status: res.status, html: await res.text() };
}

async function run3ds(extra: Record<string, string | undefined>) {
  const plain = plaintext(extra);
  const page = await openTds(encrypt(formBody(plain)));
  expect(page.status).toBe(200);
  const form = parseForm(page.html);
  return { plain, page, form, result: form.fields.EncryptValue ? decrypt(form.fields.EncryptValue) : undefined };
}

describe("3Secure", () => {
  it("frictionless card: auto-POST to RedirectUrl (query kept) with OK, SecureResultCode 0 and the 3DS values", async () => {
    const t = await token(emu, { cardNo: "4123000000000300", expYY: "28", secCd: "8888" });
    const { plain, page, form, result } = await run3ds({ Token: t });
    expect(form.action).toBe("https://shop.example/api/escott/3ds-return?order=42&lang=ja");
    expect(Object.keys(form.fields)).toEqual(["EncryptValue"]);
    expect(page.html).toContain(".submit()");
    expect(result).toMatchObject({
      OperateId: "3Secure",
      ResponseCd: "OK",
      SecureResultCode: "0",
      MerchantFree1: plain.MerchantFree1,
      MerchantId: CARD.merchantId,
      MessageVersionNo3D: "2.2.0",
      TransactionStatus3D: "Y",
      ECI3D: "05",
      CAVVAlgorithm3D: "2",
    });
    expect(result?.CAVV3D).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(result?.EncodeXId3D).toBeTruthy();
    expect(result?.DSTransactionId).toMatch(/^[0-9a-f-]{36}$/);
    expect(result?.ThreeDSServerTransactionId).toMatch(/^[0-9a-f-]{36}$/);

    // The token survives 3Secure and the following 1Auth carrying the values is accepted.
    const forwarded = Object.fromEntries(
      ["SecureResultCode", "MessageVersionNo3D", "EncodeXId3D", "TransactionStatus3D", "CAVVAlgorithm3D", "CAVV3D", "ECI3D", "DSTransactionId", "ThreeDSServerTransactionId"].map((k) => [k, result?.[k]]),
    );
    const auth = await call(emu, PATHS.card, cardFields(emu, "1Auth", { Token: t, Amount: "4800", PayType: "01", ...forwarded }));
    expect(auth.ResponseCd).toBe("OK");
    const tx = emu.snapshot().transactions.find((x) => x.processId === auth.ProcessId);
    expect(tx?.threeDS?.CAVV3D).toBe(result?.CAVV3D);
  });

  it("rejects forwarded 3DS values it did not issue (K35) or that were altered (K36)", async () => {
    const t = await token(emu, { cardNo: "4111111111111111" });
    const { result } = await run3ds({ Token: t });
    const base = { Token: t, Amount: "4800", PayType: "01" };
    const unknown = await call(emu, PATHS.card, cardFields(emu, "1Auth", { ...base, CAVV3D: "AAAAAAAAAAAAAAAAAAAAAAAAAAA=", ThreeDSServerTransactionId: "00000000-0000-4000-8000-000000000000" }));
    expect(unknown.ResponseCd).toBe("K35");
    const altered = await call(emu, PATHS.card, cardFields(emu, "1Auth", { ...base, ThreeDSServerTransactionId: result?.ThreeDSServerTransactionId, CAVV3D: result?.CAVV3D, ECI3D: "07" }));
    expect(altered.ResponseCd).toBe("K36");
    const otherCard = await token(emu, { cardNo: "5555555555554444" });
    const wrongCard = await call(emu, PATHS.card, cardFields(emu, "1Auth", { ...base, Token: otherCard, ThreeDSServerTransactionId: result?.ThreeDSServerTransactionId }));
    expect(wrongCard.ResponseCd).toBe("K35");
  });

  it("challenge card shows the chooser; the picked SecureResultCode comes back", async () => {
    const t = await token(emu, { cardNo: "4123000000000607" });
    const plain = plaintext({ Token: t });
    const page = await openTds(encrypt(formBody(plain)));
    expect(page.html).toContain("0: 認証成功");
    for (const code of ["0", "1", "2", "3", "8", "9"]) expect(page.html).toContain(`value="${code}"`);
    const session = /name="session" value="([^"]+)"/.exec(page.html)?.[1] ?? "";
    expect(session).not.toBe("");

    const answer = await fetch(`${emu.url}/online/tds/OTDS010Challenge.do`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: formBody({ session, SecureResultCode: "1" }),
    });
    const form = parseForm(await answer.text());
    const result = decrypt(form.fields.EncryptValue ?? "");
    expect(result).toMatchObject({ OperateId: "3Secure", ResponseCd: "OK", SecureResultCode: "1", TransactionStatus3D: "N", ECI3D: "07", MerchantFree1: plain.MerchantFree1 });
    expect(result.CAVV3D).toBeUndefined();

    // A challenge can be answered once.
    const again = await fetch(`${emu.url}/online/tds/OTDS010Challenge.do`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: formBody({ session, SecureResultCode: "0" }),
    });
    expect(again.status).toBe(400);
  });

  it("the control API forces the next outcome for any card", async () => {
    await control(emu, "/_control/next-3ds", { secureResultCode: "2" });
    const t = await token(emu, { cardNo: "4111111111111111" });
    const { result } = await run3ds({ Token: t });
    expect(result).toMatchObject({ SecureResultCode: "2", TransactionStatus3D: "A", ECI3D: "06" });
    const next = await run3ds({ Token: t });
    expect(next.result?.SecureResultCode).toBe("0");
  });

  it("stored-card 3Secure (KaiinId instead of Token)", async () => {
    const kaiin = { KaiinId: "wc7i0000001", KaiinPass: "000000000001" };
    const t = await token(emu, { cardNo: "4111111111111111" });
    expect((await call(emu, PATHS.member, cardFields(emu, "4MemAdd", { ...kaiin, Token: t }))).ResponseCd).toBe("OK");
    const { result } = await run3ds({ ...kaiin, MerchantFree3: "7" });
    expect(result).toMatchObject({ ResponseCd: "OK", SecureResultCode: "0" });
    const wrong = await run3ds({ ...kaiin, KaiinPass: "999" });
    expect(wrong.result?.ResponseCd).toBe("K71");
  });
});

describe("validation and tolerance", () => {
  it("ProcNo: K86 when not 7 digits, K89 when reused", async () => {
    const t = await token(emu, { cardNo: "4111111111111111" });
    expect((await run3ds({ Token: t, ProcNo: "123" })).result?.ResponseCd).toBe("K86");
    const first = await run3ds({ Token: t, ProcNo: "7654321" });
    expect(first.result?.ResponseCd).toBe("OK");
    const reused = await run3ds({ Token: t, ProcNo: "7654321" });
    expect(reused.result?.ResponseCd).toBe("K89");
    expect(reused.result?.SecureResultCode).toBeUndefined();
  });

  it("credentials, date and OperateId inside EncryptValue: K03, K05, K06", async () => {
    const t = await token(emu, { cardNo: "4111111111111111" });
    expect((await run3ds({ Token: t, MerchantPass: "nope" })).result?.ResponseCd).toBe("K03");
    expect((await run3ds({ Token: t, TransactionDate: "20000101" })).result?.ResponseCd).toBe("K05");
    expect((await run3ds({ Token: t, OperateId: "1Delete" })).result?.ResponseCd).toBe("K06");
  });

  it("tolerates unencoded plaintext (raw RedirectUrl with a query) and no embedded MerchantId", async () => {
    const t = await token(emu, { cardNo: "4111111111111111" });
    const plain = plaintext({ Token: t, MerchantId: undefined, RedirectUrl: "https://shop.example/return?a=1&b=two" });
    const raw = Object.entries(plain)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `${k}=${v}`)
      .join("&");
    const page = await openTds(encrypt(raw));
    const form = parseForm(page.html);
    expect(form.action).toBe("https://shop.example/return?a=1&b=two");
    expect(decrypt(form.fields.EncryptValue ?? "")).toMatchObject({ ResponseCd: "OK", SecureResultCode: "0", MerchantFree1: plain.MerchantFree1 });
  });

  it("error pages when the request cannot be decrypted or has no usable RedirectUrl", async () => {
    expect((await openTds(encrypt("OperateId=3Secure"), "99999999")).status).toBe(400);
    const badKey = await openTds(encrypt(formBody(plaintext({})), "wrongKey16chars!"));
    expect(badKey.status).toBe(400);
    expect(badKey.html).toContain("EncryptValue");
    const noRedirect = await openTds(encrypt(formBody(plaintext({ RedirectUrl: "javascript:alert(1)" }))));
    expect(noRedirect.status).toBe(400);
  });
});

describe("member registration and authorization through 3DS", () => {
  it("4MemAdd with result 0 registers the member and consumes the token", async () => {
    const t = await token(emu, { cardNo: "4123000000000300", expYY: "28", secCd: "8888" });
    const kaiin = { KaiinId: "wc9i0000001", KaiinPass: "000000000009" };
    const { result } = await run3ds({ OperateId: "4MemAdd", Token: t, ...kaiin, MerchantFree3: "9", Amount: undefined });
    expect(result).toMatchObject({ OperateId: "4MemAdd", ResponseCd: "OK", SecureResultCode: "0", MerchantFree3: "9", KaiinId: kaiin.KaiinId });
    const ref = await call(emu, PATHS.member, cardFields(emu, "4MemRefM", kaiin));
    expect(ref).toMatchObject({ ResponseCd: "OK", CardNo: "4123********0300" });
    expect((await call(emu, PATHS.token, cardFields(emu, "1TokenSearch", { Token: t }))).TokenResponseCd).toBe("KI2");
  });

  it("4MemChg with result 1 changes nothing and returns a non-OK ResponseCd", async () => {
    const kaiin = { KaiinId: "wc9i0000002", KaiinPass: "000000000002" };
    await call(emu, PATHS.member, cardFields(emu, "4MemAdd", { ...kaiin, Token: await token(emu, { cardNo: "4111111111111111" }) }));
    await control(emu, "/_control/next-3ds", { secureResultCode: "1" });
    const t = await token(emu, { cardNo: "5555555555554444" });
    const { result } = await run3ds({ OperateId: "4MemChg", Token: t, ...kaiin, MerchantFree3: "9", Amount: undefined });
    expect(result?.SecureResultCode).toBe("1");
    expect(result?.ResponseCd).not.toBe("OK");
    expect((await call(emu, PATHS.member, cardFields(emu, "4MemRefM", kaiin))).CardNo).toBe("4111********1111");
  });

  it("1Auth inside EncryptValue authenticates and authorizes in one go", async () => {
    const t = await token(emu, { cardNo: "4111111111111111" });
    const { result } = await run3ds({ OperateId: "1Auth", Token: t, PayType: "01" });
    expect(result).toMatchObject({ OperateId: "1Auth", ResponseCd: "OK", SecureResultCode: "0" });
    expect(result?.ProcessId).toMatch(/^[A-Za-z0-9]{32}$/);
    expect(result?.ApproveNo).toMatch(/^\d{7}$/);
    const tx = emu.snapshot().transactions.find((x) => x.processId === result?.ProcessId);
    expect(tx?.threeDS?.SecureResultCode).toBe("0");
  });
});
