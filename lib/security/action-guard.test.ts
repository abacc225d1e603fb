import { describe, expect, it } from "vitest";
import { ACTION_MAX_BYTES, guardActionRequest, guardFormPost, isMultipart, jsonDepthExceeds, originAllowed, referenceResolvable } from "@/lib/security/action-guard";

const SITE = "http://shop.example";

function actionRequest(body: BodyInit, headers: Record<string, string> = {}): Request {
  return new Request(`${SITE}/cart`, { method: "POST", body, headers: { host: "shop.example", "next-action": "abc", "content-type": "text/plain;charset=UTF-8", ...headers } });
}

function multipart(parts: Record<string, string | Blob>): Request {
  const form = new FormData();
  for (const [name, value] of Object.entries(parts)) form.append(name, value);
  const encoded = new Response(form);
  return new Request(`${SITE}/cart`, { method: "POST", body: encoded.body, headers: { host: "shop.example", "next-action": "abc", "content-type": encoded.headers.get("content-type")! }, duplex: "half" } as RequestInit);
}

describe("guardActionRequest", () => {
  it("lets through what React sends", async () => {
    expect(await guardActionRequest(actionRequest('[{"ok":true},"$undefined","$D2026-01-01T00:00:00.000Z","$$price",1]'), SITE)).toEqual({ ok: true });
    expect(await guardActionRequest(multipart({ "1_productId": "p1", "1_quantity": "2", "0": '["$K1"]' }), SITE)).toEqual({ ok: true });
    expect(await guardActionRequest(multipart({ "1": '{"a":1}', "0": '["$@1","$1"]' }), SITE)).toEqual({ ok: true });
    expect(await guardActionRequest(multipart({ $ACTION_ID_abc: "", productId: "p1" }), SITE)).toEqual({ ok: true });
    expect(await guardActionRequest(actionRequest("[]", { origin: SITE }), SITE)).toEqual({ ok: true });
  });

  it("refuses bodies Next.js could not decode with 400", async () => {
    const cases: Array<[string, Request]> = [
      ["not JSON", actionRequest("productId=1&quantity=2")],
      ["byte-order mark", actionRequest(new Uint8Array([0xef, 0xbb, 0xbf, 0x5b, 0x5d]))],
      ["invalid UTF-8", actionRequest(new Uint8Array([0x5b, 0x22, 0xc3, 0x28, 0x22, 0x5d]))],
      ["deep JSON", actionRequest("[".repeat(65) + "]".repeat(65))],
      ["dangling reference", actionRequest('["$@1"]')],
      ["arguments not an array", actionRequest('"x"')],
      ["arguments null", actionRequest("null")],
      ["multipart root not an array", multipart({ "0": '{"a":1}' })],
      ["bigint too long", actionRequest(`["$n${"9".repeat(301)}"]`)],
      ["broken multipart", actionRequest("--x\r\nContent-Disposition: form-data\r\n\r\n", { "content-type": "multipart/form-data; boundary=x" })],
      ["missing part", multipart({ "0": '["$@5"]' })],
      ["blob reference to a text part", multipart({ "1": "x", "0": '["$B1"]' })],
    ];
    for (const [name, request] of cases) expect(await guardActionRequest(request, SITE), name).toMatchObject({ ok: false, status: 400 });
  });

  it("refuses other origins (403), other encodings (415) and large bodies (413)", async () => {
    expect(await guardActionRequest(actionRequest("[]", { origin: "https://evil.example" }), SITE)).toMatchObject({ ok: false, status: 403 });
    expect(await guardActionRequest(actionRequest("[]", { origin: "null" }), SITE)).toMatchObject({ ok: false, status: 403 });
    expect(await guardActionRequest(actionRequest("[]", { "content-type": "application/json" }), SITE)).toMatchObject({ ok: false, status: 415 });
    expect(await guardActionRequest(actionRequest(`["${"a".repeat(ACTION_MAX_BYTES)}"]`), SITE)).toMatchObject({ ok: false, status: 413 });
  });
});

describe("helpers", () => {
  it("measures JSON depth without parsing, ignoring brackets in strings", () => {
    expect(jsonDepthExceeds("[".repeat(64) + "]".repeat(64), 64)).toBe(false);
    expect(jsonDepthExceeds("[".repeat(65), 64)).toBe(true);
    expect(jsonDepthExceeds(`["${"[".repeat(100)}"]`, 64)).toBe(false);
  });

  it("resolves references only against parts of the right kind", () => {
    const parts = new Map([["1", "text" as const], ["2", "file" as const]]);
    expect(referenceResolvable("$1", parts)).toBe(true);
    expect(referenceResolvable("$@1", parts)).toBe(true);
    expect(referenceResolvable("$B2", parts)).toBe(true);
    expect(referenceResolvable("$B1", parts)).toBe(false);
    expect(referenceResolvable("$3", parts)).toBe(false);
    expect(referenceResolvable("$1", null)).toBe(false);
    expect(referenceResolvable("$", null)).toBe(false);
  });

  it("same origin: the Host header or the shop's public host", () => {
    expect(originAllowed(null, "a.example", SITE)).toBe(true);
    expect(originAllowed("http://a.example", "a.example", SITE)).toBe(true);
    expect(originAllowed("http://shop.example", "10.0.0.1:3000", SITE)).toBe(true);
    expect(originAllowed("http://evil.example", "a.example", SITE)).toBe(false);
    expect(originAllowed("null", "a.example", SITE)).toBe(false);
  });
});

describe("guardFormPost (a multipart POST without Next-Action)", () => {
  const formPost = (body: BodyInit, contentType: string, origin?: string) =>
    new Request(`${SITE}/no-such-page`, { method: "POST", body, headers: { "content-type": contentType, ...(origin ? { origin } : {}) } });

  it("lets a well-formed form through, from any origin (route handlers judge cross-site posts themselves)", async () => {
    const form = new FormData();
    form.append("$ACTION_ID_abc", "");
    form.append("note", "よろしくお願いします");
    const encoded = new Response(form);
    const request = new Request(`${SITE}/cart`, { method: "POST", body: await encoded.arrayBuffer(), headers: { "content-type": encoded.headers.get("content-type")!, origin: "https://evil.example" } });
    expect(isMultipart(request)).toBe(true);
    expect(await guardFormPost(request)).toEqual({ ok: true });
  });

  it.each([
    ["no boundary", formPost("x=" + "A".repeat(1000), "multipart/form-data")],
    ["text that is not multipart", formPost("x=" + "A".repeat(186_630), "multipart/form-data; boundary=zz")],
    ["an unterminated part", formPost('--zz\r\nContent-Disposition: form-data; name="x"\r\n\r\nabc', "multipart/form-data; boundary=zz")],
  ])("refuses %s with 400 (Next.js would answer 500)", async (_what, request) => {
    expect(await guardFormPost(request)).toEqual({ ok: false, status: 400, reason: "broken multipart form" });
  });

  it("refuses a body over the action limit with 413", async () => {
    expect(await guardFormPost(formPost("a".repeat(ACTION_MAX_BYTES + 10), "multipart/form-data; boundary=zz"))).toMatchObject({ ok: false, status: 413 });
  });

  it("is asked only for multipart bodies", () => {
    expect(isMultipart(formPost("a=1", "application/x-www-form-urlencoded"))).toBe(false);
    expect(isMultipart(formPost("a=1", "Multipart/Form-Data; boundary=zz"))).toBe(true);
  });
});
