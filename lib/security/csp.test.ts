import { describe, expect, it } from "vitest";
import { resolveUrls } from "@/lib/escott/hosts";
import {
  cachedCardMode,
  cardModeFromStored,
  carriesAccessKey,
  contentSecurityPolicy,
  escottOrigins,
  newNonce,
  parseCspReports,
  securityHeaders,
  withoutQuery,
} from "./csp";

const directives = (policy: string) => new Map(policy.split("; ").map((d) => [d.split(" ")[0]!, d.split(" ").slice(1)] as const));

describe("e-SCOTT origins", () => {
  it("are the emulator's single origin whatever the mode", () => {
    for (const mode of ["test", "production", "both"] as const) {
      expect(escottOrigins("emulator", "http://localhost:4010/", mode)).toEqual({
        tokenScript: ["http://localhost:4010"],
        threeDSPage: ["http://localhost:4010"],
        paymentPage: ["http://localhost:4010"],
      });
    }
  });

  it("follow the card gateway's test mode on Sony Payment Services' hosts, like the client's URLs", () => {
    const test = escottOrigins("sps", "http://localhost:4010", "test");
    expect(test.tokenScript).toEqual([new URL(resolveUrls("test").tokenScript("code")).origin]);
    expect(test.tokenScript).toEqual(["https://www.test.e-scott.jp"]);
    expect(escottOrigins("sps", "", "production").tokenScript).toEqual(["https://www.e-scott.jp"]);
    expect(escottOrigins("sps", "", "production").threeDSPage).toEqual(["https://www.e-scott.jp"]);
    expect(test.paymentPage).toEqual(["https://link.kessai.info"]);
    expect(escottOrigins("sps", "", "both").tokenScript).toEqual(["https://www.test.e-scott.jp", "https://www.e-scott.jp"]);
  });

  it("reads テストモード from the stored settings, on when unknown", () => {
    expect(cardModeFromStored(JSON.stringify({ testMode: false }))).toBe("production");
    expect(cardModeFromStored(JSON.stringify({ testMode: true }))).toBe("test");
    expect(cardModeFromStored(JSON.stringify({}))).toBe("test");
    expect(cardModeFromStored(null)).toBe("test");
    expect(cardModeFromStored("{not json")).toBe("test");
  });

  it("caches the mode for the ttl and falls back to both hosts when the read fails", async () => {
    let t = 0;
    let calls = 0;
    let answer: "test" | "production" | Error = "production";
    const mode = cachedCardMode(
      async () => {
        calls += 1;
        if (answer instanceof Error) throw answer;
        return answer;
      },
      10_000,
      () => t,
    );
    expect(await Promise.all([mode(), mode()])).toEqual(["production", "production"]);
    expect(calls).toBe(1);
    answer = "test";
    t = 9_999;
    expect(await mode()).toBe("production");
    t = 10_001;
    expect(await mode()).toBe("test");
    answer = new Error("database down");
    t = 30_000;
    expect(await mode()).toBe("both");
    answer = "test";
    t = 31_001;
    expect(await mode()).toBe("test");
  });
});

describe("headers", () => {
  const origins = escottOrigins("sps", "", "test");

  it("a strict policy: own origin, this response's nonce and exactly the token script's origin", () => {
    const policy = directives(contentSecurityPolicy({ nonce: "abc123", origins }));
    expect(policy.get("script-src")).toEqual(["'self'", "'nonce-abc123'", "https://www.test.e-scott.jp"]);
    expect(policy.get("style-src")).toEqual(["'self'", "'nonce-abc123'"]);
    expect(policy.get("default-src")).toEqual(["'self'"]);
    expect(policy.get("object-src")).toEqual(["'none'"]);
    expect(policy.get("base-uri")).toEqual(["'self'"]);
    expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
    expect(policy.get("form-action")).toEqual(["'self'", "https://www.test.e-scott.jp", "https://link.kessai.info"]);
    expect(policy.get("report-uri")).toEqual(["/api/csp-report"]);
    // Chromium uses report-to instead of report-uri but delivers only from secure contexts: https shops only.
    expect(policy.has("report-to")).toBe(false);
    expect(policy.has("upgrade-insecure-requests")).toBe(false);
    const secure = directives(contentSecurityPolicy({ nonce: "abc123", origins, https: true }));
    expect(secure.get("report-uri")).toEqual(["/api/csp-report"]);
    expect(secure.get("report-to")).toEqual(["csp-endpoint"]);
    expect(secure.has("upgrade-insecure-requests")).toBe(true);
    const all = [...policy.values()].flat();
    expect(all).not.toContain("'unsafe-eval'");
    expect(policy.get("script-src")).not.toContain("'unsafe-inline'");
    expect(all.some((v) => v === "*" || v === "https:" || v === "http:")).toBe(false);
  });

  it("next dev gets eval and inline styles, never inline scripts", () => {
    const policy = directives(contentSecurityPolicy({ nonce: "n", origins, dev: true }));
    expect(policy.get("script-src")).toContain("'unsafe-eval'");
    expect(policy.get("script-src")).not.toContain("'unsafe-inline'");
    expect(policy.get("style-src")).toEqual(["'self'", "'unsafe-inline'"]);
  });

  it("fresh, unguessable nonces", () => {
    const nonces = new Set(Array.from({ length: 100 }, newNonce));
    expect(nonces.size).toBe(100);
    for (const n of nonces) expect(n).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });

  it("HSTS, report-to and upgrade-insecure-requests only for an https SITE_URL", () => {
    const base = { nonce: "n", origins, pathname: "/", searchParams: new URLSearchParams() };
    const http = securityHeaders({ ...base, siteUrl: "http://localhost:3000" });
    expect(http["Strict-Transport-Security"]).toBeUndefined();
    const https = securityHeaders({ ...base, siteUrl: "https://shop.example.jp" });
    expect(https["Strict-Transport-Security"]).toBe("max-age=63072000; includeSubDomains");
    expect(https["Content-Security-Policy"]).toContain("upgrade-insecure-requests");
    expect(https["Reporting-Endpoints"]).toBe('csp-endpoint="https://shop.example.jp/api/csp-report"');
    expect(http["Reporting-Endpoints"]).toBeUndefined();
    expect(http).toMatchObject({
      "Referrer-Policy": "strict-origin-when-cross-origin",
      "X-Content-Type-Options": "nosniff",
      "X-Frame-Options": "DENY",
    });
    expect(http["Permissions-Policy"]).toContain("payment=(self)");
    expect(http["Permissions-Policy"]).toContain("camera=()");
  });

  it("no referrer at all from order pages opened with their access key", () => {
    expect(carriesAccessKey("/order/7", new URLSearchParams("key=abc"))).toBe(true);
    expect(carriesAccessKey("/order/7", new URLSearchParams(""))).toBe(false);
    for (const path of ["/reset-password/abc", "/verify-email/abc", "/setup/abc"]) expect(carriesAccessKey(path, new URLSearchParams(""))).toBe(true);
    expect(carriesAccessKey("/forgot-password", new URLSearchParams(""))).toBe(false);
    expect(carriesAccessKey("/account/orders/7", new URLSearchParams("key=abc"))).toBe(false);
    const h = securityHeaders({ nonce: "n", origins, siteUrl: "http://localhost:3000", pathname: "/order/12", searchParams: new URLSearchParams("key=s3cret") });
    expect(h["Referrer-Policy"]).toBe("no-referrer");
  });
});

describe("violation reports", () => {
  const legacy = {
    "csp-report": {
      "document-uri": "https://shop.example.jp/order/7?key=s3cret",
      "blocked-uri": "https://evil.example/skim.js?x=1",
      "effective-directive": "script-src-elem",
      "violated-directive": "script-src-elem",
      "original-policy": "default-src 'self'",
      disposition: "enforce",
      "status-code": 200,
    },
  };

  it("reads report-uri bodies and drops query strings (order keys)", () => {
    const parsed = parseCspReports("csp-report", legacy);
    expect(parsed).toEqual({
      ok: true,
      reports: [{ documentUrl: "https://shop.example.jp/order/7", blockedUri: "https://evil.example/skim.js", directive: "script-src-elem", disposition: "enforce", sourceFile: undefined, line: undefined, sample: undefined }],
    });
  });

  it("reads Reporting API batches and ignores other report types", () => {
    const parsed = parseCspReports("reports+json", [
      { type: "deprecation", url: "https://shop.example.jp/", body: { id: "x" } },
      { type: "csp-violation", age: 3, url: "https://shop.example.jp/checkout", user_agent: "UA", body: { documentURL: "https://shop.example.jp/checkout", blockedURL: "inline", effectiveDirective: "script-src-elem", disposition: "enforce", sample: "alert(1)", lineNumber: 4 } },
    ]);
    expect(parsed).toEqual({ ok: true, reports: [expect.objectContaining({ documentUrl: "https://shop.example.jp/checkout", blockedUri: "inline", directive: "script-src-elem", sample: "alert(1)", line: 4 })] });
  });

  it("reads what Chromium really sends with report-to (captured over https)", () => {
    const body = [{ age: 0, body: { blockedURL: "inline", columnNumber: 88, disposition: "enforce", documentURL: "https://localhost:33581/", effectiveDirective: "script-src-elem", lineNumber: 1, originalPolicy: "script-src 'self'; report-uri /r1; report-to ep", referrer: "", sample: "", statusCode: 200 }, type: "csp-violation", url: "https://localhost:33581/", user_agent: "Mozilla/5.0 (X11; Linux x86_64)" }];
    expect(parseCspReports("reports+json", body)).toEqual({ ok: true, reports: [{ documentUrl: "https://localhost:33581/", blockedUri: "inline", directive: "script-src-elem", disposition: "enforce", sourceFile: undefined, line: 1, sample: undefined }] });
  });

  it("takes null for what the browser does not know", () => {
    const parsed = parseCspReports("reports+json", [{ type: "csp-violation", url: null, body: { documentURL: "https://shop.example.jp/checkout", blockedURL: null, effectiveDirective: "script-src-attr", sourceFile: null, lineNumber: null, sample: null, disposition: "enforce" } }]);
    expect(parsed).toEqual({ ok: true, reports: [expect.objectContaining({ blockedUri: "", directive: "script-src-attr", sourceFile: undefined, line: undefined })] });
  });

  it("refuses what is not a report", () => {
    expect(parseCspReports("csp-report", { hello: 1 }).ok).toBe(false);
    expect(parseCspReports("csp-report", [])).toEqual({ ok: false });
    expect(parseCspReports("reports+json", { "csp-report": {} }).ok).toBe(false);
    expect(parseCspReports("reports+json", [{ type: "csp-violation", body: { documentURL: 5 } }]).ok).toBe(false);
    expect(parseCspReports("json", "text").ok).toBe(false);
    expect(withoutQuery("eval")).toBe("eval");
    expect(withoutQuery("data:text/javascript,alert(1)")).toBe("data");
  });
});
