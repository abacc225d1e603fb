// Card members (§3.5, §8, §12.9) and member payments.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { RunningEmulator } from "../server";
import { call, cardFields, control, mf1, PATHS, start, token, today } from "./helpers";

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await start();
});
afterAll(() => emu.close());
beforeEach(async () => {
  await control(emu, "/_control/reset");
});

let n = 0;
const newKaiin = () => ({ KaiinId: `wc1i${String(++n).padStart(7, "0")}`, KaiinPass: "003141592653" });

const member = (op: string, kaiin: { KaiinId: string; KaiinPass: string }, extra: Record<string, string | undefined> = {}) =>
  call(emu, PATHS.member, cardFields(emu, op, { ...kaiin, MerchantFree3: "42", ...extra }));

async function register(cardNo = "4123000000000300", secCd = "8888", expYY = "28") {
  const kaiin = newKaiin();
  const t = await token(emu, { cardNo, secCd, expYY });
  const res = await member("4MemAdd", kaiin, { Token: t });
  expect(res.ResponseCd).toBe("OK");
  return { kaiin, token: t };
}

describe("members", () => {
  it("4MemAdd consumes the token; 4MemRefM returns masked CardNo, CardExp, status, date, CompanyCd", async () => {
    const { kaiin, token: t } = await register();
    const ref = await member("4MemRefM", kaiin);
    expect(ref).toMatchObject({
      ResponseCd: "OK",
      KaiinId: kaiin.KaiinId,
      CardNo: "4123********0300",
      CardExp: "2812",
      KaiinStatus: "0",
      KaiinEnableDate: today(emu),
      CompanyCd: "V1",
      MerchantFree3: "42",
    });
    expect((await member("4MemRef", kaiin)).CardNo).toBe("4123000000000300");
    const reuse = await call(emu, PATHS.card, cardFields(emu, "1Auth", { Token: t, Amount: "100", PayType: "01" }));
    expect(reuse.ResponseCd).toBe("KI2");
  });

  it("K69 for an existing KaiinId and for a deleted one", async () => {
    const { kaiin } = await register();
    expect((await member("4MemAdd", kaiin, { Token: await token(emu, { cardNo: "4111111111111111" }) })).ResponseCd).toBe("K69");
    expect((await member("4MemDel", kaiin)).ResponseCd).toBe("K70");
    expect((await member("4MemInval", kaiin)).ResponseCd).toBe("OK");
    expect((await member("4MemRefM", kaiin)).KaiinStatus).toBe("3");
    expect((await member("4MemDel", kaiin)).ResponseCd).toBe("OK");
    expect((await member("4MemRefM", kaiin)).ResponseCd).toBe("K71");
    expect((await member("4MemAdd", kaiin, { Token: await token(emu, { cardNo: "4111111111111111" }) })).ResponseCd).toBe("K69");
  });

  it("K71 wrong password, K74 after 5 consecutive failures even with the right password", async () => {
    const { kaiin } = await register();
    const wrong = { ...kaiin, KaiinPass: "999999999999" };
    for (let i = 0; i < 5; i++) expect((await member("4MemRefM", wrong)).ResponseCd).toBe("K71");
    expect((await member("4MemRefM", kaiin)).ResponseCd).toBe("K74");
    expect(emu.snapshot().members.find((m) => m.kaiinId === kaiin.KaiinId)?.locked).toBe(true);
    expect((await member("4MemRefM", { KaiinId: "nobody", KaiinPass: "x1" })).ResponseCd).toBe("K71");
  });

  it("a successful login resets the failure counter", async () => {
    const { kaiin } = await register();
    const wrong = { ...kaiin, KaiinPass: "1" };
    for (let i = 0; i < 4; i++) await member("4MemRefM", wrong);
    expect((await member("4MemRefM", kaiin)).ResponseCd).toBe("OK");
    for (let i = 0; i < 4; i++) await member("4MemRefM", wrong);
    expect((await member("4MemRefM", kaiin)).ResponseCd).toBe("OK");
  });

  it("4MemUnInval: K73 on a valid member, OK on an invalidated one", async () => {
    const { kaiin } = await register();
    expect((await member("4MemUnInval", kaiin)).ResponseCd).toBe("K73");
    await member("4MemInval", kaiin);
    expect((await member("4MemInval", kaiin)).ResponseCd).toBe("K75");
    expect((await member("4MemUnInval", kaiin)).ResponseCd).toBe("OK");
    expect((await member("4MemRefM", kaiin)).KaiinStatus).toBe("0");
  });

  it("4MemChg replaces the card and consumes the new token", async () => {
    const { kaiin } = await register();
    const t = await token(emu, { cardNo: "5555555555554444" });
    expect((await member("4MemChg", kaiin, { Token: t })).ResponseCd).toBe("OK");
    expect(await member("4MemRefM", kaiin)).toMatchObject({ CardNo: "5555********4444", CardExp: "3012", CompanyCd: "M1" });
    expect((await member("4MemChg", kaiin, { Token: t })).ResponseCd).toBe("KI2");
  });

  it("K45/K46 formats; 4MemAdd without a token → KHX", async () => {
    expect((await member("4MemRefM", { KaiinId: "bad id!", KaiinPass: "pass word" })).ResponseCd).toBe("K45|K46");
    expect((await member("4MemAdd", newKaiin())).ResponseCd).toBe("KHX");
  });
});

describe("member payments", () => {
  const authWithMember = (kaiin: { KaiinId: string; KaiinPass: string }, extra: Record<string, string> = {}) =>
    call(emu, PATHS.card, cardFields(emu, "1Auth", { ...kaiin, MerchantFree3: "42", Amount: "2500", PayType: "01", ...extra }));

  it("1Auth with KaiinId/KaiinPass charges the stored card; process requests then need KaiinId (K80)", async () => {
    const { kaiin } = await register();
    const auth = await authWithMember(kaiin);
    expect(auth.ResponseCd).toBe("OK");
    expect(auth.CompanyCd).toBe("V1");
    const ids = { ProcessId: auth.ProcessId, ProcessPass: auth.ProcessPass };
    expect((await call(emu, PATHS.card, cardFields(emu, "1Capture", { ...ids, SalesDate: today(emu) }))).ResponseCd).toBe("K80");
    expect((await call(emu, PATHS.card, cardFields(emu, "1Capture", { ...ids, SalesDate: today(emu), ...kaiin }))).ResponseCd).toBe("OK");
    const tx = emu.snapshot().transactions.find((t) => t.processId === auth.ProcessId);
    expect(tx?.hasKaiinId).toBe(true);
    expect(tx?.kaiinId).toBe(kaiin.KaiinId);
  });

  it("stored cards follow the same card rules, the member must be valid, and the password is checked", async () => {
    const g55 = await register("4123000000000201", "123", "30");
    expect((await authWithMember(g55.kaiin)).ResponseCd).toBe("G55");
    // The security code entered when the card was registered is what the payment is checked against.
    const listedWrongCode = await register("4111111111111111", "999", "30");
    expect((await authWithMember(listedWrongCode.kaiin)).ResponseCd).toBe("K40");
    const unlistedAnyCode = await register("4242424242424242", "999", "30");
    expect((await authWithMember(unlistedAnyCode.kaiin)).ResponseCd).toBe("OK");

    const ok = await register();
    expect((await authWithMember({ ...ok.kaiin, KaiinPass: "000000000000" })).ResponseCd).toBe("K71");
    await member("4MemInval", ok.kaiin);
    expect((await authWithMember(ok.kaiin)).ResponseCd).toBe("K75");
    expect((await authWithMember({ KaiinId: "ghost", KaiinPass: "x" }, { MerchantFree1: mf1() })).ResponseCd).toBe("K71");
  });
});
