// Contract: tokens — the browser token script (§4), 1TokenSearch on OATN005 (§3.3, §12.7) and single use (§12.6).
import { runInNewContext } from "node:vm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DEMO_CONTRACT } from "@/lib/escott/demo-contract";
import { CARDS, expectOk, expectRejected, newMember, newOrderId, startHarness, type ContractHarness, type TestCardInput } from "@/test/support/contract-harness";

let h: ContractHarness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());
beforeEach(() => h.reset());

/**
 * Load the token script from the URL the client gives the checkout page and run it in a bare context with a
 * `<script class="spsvToken" callBackFunc="setToken">` tag and the real fetch, as a browser would.
 */
async function tokenFromScript(card: TestCardInput): Promise<unknown[]> {
  const src = h.client.urls.tokenScript;
  expect(src).toBe(`${h.emu.url}/euser/stn/CdGetJavaScript.do?k_TokenNinsyoCode=${DEMO_CONTRACT.card.tokenAuthCode}`);
  const res = await fetch(src ?? "");
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toContain("javascript");
  const script = await res.text();

  const attrs: Record<string, string> = { class: "spsvToken", callbackfunc: "setToken", src: src ?? "" };
  const tag = { className: "spsvToken", src, isConnected: true, getAttribute: (name: string) => attrs[name.toLowerCase()] ?? null };
  const context: Record<string, unknown> = {
    document: { currentScript: tag, querySelectorAll: () => [tag] },
    fetch: (url: string, init: RequestInit) => fetch(url, init),
    console: { error: () => {} },
  };
  context.window = context;
  const called = new Promise<unknown[]>((resolve) => {
    context.setToken = (...args: unknown[]) => resolve(args);
  });
  runInNewContext(script, context);
  const api = context.SpsvApi as { spsvCreateToken: (...args: string[]) => void };
  // Year before month (§4.2).
  api.spsvCreateToken(card.cardNo, card.expYY, card.expMM, card.secCd, "", "", "", "", "");
  return called;
}

describe("browser token script", () => {
  it("the script at client.urls.tokenScript calls setToken(token, maskedCard); the token passes 1TokenSearch", async () => {
    const [token, masked] = await tokenFromScript(CARDS.demo);
    expect(token).toMatch(/^[0-9a-f]{32}$/);
    expect(masked).toBe("4123********0300");
    const result = expectOk(await h.client.token.search({ token: String(token), orderId: newOrderId(), amount: 1000 }));
    expect(result.data).toEqual({ tokenResponseCd: "OK" });
    expect(result.raw.TokenResponseCd).toBe("OK");
  });

  it("invalid card input: setToken('', '', code)", async () => {
    const args = await tokenFromScript({ cardNo: "4111111111111112", expYY: "30", expMM: "13", secCd: "12" });
    expect(args).toEqual(["", "", "K82|K21|K24"]);
  });
});

describe("1TokenSearch", () => {
  it("OK/OK for a live token and it does not consume the token", async () => {
    const { token } = await h.browserToken(CARDS.visa);
    const member = newMember(h.client);
    expectOk(await h.client.token.search({ token, userId: member.userId }));
    expectOk(await h.client.token.search({ token, orderId: newOrderId() }));
    expectOk(await h.client.card.auth({ orderId: newOrderId(), amount: 1000, source: { token } }));
  });

  it("unknown token: ResponseCd=OK but TokenResponseCd=KHZ → rejected with KHZ", async () => {
    const result = expectRejected(await h.client.token.search({ token: "0123456789abcdef0123456789abcdef" }), ["KHZ"]);
    expect(result.raw).toMatchObject({ ResponseCd: "OK", TokenResponseCd: "KHZ" });
  });

  it("malformed token → ResponseCd KHX", async () => {
    const result = expectRejected(await h.client.token.search({ token: "not-a-token" }), ["KHX"]);
    expect(result.raw?.ResponseCd).toBe("KHX");
  });

  it("token created with a wrong k_TokenNinsyoCode → KI1", async () => {
    const { token } = await h.browserToken(CARDS.visa, "WRONGCODE1");
    expectRejected(await h.client.token.search({ token }), ["KI1"]);
  });

  it("expired token (emulator clock +31 min) → KI3 for 1TokenSearch and 1Auth", async () => {
    const { token } = await h.controlToken(CARDS.visa);
    expect((await h.control("/_control/clock", { advanceMs: 31 * 60_000 })).status).toBe(200);
    expectRejected(await h.client.token.search({ token }), ["KI3"]);
    expectRejected(await h.client.card.auth({ orderId: newOrderId(), amount: 1000, source: { token } }), ["KI3"]);
  });
});

describe("single use", () => {
  it("after a successful 1Auth the token is used: 1TokenSearch, 1Auth, 1Gathering and 4MemAdd → KI2", async () => {
    const { token } = await h.browserToken(CARDS.visa);
    expectOk(await h.client.card.auth({ orderId: newOrderId(), amount: 1000, source: { token } }));

    expectRejected(await h.client.token.search({ token }), ["KI2"]);
    expectRejected(await h.client.card.auth({ orderId: newOrderId(), amount: 1000, source: { token } }), ["KI2"]);
    expectRejected(await h.client.card.gathering({ orderId: newOrderId(), amount: 1000, source: { token } }), ["KI2"]);
    expectRejected(await h.client.member.add({ ...newMember(h.client), token }), ["KI2"]);
    expect((await h.state()).tokens.find((t) => t.token === token)).toMatchObject({ status: "KI2", usedBy: "1Auth" });
  });

  it("a declined payment does not consume the token", async () => {
    const { token } = await h.controlToken(CARDS.g12);
    expectRejected(await h.client.card.auth({ orderId: newOrderId(), amount: 1000, source: { token } }), ["G12"]);
    expectOk(await h.client.token.search({ token }));
  });
});
