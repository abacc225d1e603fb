// Online payment agency (§7, §12.10), JLPcon and the 入金結果通知 sender (§12.15, §12.16).
import { createHash } from "node:crypto";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ymdhm } from "../clock";
import type { RunningEmulator } from "../server";
import { call, control, CVS, cvsFields, formBody, PATHS, receiver, start } from "./helpers";

let emu: RunningEmulator;
let shop: Awaited<ReturnType<typeof receiver>>;

beforeAll(async () => {
  emu = await start({ notifyRetryMs: 20, notifyMaxAttempts: 4 });
});
afterAll(() => emu.close());
beforeEach(async () => {
  await control(emu, "/_control/reset");
  shop = await receiver();
  await control(emu, "/_control/notify-url", { url: shop.url });
});
afterEach(() => shop.close());

const inDays = (days: number) => ymdhm(Date.now() + emu.state.clockOffsetMs + days * 86_400_000).slice(0, 8) + "2359";

function addFields(extra: Record<string, string | undefined> = {}) {
  return cvsFields(emu, "2Add", {
    Amount: "3300",
    PayLimit: inDays(7),
    NameKanji: "山田太郎",
    NameKana: "ヤマダタロウ",
    TelNo: "03-1234-5678",
    ShouhinName: "テスト商品",
    ReturnURL: "https://shop.example/return?order=1",
    ...extra,
  });
}

async function add(extra: Record<string, string | undefined> = {}): Promise<Record<string, string>> {
  const fields = addFields(extra);
  const res = await call(emu, PATHS.cvs, fields);
  expect(res.ResponseCd).toBe("OK");
  return { ...res, MerchantFree1: fields.MerchantFree1 };
}

const processCall = (op: string, reg: Record<string, string>, extra: Record<string, string> = {}) =>
  call(emu, PATHS.cvs, cvsFields(emu, op, { ProcessId: reg.ProcessId, ProcessPass: reg.ProcessPass, ...extra }));

describe("2Add validation", () => {
  it("returns ProcessId, ProcessPass, FreeArea and KessaiNumber", async () => {
    const reg = await add();
    expect(reg.ProcessId).toMatch(/^[A-Za-z0-9]{32}$/);
    expect(reg.ProcessPass).toMatch(/^[A-Za-z0-9]{32}$/);
    expect(reg.FreeArea).toMatch(/^[A-Za-z0-9]+$/);
    expect(reg.KessaiNumber).toMatch(/^\d+$/);
  });

  it.each([
    ["PayLimit in the past", { PayLimit: "202001012359" }, "K50"],
    ["PayLimit with 8 digits", { PayLimit: "20991231" }, "K50"],
    ["PayLimit beyond 60 days", { PayLimit: "__61" }, "K50"],
    ["empty NameKanji", { NameKanji: undefined }, "K51"],
    ["NameKanji over 40", { NameKanji: "山".repeat(41) }, "K51"],
    ["hiragana NameKana", { NameKana: "やまだ" }, "K52"],
    ["half-width ShouhinName", { ShouhinName: "Item 1" }, "K53"],
    ["ShouhinName over 16", { ShouhinName: "商".repeat(17) }, "K53"],
    ["TelNo with letters", { TelNo: "03-CALL-ME" }, "K28"],
    ["TelNo over 13", { TelNo: "090-1234-56789" }, "K28"],
    ["relative ReturnURL", { ReturnURL: "/thanks" }, "K60"],
    ["Amount 0", { Amount: "0" }, "K23"],
  ])("%s → %s", async (_label, extra, code) => {
    const fields = { ...extra } as Record<string, string | undefined>;
    if (fields.PayLimit === "__61") fields.PayLimit = inDays(61);
    const res = await call(emu, PATHS.cvs, addFields(fields));
    expect(res.ResponseCd).toBe(code);
  });

  it("accepts katakana with ー and spaces, full-width ShouhinName with …, and no ReturnURL", async () => {
    const res = await call(emu, PATHS.cvs, addFields({ NameKana: "ヤマダ　タロー", ShouhinName: "テスト商品ＡＢＣ…", ReturnURL: undefined }));
    expect(res.ResponseCd).toBe("OK");
  });

  it("reports several field errors joined with |", async () => {
    const res = await call(emu, PATHS.cvs, addFields({ NameKana: "abc", TelNo: "x" }));
    expect(res.ResponseCd).toBe("K52|K28");
  });
});

describe("2Chg / 2Del / 2Ref", () => {
  it("2Chg changes Amount/PayLimit and issues a new FreeArea; 2Ref shows UNPAID", async () => {
    const reg = await add();
    const chg = await processCall("2Chg", reg, { Amount: "5000", PayLimit: inDays(10) });
    expect(chg.ResponseCd).toBe("OK");
    expect(chg.FreeArea).toMatch(/^[A-Za-z0-9]+$/);
    expect(chg.FreeArea).not.toBe(reg.FreeArea);
    const ref = await processCall("2Ref", reg);
    expect(ref).toMatchObject({ ResponseCd: "OK", Amount: "5000", PayLimit: inDays(10), KessaiStatus: "UNPAID" });
    expect(ref.NyukinDate).toBeUndefined();
  });

  it("2Del → 2Ref K12, 2Del again K12", async () => {
    const reg = await add();
    expect((await processCall("2Del", reg)).ResponseCd).toBe("OK");
    expect((await processCall("2Ref", reg)).ResponseCd).toBe("K12");
    expect((await processCall("2Del", reg)).ResponseCd).toBe("K12");
  });

  it("an expired unpaid registration: 2Ref OK with KessaiStatus=EXPIRED and no NyukinDate; cannot be paid", async () => {
    const reg = await add({ PayLimit: inDays(1) });
    await control(emu, "/_control/clock", { advanceMs: 3 * 86_400_000 });
    const ref = await processCall("2Ref", reg);
    expect(ref).toMatchObject({ ResponseCd: "OK", KessaiStatus: "EXPIRED" });
    expect(ref.NyukinDate).toBeUndefined();
    const pay = await control(emu, `/_control/cvs/${reg.FreeArea}/pay`, { cvsCd: "LSN" });
    expect(pay.status).toBe(409);
  });

  it("K10/K11 formats and K12 for an unknown pair", async () => {
    expect((await processCall("2Ref", { ProcessId: "x", ProcessPass: "y" })).ResponseCd).toBe("K10|K11");
    expect((await processCall("2Ref", { ProcessId: "A".repeat(32), ProcessPass: "B".repeat(32) })).ResponseCd).toBe("K12");
  });

  it("KBX for a double-submitted 2Add", async () => {
    const fields = addFields();
    expect((await call(emu, PATHS.cvs, fields)).ResponseCd).toBe("OK");
    expect((await call(emu, PATHS.cvs, fields)).ResponseCd).toBe("KBX");
  });
});

describe("JLPcon and notifications", () => {
  it("the JLPcon page shows amount, deadline and stores; paying sends a notification whose HashCd verifies", async () => {
    const reg = await add({ MerchantFree3: "u42" });
    const pageRes = await fetch(`${emu.url}/JLPCT/JLPcon?code=${reg.FreeArea}&rkbn=1`);
    expect(pageRes.status).toBe(200);
    const html = await pageRes.text();
    expect(html).toContain("3,300");
    expect(html).toContain("ローソン");
    expect(html).toContain('value="FAM"');
    expect(html).toContain("支払う");

    const payRes = await fetch(`${emu.url}/JLPCT/JLPcon`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: formBody({ code: reg.FreeArea, rkbn: "1", cvsCd: "FAM" }),
      redirect: "manual",
    });
    expect(payRes.status).toBe(303);
    expect(payRes.headers.get("location")).toContain(reg.FreeArea);

    await shop.waitFor(1);
    const [notification] = shop.received;
    const f = notification?.fields ?? {};
    expect(notification?.headers["content-type"]).toBe("application/x-www-form-urlencoded");
    expect(f).toMatchObject({
      MerchantId: CVS.merchantId,
      MerchantFree1: reg.MerchantFree1,
      MerchantFree2: "order-cvs",
      MerchantFree3: "u42",
      CvsCd: "FAM",
      Amount: "3300",
      ResponseCd: "OK",
      StampFlag: "0",
      ProcessPass: reg.ProcessPass,
    });
    expect(f.TransactionId).toMatch(/^\d+$/);
    expect(f.NyukinDate).toMatch(/^\d{14}$/);
    expect(f.RecvNum).toMatch(/^\d+$/);
    const expected = createHash("md5").update(`${reg.ProcessPass}${f.RecvNum}${CVS.merchantPass}`).digest("hex");
    expect(f.HashCd).toBe(expected);

    const ref = await processCall("2Ref", reg);
    expect(ref).toMatchObject({ ResponseCd: "OK", KessaiStatus: "PAID", NyukinDate: f.NyukinDate, RecvNum: f.RecvNum, CvsCd: "FAM", Amount: "3300" });
    expect((await processCall("2Del", reg)).ResponseCd).toBe("K14");
    expect((await processCall("2Chg", reg, { Amount: "1" })).ResponseCd).toBe("K14");

    const paidPage = await (await fetch(`${emu.url}/JLP/JLPcon?code=${reg.FreeArea}&rkbn=2`)).text();
    expect(paidPage).toContain("入金済");
    expect(paidPage).not.toContain("支払う / Pay");
    expect(paidPage).toContain("https://shop.example/return?order=1");
  });

  it("retries until the shop answers 200 and records every attempt", async () => {
    await shop.close();
    shop = await receiver([500, 503, 200]);
    await control(emu, "/_control/notify-url", { url: shop.url });
    const reg = await add();
    await control(emu, `/_control/cvs/${reg.MerchantFree1}/pay`, { cvsCd: "SEV" });
    await shop.waitFor(3);
    await emu.notifier.idle();
    const record = emu.snapshot().notifications.at(-1);
    expect(record?.state).toBe("delivered");
    expect(record?.attempts.map((a) => a.status)).toEqual([500, 503, 200]);
    expect(shop.received).toHaveLength(3);
  });

  it("gives up after EMULATOR_NOTIFY_MAX_ATTEMPTS and records connection errors", async () => {
    await control(emu, "/_control/notify-url", { url: "http://127.0.0.1:9/unreachable" });
    const reg = await add();
    await control(emu, `/_control/cvs/${reg.FreeArea}/pay`, {});
    await emu.notifier.idle();
    const record = emu.snapshot().notifications.at(-1);
    expect(record?.state).toBe("failed");
    expect(record?.attempts).toHaveLength(4);
    expect(record?.attempts[0]?.error).toBeTruthy();
  });

  it("notify:false loses the notification; re-send and duplicate deliver it later", async () => {
    const reg = await add({ Amount: "60000" });
    const paid = await control(emu, `/_control/cvs/${reg.MerchantFree1}/pay`, { cvsCd: "LSN", notify: false });
    expect(paid.status).toBe(200);
    expect(paid.json.notification).toBeNull();
    await new Promise((r) => setTimeout(r, 100));
    expect(shop.received).toHaveLength(0);

    expect((await control(emu, `/_control/cvs/${reg.MerchantFree1}/notify`)).status).toBe(200);
    await shop.waitFor(1);
    expect(shop.received[0]?.fields.StampFlag).toBe("1");

    const dup = await control(emu, `/_control/cvs/${reg.MerchantFree1}/notify-duplicate`);
    expect((dup.json.notifications as unknown[]).length).toBe(2);
    await shop.waitFor(3);
    const bodies = shop.received.map((r) => r.body);
    expect(new Set(bodies).size).toBe(1);
  });

  it("expire via the control API blocks payment on the page", async () => {
    const reg = await add();
    expect((await control(emu, `/_control/cvs/${reg.FreeArea}/expire`)).json.status).toBe("EXPIRED");
    const html = await (await fetch(`${emu.url}/JLPCT/JLPcon?code=${reg.FreeArea}&rkbn=2`)).text();
    expect(html).toContain("期限切れ");
    expect(html).not.toContain('name="cvsCd"');
    const res = await fetch(`${emu.url}/JLPCT/JLPcon`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: formBody({ code: reg.FreeArea, cvsCd: "SEV" }),
      redirect: "manual",
    });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("cannot pay");
    expect((await processCall("2Ref", reg)).KessaiStatus).toBe("EXPIRED");
  });

  it("unknown codes give a 404 page; control actions need an existing registration", async () => {
    expect((await fetch(`${emu.url}/JLPCT/JLPcon?code=NOPE&rkbn=1`)).status).toBe(404);
    expect((await control(emu, "/_control/cvs/NOPE/pay", {})).status).toBe(404);
  });
});
