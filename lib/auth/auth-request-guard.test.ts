import { describe, expect, it } from "vitest";
import { AUTH_BODY_MAX_BYTES, authRedirect, refuseMalformedAuthRequest } from "@/lib/auth/auth-request-guard";

const CALLBACK = ["callback", "credentials"];
const post = (body: BodyInit, contentType: string) => new Request("http://shop.example/api/auth/callback/credentials", { method: "POST", body, headers: { "content-type": contentType } });

describe("refuseMalformedAuthRequest", () => {
  it("lets through what the login form and next-auth's client send, and every GET", async () => {
    expect(await refuseMalformedAuthRequest(post("email=a%40b.jp&password=x&csrfToken=t&json=true", "application/x-www-form-urlencoded"), CALLBACK)).toBeNull();
    expect(await refuseMalformedAuthRequest(post('{"csrfToken":"t","json":true}', "application/json"), CALLBACK)).toBeNull();
    expect(await refuseMalformedAuthRequest(new Request("http://shop.example/api/auth/session?x=%E0%A4%A"), ["session"])).toBeNull();
  });

  it("refuses bodies next-auth would choke on", async () => {
    const cases: Array<[Request, number]> = [
      [post("{not json", "application/json"), 400],
      [post("null", "application/json"), 400],
      [post("[1,2]", "application/json"), 400],
      [post('{"email":{"$gt":""}}', "application/json"), 400],
      [post(new Uint8Array([0x65, 0x3d, 0xc3, 0x28]), "application/x-www-form-urlencoded"), 400],
      [post("x".repeat(AUTH_BODY_MAX_BYTES + 1), "application/x-www-form-urlencoded"), 413],
      [post("<xml/>", "text/xml"), 415],
    ];
    for (const [request, status] of cases) expect((await refuseMalformedAuthRequest(request, CALLBACK))?.status).toBe(status);
  });

  it("answers routes the shop does not use with 404 and sends next-auth's pages to the login page", async () => {
    const get = (route: string[]) => refuseMalformedAuthRequest(new Request(`http://shop.example/api/auth/${route.join("/")}`), route);
    expect((await get(["callback", "credentials"]))?.status).toBe(404);
    expect((await get(["💳", "x"]))?.status).toBe(404);
    expect((await get([]))?.status).toBe(404);
    for (const page of ["error", "signin", "signout"]) {
      const answer = await get([page]);
      expect(answer?.status, page).toBe(303);
      expect(answer?.headers.get("location")).toBe("/login");
    }
  });
});

describe("callbackUrl next-auth would answer with a 500", () => {
  it("is refused with 400 in the query or the callback-url cookie; paths and http(s) URLs pass", async () => {
    const get = (query: string, cookie?: string) => refuseMalformedAuthRequest(new Request(`http://shop.example/api/auth/session?${query}`, { headers: cookie ? { cookie } : {} }), ["session"]);
    expect(await get("callbackUrl=%2Faccount")).toBeNull();
    expect(await get("callbackUrl=https%3A%2F%2Fevil.example%2F")).toBeNull(); // next-auth accepts it; our redirect callback sends it home
    expect((await get("callbackUrl=aaaa"))?.status).toBe(400);
    expect((await get("callbackUrl=a%00b"))?.status).toBe(400);
    expect((await get("x=1", "next-auth.callback-url=javascript%3Aalert(1)"))?.status).toBe(400);
    expect((await get("x=1", "__Secure-next-auth.callback-url=%2Fcart"))).toBeNull();
  });
});

describe("authRedirect", () => {
  const base = "http://shop.example";
  it("keeps the shop's own paths and URLs", () => {
    expect(authRedirect("/account?tab=1", base)).toBe("http://shop.example/account?tab=1");
    expect(authRedirect("http://shop.example/cart", base)).toBe("http://shop.example/cart");
  });

  it("sends anything else to the start page", () => {
    for (const url of [`/${"あ".repeat(1000)}`, "https://evil.example/", "//evil.example/x", "/\\evil.example", "/\t/evil.example", `/${"a".repeat(3000)}`, "javascript:alert(1)"]) {
      expect(authRedirect(url, base), url.slice(0, 40)).toBe(base);
    }
  });
});
