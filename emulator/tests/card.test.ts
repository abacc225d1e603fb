// Tokens, card masters, test cards and the process-request state machine (§3.2-3.4, §4, §5, §12.5-12.8, §12.11).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ymd } from "../clock";
import type { RunningEmulator } from "../server";
import { call, cardFields, control, createToken, mf1, PATHS, pay, start, token, today } from "./helpers";

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await start({ tokenTtlMs: 60_000, slowMs: 400 });
});
afterAll(() => emu.close());
beforeEach(async () => {
  await control(emu, "/_control/reset");
});

const DEMO = { cardNo: "4123000000000300", expYY: "28", expMM: "12", secCd: "8888" };
const VISA = { cardNo: "4111111111111111" };

describe("token lifecycle", () => {
  it("create → 1TokenSearch OK → 1Auth OK → reuse KI2 (and 1TokenSearch then reports KI2)", async () => {
    const created = await createToken(emu, DEMO);
    expect(created.maskedCard).toBe("4123********0300");
    const t = created.token ?? "";
    expect(t).toMatch(/^[0-9a-f]{32}$/);

    const search = await call(emu, PATHS.token, cardFields(emu, "1TokenSearch", { Token: t }));
    expect(search).toMatchObject({ ResponseCd: "OK", TokenResponseCd: "OK", OperateId: "1TokenSearch" });
    // 1TokenSearch does not consume the token.
    expect((await call(emu, PATHS.token, cardFields(emu, "1TokenSearch", { Token: t }))).TokenResponseCd).toBe("OK");

    const auth = await call(emu, PATHS.card, cardFields(emu, "1Auth", { Token: t, Amount: "1200", PayType: "01" }));
    expect(auth.ResponseCd).toBe("OK");
    expect(auth.ProcessId).toMatch(/^[A-Za-z0-9]{32}$/);
    expect(auth.ProcessPass).toMatch(/^[A-Za-z0-9]{32}$/);
    expect(auth.ApproveNo).toMatch(/^\d{7}$/);
    expect(auth.CompanyCd).toBe("V1");

    const reuse = await call(emu, PATHS.card, cardFields(emu, "1Auth", { Token: t, Amount: "1200", PayType: "01" }));
    expect(reuse.ResponseCd).toBe("KI2");
    expect(reuse.ProcessId).toBeUndefined();
    const after = await call(emu, PATHS.token, cardFields(emu, "1TokenSearch", { Token: t }));
    expect(after).toMatchObject({ ResponseCd: "OK", TokenResponseCd: "KI2" });
  });

  it("KHX malformed, KHZ unknown, KI1 wrong k_TokenNinsyoCode, KI3 expired", async () => {
    const auth = (t: string) => call(emu, PATHS.card, cardFields(emu, "1Auth", { Token: t, Amount: "100", PayType: "01" }));
    expect((await auth("not-a-token")).ResponseCd).toBe("KHX");
    expect((await call(emu, PATHS.token, cardFields(emu, "1TokenSearch"))).ResponseCd).toBe("KHX");
    expect((await auth("0123456789abcdef0123456789abcdef")).ResponseCd).toBe("KHZ");
    expect((await call(emu, PATHS.token, cardFields(emu, "1TokenSearch", { Token: "0123456789abcdef0123456789abcdef" }))).TokenResponseCd).toBe("KHZ");

    const badCode = await token(emu, { ...VISA, k_TokenNinsyoCode: "WRONGCODE" });
    expect((await auth(badCode)).ResponseCd).toBe("KI1");

    const expiring = await token(emu, VISA);
    await control(emu, "/_control/clock", { advanceMs: 61_000 });
    expect((await call(emu, PATHS.token, cardFields(emu, "1TokenSearch", { Token: expiring }))).TokenResponseCd).toBe("KI3");
    expect((await auth(expiring)).ResponseCd).toBe("KI3");
  });

  it("a failed authorization does not consume the token", async () => {
    const t = await token(emu, VISA);
    const installmentsTooSmall = await call(emu, PATHS.card, cardFields(emu, "1Auth", { Token: t, Amount: "1000", PayType: "03" }));
    expect(installmentsTooSmall.ResponseCd).toBe("G75");
    const retry = await call(emu, PATHS.card, cardFields(emu, "1Auth", { Token: t, Amount: "1000", PayType: "01" }));
    expect(retry.ResponseCd).toBe("OK");
  });

  it("token creation rejects bad input: K20 (format), K82 (Luhn), K21 (expiry), K24 (security code)", async () => {
    expect((await createToken(emu, { cardNo: "41111111" })).errorCode).toBe("K20");
    expect((await createToken(emu, { cardNo: "4111111111111112" })).errorCode).toBe("K82");
    expect((await createToken(emu, { cardNo: "4111111111111111", expMM: "13" })).errorCode).toBe("K21");
    expect((await createToken(emu, { cardNo: "4111111111111111", secCd: "12a" })).errorCode).toBe("K24");
    expect((await createToken(emu, { cardNo: "abc", expYY: "2", secCd: "1" })).errorCode).toBe("K20|K21|K24");
  });
});

describe("test cards", () => {
  it("approve with the documented expiry/code for every brand", async () => {
    const cases = [
      [DEMO, "V1"],
      [{ cardNo: "4111111111111111" }, "V1"],
      [{ cardNo: "5555555555554444" }, "M1"],
      [{ cardNo: "3530111333300000" }, "J1"],
      [{ cardNo: "378282246310005", secCd: "1234" }, "A1"],
      [{ cardNo: "36666666666660" }, "D1"],
    ] as const;
    for (const [card, company] of cases) {
      const res = await pay(emu, card);
      expect(res.ResponseCd, card.cardNo).toBe("OK");
      expect(res.CompanyCd).toBe(company);
      expect(res.McSecCd).toBe("0");
    }
  });

  it("forced outcomes: G12, G55, C13 (whatever expiry), K40 (whatever code)", async () => {
    expect((await pay(emu, { cardNo: "4123000000000102" })).ResponseCd).toBe("G12");
    expect((await pay(emu, { cardNo: "4123000000000201" })).ResponseCd).toBe("G55");
    expect((await pay(emu, { cardNo: "4123000000000409" })).ResponseCd).toBe("C13");
    const k40 = await pay(emu, { cardNo: "4123000000000508" });
    expect(k40.ResponseCd).toBe("K40");
    expect(k40.McSecCd).toBe("1");
  });

  it("checks the security code and expiry entered at tokenization against the card", async () => {
    expect((await pay(emu, { ...DEMO, secCd: "123" })).ResponseCd).toBe("K40");
    expect((await pay(emu, { ...DEMO, expYY: "30" })).ResponseCd).toBe("C13");
    expect((await pay(emu, { cardNo: "4111111111111111", expYY: "20" })).ResponseCd).toBe("C13");
    expect((await pay(emu, { cardNo: "4111111111111111", secCd: "" })).ResponseCd).toBe("G45");
  });

  it("unlisted Luhn-valid numbers approve with any future expiry and code", async () => {
    const res = await pay(emu, { cardNo: "4242424242424242", expYY: "29", expMM: "01", secCd: "987" });
    expect(res.ResponseCd).toBe("OK");
    expect((await pay(emu, { cardNo: "4242424242424242", expYY: "21", expMM: "01" })).ResponseCd).toBe("C13");
  });

  it("PayType: K22 unknown, AMEX C12/G78, Diners C12, bonus 80 accepted, G75 installment minimum", async () => {
    expect((await pay(emu, VISA, { PayType: "04" })).ResponseCd).toBe("K22");
    expect((await pay(emu, VISA, { PayType: undefined })).ResponseCd).toBe("K22");
    const amex = { cardNo: "378282246310005", secCd: "1234" };
    expect((await pay(emu, amex, { PayType: "02", Amount: "5000" })).ResponseCd).toBe("C12");
    expect((await pay(emu, amex, { PayType: "88", Amount: "5000" })).ResponseCd).toBe("G78");
    expect((await pay(emu, amex, { PayType: "03", Amount: "5000" })).ResponseCd).toBe("OK");
    const diners = { cardNo: "36666666666660" };
    expect((await pay(emu, diners, { PayType: "03", Amount: "5000" })).ResponseCd).toBe("C12");
    expect((await pay(emu, diners, { PayType: "88", Amount: "5000" })).ResponseCd).toBe("OK");
    for (const card of [VISA, { cardNo: "5555555555554444" }, { cardNo: "3530111333300000" }, amex, diners]) {
      expect((await pay(emu, card, { PayType: "80", Amount: "500" })).ResponseCd).toBe("OK");
    }
    expect((await pay(emu, VISA, { PayType: "10", Amount: "2999" })).ResponseCd).toBe("G75");
    expect((await pay(emu, VISA, { PayType: "10", Amount: "3000" })).ResponseCd).toBe("OK");
  });

  it("K23 for a bad Amount; K01 when both or neither of Token/KaiinId are sent", async () => {
    for (const amount of ["0", "12.5", "123456789", "-1", undefined]) {
      expect((await pay(emu, VISA, { Amount: amount })).ResponseCd, String(amount)).toBe("K23");
    }
    expect((await call(emu, PATHS.card, cardFields(emu, "1Auth", { Amount: "100", PayType: "01" }))).ResponseCd).toBe("K01");
    expect((await pay(emu, VISA, { KaiinId: "m1", KaiinPass: "p1" })).ResponseCd).toBe("K01");
  });

  it("the slow card answers after EMULATOR_SLOW_MS", async () => {
    const t = await token(emu, { cardNo: "4123000000000706" });
    const started = Date.now();
    const search = await call(emu, PATHS.token, cardFields(emu, "1TokenSearch", { Token: t }));
    expect(Date.now() - started).toBeGreaterThanOrEqual(380);
    expect(search.TokenResponseCd).toBe("OK");
    const fast = Date.now();
    await call(emu, PATHS.token, cardFields(emu, "1TokenSearch", { Token: await token(emu, VISA) }));
    expect(Date.now() - fast).toBeLessThan(380);
  });
});

describe("process requests", () => {
  const process = (op: string, auth: Record<string, string>, extra: Record<string, string | undefined> = {}) =>
    call(emu, PATHS.card, cardFields(emu, op, { ProcessId: auth.ProcessId, ProcessPass: auth.ProcessPass, ...extra }));

  it("1Auth → 1Search → 1Capture → second 1Capture K14 → 1Change → 1Delete → 1Delete K14 → 1ReAuth", async () => {
    const auth = await pay(emu, VISA, { Amount: "5000" });
    expect(auth.ResponseCd).toBe("OK");
    const search = await process("1Search", auth);
    expect(search).toMatchObject({ ResponseCd: "OK", Amount: "5000", KessaiStatus: "AUTH", ProcessId: auth.ProcessId, ProcessPass: auth.ProcessPass });
    expect(search.SalesDate).toBeUndefined();

    const capture = await process("1Capture", auth, { SalesDate: today(emu) });
    expect(capture).toMatchObject({ ResponseCd: "OK", SalesDate: today(emu), ProcessId: auth.ProcessId });
    expect((await process("1Capture", auth, { SalesDate: today(emu) })).ResponseCd).toBe("K14");
    expect((await process("1ReAuth", auth, { Amount: "4000", SalesDate: today(emu) })).ResponseCd).toBe("K14");
    expect(await process("1Search", auth)).toMatchObject({ KessaiStatus: "SALES", SalesDate: today(emu), LastOperateId: "1Capture" });

    expect((await process("1Change", auth, { Amount: "5000" })).ResponseCd).toBe("K23");
    expect((await process("1Change", auth, { Amount: "4500" })).ResponseCd).toBe("OK");
    expect((await process("1Search", auth)).Amount).toBe("4500");

    expect((await process("1Delete", auth)).ResponseCd).toBe("OK");
    expect((await process("1Delete", auth)).ResponseCd).toBe("K14");
    expect((await process("1Capture", auth, { SalesDate: today(emu) })).ResponseCd).toBe("K14");
    expect((await process("1Change", auth, { Amount: "100" })).ResponseCd).toBe("K14");
    expect((await process("1Search", auth)).KessaiStatus).toBe("CANCEL");

    const reauth = await process("1ReAuth", auth, { Amount: "3000", SalesDate: today(emu) });
    expect(reauth).toMatchObject({ ResponseCd: "OK", ProcessId: auth.ProcessId, ProcessPass: auth.ProcessPass });
    expect(reauth.ApproveNo).toMatch(/^\d{7}$/);
    // The master was 1Auth, so the re-authorization is capturable again with the same ProcessId/ProcessPass.
    expect((await process("1Capture", auth, { SalesDate: today(emu) })).ResponseCd).toBe("OK");

    const state = emu.snapshot().transactions.find((t) => t.processId === auth.ProcessId);
    expect(state?.operateIds).toEqual(["1Auth", "1Search", "1Capture", "1Search", "1Change", "1Search", "1Delete", "1Search", "1ReAuth", "1Capture"]);
    expect(state?.amount).toBe(3000);
    expect(state?.hasKaiinId).toBe(false);
  });

  it("1Gathering is captured at once: 1Capture K14, SalesDate today", async () => {
    const sale = await pay(emu, VISA, {}, "1Gathering");
    expect(sale.ResponseCd).toBe("OK");
    expect((await process("1Capture", sale, { SalesDate: today(emu) })).ResponseCd).toBe("K14");
    expect(await process("1Search", sale)).toMatchObject({ KessaiStatus: "SALES", SalesDate: today(emu) });
  });

  it("K10/K11 formats, K12 wrong pair, K39 SalesDate", async () => {
    const auth = await pay(emu, VISA);
    expect((await process("1Search", { ProcessId: "short", ProcessPass: "bad pass" })).ResponseCd).toBe("K10|K11");
    expect((await process("1Search", { ProcessId: auth.ProcessId ?? "", ProcessPass: "Z".repeat(32) })).ResponseCd).toBe("K12");
    expect((await process("1Capture", auth, { SalesDate: "20990101" })).ResponseCd).toBe("K39");
    expect((await process("1Capture", auth, { SalesDate: "2026/01/01" })).ResponseCd).toBe("K39");
    expect((await process("1Capture", auth)).ResponseCd).toBe("K39");
  });

  it("authorizations older than 60 days answer K12; sales do not expire", async () => {
    const auth = await pay(emu, VISA);
    const sale = await pay(emu, VISA, {}, "1Gathering");
    await control(emu, "/_control/clock", { offsetMs: 61 * 86_400_000 });
    expect((await process("1Search", auth)).ResponseCd).toBe("K12");
    expect((await process("1Capture", auth, { SalesDate: today(emu) })).ResponseCd).toBe("K12");
    expect((await process("1Search", sale)).ResponseCd).toBe("OK");
    // The shop keeps sending its real date: still accepted, so it sees K12 rather than K05.
    const realToday = cardFields(emu, "1Search", { ProcessId: auth.ProcessId, ProcessPass: auth.ProcessPass, TransactionDate: ymd(Date.now()) });
    expect((await call(emu, PATHS.card, realToday)).ResponseCd).toBe("K12");
  });

  it("K81 when a non-member transaction gets KaiinId", async () => {
    const auth = await pay(emu, VISA);
    expect((await process("1Capture", auth, { SalesDate: today(emu), KaiinId: "member1", KaiinPass: "pass1" })).ResponseCd).toBe("K81");
    expect((await process("1Capture", auth, { SalesDate: today(emu), KaiinId: "", KaiinPass: "" })).ResponseCd).toBe("OK");
  });

  it("KBX for the same MerchantFree1 + OperateId + Amount within 10 s of an OK master", async () => {
    const first = await pay(emu, VISA, { MerchantFree1: "DUPLICATE1" });
    expect(first.ResponseCd).toBe("OK");
    expect((await pay(emu, VISA, { MerchantFree1: "DUPLICATE1" })).ResponseCd).toBe("KBX");
    expect((await pay(emu, VISA, { MerchantFree1: "DUPLICATE1", Amount: "1001" })).ResponseCd).toBe("OK");
    await control(emu, "/_control/clock", { advanceMs: 11_000 });
    expect((await pay(emu, VISA, { MerchantFree1: "DUPLICATE1" })).ResponseCd).toBe("OK");
    // A failed first attempt does not block the retry.
    expect((await pay(emu, { cardNo: "4123000000000102" }, { MerchantFree1: "DUPLICATE2" })).ResponseCd).toBe("G12");
    expect((await pay(emu, VISA, { MerchantFree1: "DUPLICATE2" })).ResponseCd).toBe("OK");
  });

  it("1Check validates the card without consuming the token", async () => {
    const t = await token(emu, VISA);
    const check = await call(emu, PATHS.card, cardFields(emu, "1Check", { Token: t }));
    expect(check.ResponseCd).toBe("OK");
    expect((await call(emu, PATHS.card, cardFields(emu, "1Capture", { ProcessId: check.ProcessId, ProcessPass: check.ProcessPass, SalesDate: today(emu) }))).ResponseCd).toBe("K14");
    expect((await call(emu, PATHS.card, cardFields(emu, "1Auth", { Token: t, Amount: "100", PayType: "01", MerchantFree1: mf1() }))).ResponseCd).toBe("OK");
  });
});
