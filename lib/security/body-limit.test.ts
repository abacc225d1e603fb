import { describe, expect, it } from "vitest";
import { readLimitedBody } from "@/lib/security/body-limit";
import { localeOfRequest, paymentErrorHtml, paymentErrorResponse } from "@/lib/security/uniform-error";

const post = (body: BodyInit | null, headers: Record<string, string> = {}) => new Request("http://shop.test/x", { method: "POST", body, headers, duplex: "half" } as RequestInit);

describe("readLimitedBody", () => {
  it("reads a body up to the limit", async () => {
    const body = await readLimitedBody(post("a".repeat(100)), 100);
    expect(body.ok && new TextDecoder().decode(body.bytes)).toBe("a".repeat(100));
    expect(await readLimitedBody(new Request("http://shop.test/x"), 100)).toMatchObject({ ok: true });
  });

  it("refuses a declared Content-Length over the limit without reading a byte", async () => {
    let pulled = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(c) {
        pulled += 1;
        c.enqueue(new Uint8Array(10));
        c.close();
      },
    }, { highWaterMark: 0 });
    expect(await readLimitedBody(post(stream, { "content-length": "101" }), 100)).toEqual({ ok: false, reason: "too_large" });
    expect(pulled).toBe(0);
  });

  it("stops reading a stream as soon as it passes the limit", async () => {
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(c) {
        pulled += 1;
        c.enqueue(new Uint8Array(64));
      },
    });
    expect(await readLimitedBody(post(endless), 100)).toEqual({ ok: false, reason: "too_large" });
    expect(pulled).toBeLessThanOrEqual(3);
  });

  it("says unreadable when the stream fails", async () => {
    const broken = new ReadableStream<Uint8Array>({
      pull(c) {
        c.error(new Error("connection reset"));
      },
    });
    expect(await readLimitedBody(post(broken), 100)).toEqual({ ok: false, reason: "unreadable" });
  });
});

describe("uniform error page", () => {
  it("is Japanese unless the language cookie says English", () => {
    expect(localeOfRequest(post(null))).toBe("ja");
    expect(localeOfRequest(post(null, { cookie: "a=b; lang=en" }))).toBe("en");
    expect(localeOfRequest(post(null, { cookie: "lang=fr" }))).toBe("ja");
    expect(paymentErrorHtml("ja")).toContain('<a href="/checkout">ご注文手続きに戻る</a>');
    expect(paymentErrorHtml("en")).toContain("<title>The payment could not continue</title>");
  });

  it("keeps its status and extra headers, and has no body for HEAD", async () => {
    const res = paymentErrorResponse(new Request("http://shop.test/x", { method: "HEAD" }), 405, { Allow: "POST" });
    expect(res.status).toBe(405);
    expect(res.headers.get("allow")).toBe("POST");
    expect(await res.text()).toBe("");
  });
});
