// SSNP005 external-link page (§6.8, §12.13) — optional for the shop, tested for the basic flows.
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

const encrypt = (plain: string) => {
  const c = createCipheriv("aes-128-cbc", Buffer.from(CARD.aesKey), Buffer.from(CARD.aesIv));
  return Buffer.concat([c.update(plain, "utf8"), c.final()]).toString("base64");
};
const decrypt = (value: string) => {
  const d = createDecipheriv("aes-128-cbc", Buffer.from(CARD.aesKey), Buffer.from(CARD.aesIv));
  return Object.fromEntries(new URLSearchParams(Buffer.concat([d.update(Buffer.from(value, "base64")), d.final()]).toString("utf8")));
};
const returned = (html: string) => {
  const action = /<form[^>]*action="([^"]*)"/.exec(html)?.[1];
  const value = /name="EncryptValue" value="([^"]*)"/.exec(html)?.[1] ?? "";
  return { action, fields: decrypt(value.replace(/&#(\d+);/g, (_m, c: string) => String.fromCharCode(Number(c)))) };
};

async function open(extra: Record<string, string | undefined>) {
  const plain = formBody({
    MerchantPass: CARD.merchantPass,
    TransactionDate: today(emu),
    MerchantFree1: mf1(),
    MerchantFree2: "order-link",
    TenantId: CARD.tenantId,
    ProcNo: "0000000",
    RedirectUrl: "https://shop.example/link-return",
    ...extra,
  });
  const res = await fetch(`${emu.url}/euser/snp/SSNP005ReferStart.do?${formBody({ MerchantId: CARD.merchantId, EncryptValue: encrypt(plain) })}`);
  return { status: res.status, html: await res.text() };
}

async function submit(html: string, fields: Record<string, string>) {
  const session = /name="session" value="([^"]+)"/.exec(html)?.[1] ?? "";
  const res = await fetch(`${emu.url}/euser/snp/SSNP005Submit.do`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: formBody({ session, ...fields }),
  });
  return { status: res.status, html: await res.text() };
}

describe("SSNP005 link page", () => {
  it("4MemAdd: card entry registers the member and returns KaiinId/KaiinPass, MerchantFree2 and 3DS values", async () => {
    const kaiin = { KaiinId: "wc5i0000001", KaiinPass: "000000000005" };
    const page = await open({ OperateId: "4MemAdd", MerchantFree3: "5", ...kaiin });
    expect(page.status).toBe(200);
    expect(page.html).toContain('name="cardNo"');
    const done = await submit(page.html, { action: "submit", cardNo: "4123000000000300", expMM: "12", expYY: "28", secCd: "8888" });
    const { action, fields } = returned(done.html);
    expect(action).toBe("https://shop.example/link-return");
    expect(fields).toMatchObject({ OperateId: "4MemAdd", ResponseCd: "OK", MerchantId: CARD.merchantId, MerchantFree2: "order-link", ...kaiin, SecureResultCode: "0", TransactionDate: today(emu) });
    expect(fields.CAVV3D).toBeTruthy();
    expect((await call(emu, PATHS.member, cardFields(emu, "4MemRefM", kaiin))).CardNo).toBe("4123********0300");
  });

  it("cancel buttons return the screen's P-code and change nothing", async () => {
    const page = await open({ OperateId: "4MemAdd", KaiinId: "wc5i0000002", KaiinPass: "1" });
    const { fields } = returned((await submit(page.html, { action: "cancel" })).html);
    expect(fields.ResponseCd).toBe("P51");
    expect(emu.snapshot().members).toHaveLength(0);
    const guest = await open({ OperateId: "1Auth", Amount: "1000", PayType: "01", KaiinId: "", KaiinPass: "" });
    expect(returned((await submit(guest.html, { action: "cancel" })).html).fields.ResponseCd).toBe("P69");
  });

  it("guest 1Gathering authorizes the entered card; bad input re-shows the screen", async () => {
    const page = await open({ OperateId: "1Gathering", Amount: "2200", PayType: "01" });
    const bad = await submit(page.html, { action: "submit", cardNo: "123", expMM: "12", expYY: "30", secCd: "123" });
    expect(bad.status).toBe(400);
    expect(bad.html).toContain("K20");
    const done = await submit(bad.html, { action: "submit", cardNo: "5555555555554444", expMM: "12", expYY: "30", secCd: "123" });
    const { fields } = returned(done.html);
    expect(fields).toMatchObject({ OperateId: "1Gathering", ResponseCd: "OK", CompanyCd: "M1" });
    expect(emu.snapshot().transactions[0]).toMatchObject({ status: "SALES", amount: 2200, merchantFree2: "order-link" });
  });

  it("member purchase uses the stored card; a wrong password returns K71 at once", async () => {
    const kaiin = { KaiinId: "wc5i0000003", KaiinPass: "000000000003" };
    await call(emu, PATHS.member, cardFields(emu, "4MemAdd", { ...kaiin, Token: await token(emu, { cardNo: "4111111111111111" }) }));
    const page = await open({ OperateId: "1Auth", Amount: "900", PayType: "01", MerchantFree3: "3", ...kaiin });
    expect(page.html).toContain("4111********1111");
    const { fields } = returned((await submit(page.html, { action: "submit" })).html);
    expect(fields).toMatchObject({ ResponseCd: "OK", KaiinId: kaiin.KaiinId });
    expect(emu.snapshot().transactions[0]?.hasKaiinId).toBe(true);

    const wrong = await open({ OperateId: "1Auth", Amount: "900", PayType: "01", KaiinId: kaiin.KaiinId, KaiinPass: "999" });
    expect(returned(wrong.html).fields.ResponseCd).toBe("K71");
  });
});
