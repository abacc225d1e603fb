// Configuration, persistence, codec/crypto helpers and the operator page.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ymdhm } from "../clock";
import { parsePlaintext } from "../codec";
import { ConfigError, resolveConfig } from "../config";
import { decryptValue, encryptValue } from "../crypto";
import { DEMO_CONTRACT } from "../../lib/escott/demo-contract";
import { call, cardFields, control, cvsFields, formBody, PATHS, pay, start, token } from "./helpers";

describe("configuration", () => {
  it("defaults match the demo contract (lib/escott/demo-contract.ts) so the shop needs no configuration", () => {
    const config = resolveConfig({ env: {} });
    expect(config.port).toBe(4010);
    expect(config.host).toBe("127.0.0.1");
    expect(config.card).toEqual(DEMO_CONTRACT.card);
    expect(config.cvs).toEqual(DEMO_CONTRACT.cvs);
    expect(config.notifyUrl).toBe(DEMO_CONTRACT.notificationUrl);
    expect(config.slowMs).toBe(5000);
    expect(config.tokenTtlMs).toBe(30 * 60_000);
    expect(config.notifyMaxAttempts).toBe(10);
  });

  it("reads EMULATOR_* variables; options override them", () => {
    const env = { EMULATOR_PORT: "0", EMULATOR_CARD_MERCHANT_ID: "12345", EMULATOR_SLOW_MS: "250", EMULATOR_NOTIFY_URL: "http://127.0.0.1:1/n" };
    const config = resolveConfig({ env });
    expect(config).toMatchObject({ port: 0, slowMs: 250, notifyUrl: "http://127.0.0.1:1/n" });
    expect(config.card.merchantId).toBe("12345");
    expect(resolveConfig({ env, slowMs: 10, card: { merchantId: "777" } })).toMatchObject({ slowMs: 10, card: { merchantId: "777", tenantId: "0001" } });
  });

  it.each([
    ["EMULATOR_PORT", "http"],
    ["EMULATOR_AES_KEY", "tooShort"],
    ["EMULATOR_NOTIFY_URL", "not a url"],
    ["EMULATOR_CARD_MERCHANT_ID", "ABC"],
    ["EMULATOR_SLOW_MS", "-5"],
  ])("fails naming the bad variable %s", (variable, value) => {
    expect(() => resolveConfig({ env: { [variable]: value } })).toThrow(ConfigError);
    expect(() => resolveConfig({ env: { [variable]: value } })).toThrow(variable);
  });
});

describe("codec and crypto", () => {
  it("EncryptValue round trip with Base64 damage tolerated (+ turned into spaces)", () => {
    const encrypted = encryptValue("OperateId=3Secure&MerchantFree1=ABC", "k3yForEmulat0r16", "iv4Emulat0r00016");
    expect(decryptValue(encrypted.replace(/\+/g, " "), "k3yForEmulat0r16", "iv4Emulat0r00016")).toBe("OperateId=3Secure&MerchantFree1=ABC");
    expect(decryptValue(encrypted, "k3yForEmulat0r17", "iv4Emulat0r00016")).toBeUndefined();
  });

  it("parses encoded and unencoded plaintexts alike", () => {
    const encoded = parsePlaintext(formBody({ RedirectUrl: "https://s.example/r?a=1&b=2", BillingFullName: "TARO YAMADA", Empty: "" }));
    expect(encoded).toMatchObject({ RedirectUrl: "https://s.example/r?a=1&b=2", BillingFullName: "TARO YAMADA" });
    expect("Empty" in encoded).toBe(false);
    const raw = parsePlaintext("OperateId=3Secure&RedirectUrl=https://s.example/r?a=1&b=2&ProcNo=0000001");
    expect(raw).toMatchObject({ OperateId: "3Secure", RedirectUrl: "https://s.example/r?a=1&b=2", ProcNo: "0000001" });
  });
});

describe("persistence", () => {
  const dir = mkdtempSync(join(tmpdir(), "escott-emulator-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("keeps transactions, members, tokens and registrations across restarts", async () => {
    const stateFile = join(dir, "state.json");
    const first = await start({ stateFile });
    const auth = await pay(first, { cardNo: "4111111111111111" });
    const t = await token(first, { cardNo: "4111111111111111" });
    const reg = await call(
      first,
      PATHS.cvs,
      cvsFields(first, "2Add", { Amount: "1000", PayLimit: ymdhm(Date.now() + 86_400_000), NameKanji: "山田", NameKana: "ヤマダ", TelNo: "0312345678", ShouhinName: "商品" }),
    );
    expect(reg.ResponseCd).toBe("OK");
    await first.close();
    expect(JSON.parse(readFileSync(stateFile, "utf8")).transactions).toHaveLength(1);

    const second = await start({ stateFile });
    try {
      const search = await call(second, PATHS.card, cardFields(second, "1Search", { ProcessId: auth.ProcessId, ProcessPass: auth.ProcessPass }));
      expect(search).toMatchObject({ ResponseCd: "OK", KessaiStatus: "AUTH" });
      expect((await call(second, PATHS.token, cardFields(second, "1TokenSearch", { Token: t }))).TokenResponseCd).toBe("OK");
      expect(Number(search.TransactionId)).toBeGreaterThan(Number(auth.TransactionId));
      const ref = await call(second, PATHS.cvs, cvsFields(second, "2Ref", { ProcessId: reg.ProcessId, ProcessPass: reg.ProcessPass }));
      expect(ref).toMatchObject({ ResponseCd: "OK", KessaiStatus: "UNPAID", Amount: "1000" });
      expect((await fetch(`${second.url}/JLPCT/JLPcon?code=${reg.FreeArea}&rkbn=1`)).status).toBe(200);
    } finally {
      await second.close();
    }
  });

  it("refuses a corrupt state file with a clear message", async () => {
    const stateFile = join(dir, "broken.json");
    writeFileSync(stateFile, "{not json");
    await expect(start({ stateFile })).rejects.toThrow(/broken\.json is not valid JSON/);
  });
});

describe("operator page and control state", () => {
  let emu: Awaited<ReturnType<typeof start>>;
  beforeAll(async () => {
    emu = await start();
  });
  afterAll(() => emu.close());

  it("lists the test cards, transactions and notification targets; works with plain HTML forms", async () => {
    const auth = await pay(emu, { cardNo: "4111111111111111" }, { MerchantFree1: "OPERATORVIEW1" });
    expect(auth.ResponseCd).toBe("OK");
    const html = await (await fetch(`${emu.url}/`)).text();
    expect(html).toContain("4123000000000300");
    expect(html).toContain("4123000000000706");
    expect(html).toContain("OPERATORVIEW1");
    expect(html).toContain("4111********1111");
    expect(html).not.toContain("4111111111111111</code></td><td>1Auth");

    const res = await fetch(`${emu.url}/_control/notify-url`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: formBody({ url: "http://127.0.0.1:5999/hook", _redirect: "/" }),
      redirect: "manual",
    });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/");
    const state = await control(emu, "/_control/state", undefined, "GET");
    expect(state.json.notifyUrl).toBe("http://127.0.0.1:5999/hook");
    expect((state.json.transactions as Array<{ merchantFree1: string; cardNo: string }>)[0]).toMatchObject({ merchantFree1: "OPERATORVIEW1", cardNo: "4111********1111" });
  });

  it("unknown control endpoints answer 404 JSON, bad JSON 400", async () => {
    expect((await control(emu, "/_control/nope", {})).status).toBe(404);
    const bad = await fetch(`${emu.url}/_control/clock`, { method: "POST", headers: { "Content-Type": "application/json" }, body: "{oops" });
    expect(bad.status).toBe(400);
  });
});
