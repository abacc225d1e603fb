// The token script evaluated in a node:vm context with a fake document: it must read the callback name from its own
// <script class="spsvToken" callBackFunc="…"> tag and call it.
import { runInNewContext } from "node:vm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningEmulator } from "../server";
import { CARD, call, cardFields, PATHS, start } from "./helpers";

let emu: RunningEmulator;
let script: string;
beforeAll(async () => {
  emu = await start();
  const res = await fetch(`${emu.url}/euser/stn/CdGetJavaScript.do?k_TokenNinsyoCode=${CARD.tokenAuthCode}`);
  expect(res.headers.get("content-type")).toContain("javascript");
  script = await res.text();
});
afterAll(() => emu.close());

/** A <script> element as far as the token script looks at it; attribute names are case-insensitive as in HTML. */
function fakeTag(attributes: Record<string, string>) {
  const attrs = new Map(Object.entries(attributes).map(([k, v]) => [k.toLowerCase(), v]));
  return {
    className: attrs.get("class") ?? "",
    src: attrs.get("src") ?? "",
    isConnected: true,
    getAttribute: (name: string) => attrs.get(name.toLowerCase()) ?? null,
  };
}

type Call = unknown[];

function browser(tag: ReturnType<typeof fakeTag>, fetchImpl: (url: string, init: { body: string }) => Promise<unknown>) {
  const calls: Call[] = [];
  const context: Record<string, unknown> = {
    document: { currentScript: tag, querySelectorAll: () => [tag] },
    fetch: fetchImpl,
    console: { error: () => {} },
  };
  context.window = context;
  return { context, calls };
}

describe("token script", () => {
  it("defines SpsvApi.spsvCreateToken and calls the function named by callBackFunc with token and masked card", async () => {
    const tag = fakeTag({ class: "spsvToken", callBackFunc: "myTokenCallback", src: "https://emulator.test/euser/stn/CdGetJavaScript.do" });
    const requests: Array<{ url: string; body: string }> = [];
    const { context, calls } = browser(tag, async (url, init) => {
      requests.push({ url, body: init.body });
      return { json: async () => ({ token: "f19d2d51d953519f946017f591a7c15a", maskedCard: "4123********0300" }) };
    });
    const done = new Promise<void>((resolve) => {
      context.myTokenCallback = (...args: unknown[]) => {
        calls.push(args);
        resolve();
      };
      context.setToken = () => calls.push(["wrong callback"]);
    });
    runInNewContext(script, context);
    const api = context.SpsvApi as { spsvCreateToken: (...args: string[]) => void };
    api.spsvCreateToken("4123000000000300", "28", "12", "8888", "", "", "", "", "");
    await done;

    expect(calls).toEqual([["f19d2d51d953519f946017f591a7c15a", "4123********0300"]]);
    expect(requests[0]?.url).toBe("https://emulator.test/euser/stn/CdCreateToken.do");
    const sent = new URLSearchParams(requests[0]?.body);
    // Year before month, as positional arguments 2 and 3.
    expect(sent.get("expYY")).toBe("28");
    expect(sent.get("expMM")).toBe("12");
    expect(sent.get("cardNo")).toBe("4123000000000300");
    expect(sent.get("k_TokenNinsyoCode")).toBe(CARD.tokenAuthCode);
  });

  it("reports errors as callback('', '', code)", async () => {
    const tag = fakeTag({ class: "spsvToken other", callbackfunc: "onToken" });
    const { context, calls } = browser(tag, async () => ({ json: async () => ({ errorCode: "K20|K24" }) }));
    const done = new Promise<void>((resolve) => {
      context.onToken = (...args: unknown[]) => {
        calls.push(args);
        resolve();
      };
    });
    runInNewContext(script, context);
    (context.SpsvApi as { spsvCreateToken: (...a: string[]) => void }).spsvCreateToken("12", "30", "12", "1", "", "", "", "", "");
    await done;
    expect(calls).toEqual([["", "", "K20|K24"]]);
  });

  it("network failure → K99", async () => {
    const tag = fakeTag({ class: "spsvToken", callBackFunc: "cb" });
    const { context, calls } = browser(tag, async () => {
      throw new Error("offline");
    });
    const done = new Promise<void>((resolve) => {
      context.cb = (...args: unknown[]) => {
        calls.push(args);
        resolve();
      };
    });
    runInNewContext(script, context);
    (context.SpsvApi as { spsvCreateToken: (...a: string[]) => void }).spsvCreateToken("4111111111111111", "30", "12", "123", "", "", "", "", "");
    await done;
    expect(calls[0]?.[2]).toBe("K99");
  });

  it("end to end with the real emulator: the script's token passes 1TokenSearch", async () => {
    const tag = fakeTag({ class: "spsvToken", callBackFunc: "setToken", src: `${emu.url}/euser/stn/CdGetJavaScript.do?k_TokenNinsyoCode=${CARD.tokenAuthCode}` });
    const { context } = browser(tag, (url, init) => fetch(url, { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: init.body }));
    const result = new Promise<unknown[]>((resolve) => {
      context.setToken = (...args: unknown[]) => resolve(args);
    });
    runInNewContext(script, context);
    (context.SpsvApi as { spsvCreateToken: (...a: string[]) => void }).spsvCreateToken("5555555555554444", "30", "12", "123", "", "", "", "", "");
    const [tokenValue, masked] = await result;
    expect(masked).toBe("5555********4444");
    const search = await call(emu, PATHS.token, cardFields(emu, "1TokenSearch", { Token: String(tokenValue) }));
    expect(search).toMatchObject({ ResponseCd: "OK", TokenResponseCd: "OK" });
  });

  it("the token endpoint allows cross-origin calls (CORS preflight)", async () => {
    const res = await fetch(`${emu.url}/euser/stn/CdCreateToken.do`, {
      method: "OPTIONS",
      headers: { Origin: "http://localhost:3000", "Access-Control-Request-Method": "POST" },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
  });
});
