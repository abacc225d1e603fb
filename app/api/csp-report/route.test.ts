// Anyone can post here: valid reports are kept (204), anything else is refused with a 4xx — never a 5xx.
// Reports go to a real database (both engines).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { CSP_VIOLATIONS_KEPT, cspReportSummary as summaryOf, recordCspReports } from "@/lib/security/csp-reports";
import { createTestDb, type TestDb } from "@/test/support/db";

let t: TestDb;
let POST: typeof import("@/app/api/csp-report/route").POST;
beforeAll(async () => {
  t = await createTestDb();
  process.env.DATABASE_URL = t.url;
  ({ POST } = await import("@/app/api/csp-report/route"));
});
afterAll(async () => {
  await t.cleanup();
});
const cspReportSummary = () => summaryOf(t.db);

function post(body: BodyInit | null, contentType: string | null, extra: Record<string, string> = {}) {
  const headers: Record<string, string> = { ...extra };
  if (contentType) headers["Content-Type"] = contentType;
  return POST(new Request("http://shop.test/api/csp-report", { method: "POST", headers, body, ...(body instanceof ReadableStream ? { duplex: "half" } : {}) } as RequestInit));
}

const legacy = JSON.stringify({
  "csp-report": {
    "document-uri": "http://shop.test/checkout",
    "blocked-uri": "https://evil.example/skim.js",
    "effective-directive": "script-src-elem",
    "violated-directive": "script-src-elem",
    "original-policy": "script-src 'self'",
    disposition: "enforce",
    "status-code": 200,
  },
});
const batch = JSON.stringify([
  { type: "csp-violation", age: 10, url: "http://shop.test/checkout", user_agent: "UA", body: { documentURL: "http://shop.test/checkout", blockedURL: "inline", effectiveDirective: "script-src-elem", disposition: "enforce", statusCode: 200 } },
]);

beforeEach(async () => {
  await t.db.cspViolation.deleteMany();
});

describe("POST /api/csp-report", () => {
  it("keeps a report-uri report", async () => {
    const res = await post(legacy, "application/csp-report");
    expect(res.status).toBe(204);
    expect(await res.text()).toBe("");
    expect((await cspReportSummary()).recent).toEqual([expect.objectContaining({ documentUrl: "http://shop.test/checkout", blockedUri: "https://evil.example/skim.js" })]);
  });

  it("keeps a Reporting API batch (charset parameter and case ignored)", async () => {
    expect((await post(batch, "Application/Reports+JSON; charset=utf-8")).status).toBe(204);
    expect((await cspReportSummary()).recent).toEqual([expect.objectContaining({ blockedUri: "inline", directive: "script-src-elem" })]);
  });

  it("refuses a wrong or missing content type", async () => {
    for (const type of ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", null]) {
      expect((await post(legacy, type)).status).toBe(400);
    }
    expect((await cspReportSummary()).total).toBe(0);
  });

  it("refuses bodies that are not reports", async () => {
    const bad = ["", "null", "{", "[1,2]", '{"csp-report":{}}', '{"csp-report":{"document-uri":42}}', "\uFEFF{}", JSON.stringify([{ type: "csp-violation", body: null }])];
    for (const body of bad) {
      const res = await post(body, "application/csp-report");
      expect(res.status, body).toBe(400);
    }
    expect((await post('{"csp-report":{}}', "application/reports+json")).status).toBe(400);
    expect((await post(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]), "application/csp-report")).status).toBe(400); // invalid UTF-8
    expect((await cspReportSummary()).total).toBe(0);
  });

  it("refuses more than 16 KB, declared or streamed", async () => {
    const big = JSON.stringify({ "csp-report": { "document-uri": "http://shop.test/" + "a".repeat(17 * 1024) } });
    expect((await post(big, "application/csp-report")).status).toBe(413);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 40; i++) controller.enqueue(new Uint8Array(1024).fill(0x20));
        controller.close();
      },
    });
    expect((await post(stream, "application/csp-report")).status).toBe(413);
    expect((await post("{}", "application/csp-report", { "Content-Length": "999999" })).status).toBe(413);
    expect((await cspReportSummary()).total).toBe(0);
  });

  it("accepts a report just under the limit", async () => {
    const body = JSON.stringify({ "csp-report": { "document-uri": "http://shop.test/checkout", "script-sample": "x".repeat(15 * 1024) } });
    expect((await post(body, "application/csp-report")).status).toBe(204);
  });

  it("never answers 5xx, whatever arrives", async () => {
    const samples: [BodyInit | null, string | null][] = [
      [null, "application/csp-report"],
      [new Uint8Array(20_000).map((_, i) => (i * 7919) % 256), "application/reports+json"],
      ["\x00\x01\x02", "application/json"],
      [JSON.stringify([{ type: "csp-violation", body: { documentURL: "x", effectiveDirective: "y" } }]).repeat(3), "application/reports+json"],
      [JSON.stringify(Array.from({ length: 101 }, () => ({ type: "x", body: {} }))), "application/reports+json"],
      ["[" + "[".repeat(5000) + "]".repeat(5000) + "]", "application/json"],
    ];
    for (const [body, type] of samples) {
      const res = await post(body, type);
      expect(res.status).toBeGreaterThanOrEqual(200);
      expect(res.status).toBeLessThan(500);
    }
  });

  it("counts a repeated violation instead of adding rows", async () => {
    for (let i = 0; i < 5; i++) expect((await post(legacy, "application/csp-report")).status).toBe(204);
    const summary = await cspReportSummary();
    expect(summary.total).toBe(5);
    expect(summary.recent).toEqual([expect.objectContaining({ count: 5, blockedUri: "https://evil.example/skim.js" })]);
    expect(await t.db.cspViolation.count()).toBe(1);
  });
});

describe("recordCspReports", () => {
  it("keeps at most CSP_VIOLATIONS_KEPT kinds, dropping the least recently seen", async () => {
    await t.db.cspViolation.deleteMany();
    const one = (n: number) => ({ documentUrl: `https://shop/${n}`, blockedUri: "inline", directive: "script-src-elem", disposition: "enforce" });
    const base = Date.parse("2026-12-01T00:00:00Z");
    for (let i = 0; i < CSP_VIOLATIONS_KEPT + 30; i++) await recordCspReports(t.db, [one(i)], new Date(base + i * 1000));
    expect(await t.db.cspViolation.count()).toBe(CSP_VIOLATIONS_KEPT);
    const summary = await summaryOf(t.db, new Date(base + 3600_000));
    expect(summary.recent[0]!.documentUrl).toBe(`https://shop/${CSP_VIOLATIONS_KEPT + 29}`);
    expect(summary.recent.at(-1)!.documentUrl).toBe("https://shop/30");
    // A day later the dashboard's 24 h window is empty.
    expect((await summaryOf(t.db, new Date(base + 2 * 24 * 3600_000))).recent).toEqual([]);
  });
});
