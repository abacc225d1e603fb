import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEscottClient } from "./client";
import type { EscottCallRecord } from "./log";
import { answer, startTestServer, type TestServer } from "@/test/support/escott-server";

const card = {
  merchantId: "32000001",
  merchantPass: "EmuCardPass01",
  tenantId: "0001",
  tokenAuthCode: "EMUTOKEN0001",
};
const PROCESS = { orderId: "ord_1", processId: "P".repeat(32), processPass: "Q".repeat(30) + "zz" };

let server: TestServer;
let records: EscottCallRecord[] = [];

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

function search(timeoutMs = 2_000, baseUrl = server.baseUrl) {
  records = [];
  const client = createEscottClient({
    mode: "test",
    baseUrlOverride: baseUrl,
    card,
    timeoutMs,
    onCall: (r) => {
      records.push(r);
    },
  });
  return client.card.search(PROCESS);
}

describe("transport: request shape", () => {
  it("POSTs a form body with Content-Length and Connection: close", async () => {
    server.setHandler((_req, res) => answer(res, "ResponseCd=OK"));
    await search();
    const request = server.requests.at(-1);
    expect(request?.method).toBe("POST");
    expect(request?.headers["content-type"]).toBe("application/x-www-form-urlencoded");
    expect(request?.headers.connection).toBe("close");
    expect(Number(request?.headers["content-length"])).toBe(Buffer.byteLength(request?.body ?? "x"));
    expect(request?.headers["transfer-encoding"]).toBeUndefined();
  });
});

describe("transport: bodies", () => {
  it("reads a normal Content-Length body", async () => {
    server.setHandler((_req, res) => answer(res, "ResponseCd=OK&Amount=1200&SalesDate=20250401"));
    expect(await search()).toMatchObject({ ok: true, data: { amount: 1200, salesDate: "20250401" } });
  });

  it("reads a chunked body split mid-field", async () => {
    server.setHandler((_req, res) => {
      res.writeHead(200, { "Content-Type": "text/plain" });
      res.write("ResponseCd=O");
      setTimeout(() => {
        res.write("K&Amount=12");
        res.end("00\r\n");
      }, 20);
    });
    expect(await search()).toMatchObject({ ok: true, data: { amount: 1200 } });
  });

  it("a non-2xx status with a ResponseCd is judged by the body, not the status", async () => {
    server.setHandler((_req, res) => answer(res, "ResponseCd=K12", 500));
    expect(await search()).toMatchObject({ ok: false, reason: "rejected", codes: ["K12"], httpStatus: 500 });
  });
});

describe("transport failures → NG with a reason", () => {
  it("HTTP 500 without ResponseCd → http_status", async () => {
    server.setHandler((_req, res) => answer(res, "<html>Internal Server Error</html>", 500));
    const result = await search();
    expect(result).toMatchObject({ ok: false, reason: "http_status", codes: ["NG"], httpStatus: 500, raw: null });
    expect(records[0]).toMatchObject({ outcome: "error", reason: "http_status", bodyExcerpt: "<html>Internal Server Error</html>" });
  });

  it("garbage body → unparsable_body", async () => {
    server.setHandler((_req, res) => answer(res, "<html><body>maintenance</body></html>"));
    expect(await search()).toMatchObject({ ok: false, reason: "unparsable_body", codes: ["NG"] });
  });

  it("empty body → unparsable_body", async () => {
    server.setHandler((_req, res) => answer(res, ""));
    expect(await search()).toMatchObject({ ok: false, reason: "unparsable_body" });
  });

  it("fields but no ResponseCd → no_response_code", async () => {
    server.setHandler((_req, res) => answer(res, "OperateId=1Search&TransactionId=1"));
    const result = await search();
    expect(result).toMatchObject({ ok: false, reason: "no_response_code", codes: ["NG"] });
    expect(result.raw).toEqual({ OperateId: "1Search", TransactionId: "1" });
  });

  it("no answer within timeoutMs → timeout", async () => {
    server.setHandler(() => undefined);
    const started = Date.now();
    const result = await search(150);
    expect(result).toMatchObject({ ok: false, reason: "timeout", codes: ["NG"] });
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(result.durationMs).toBeGreaterThanOrEqual(140);
  });

  it("headers sent but the body stalls → timeout", async () => {
    server.setHandler((_req, res) => {
      res.writeHead(200, { "Content-Length": "100" });
      res.write("ResponseCd=OK");
    });
    expect(await search(150)).toMatchObject({ ok: false, reason: "timeout" });
  });

  it("socket destroyed before answering → connection_reset", async () => {
    server.setHandler((_req, res) => res.socket?.destroy());
    expect(await search()).toMatchObject({ ok: false, reason: "connection_reset", codes: ["NG"] });
  });

  it("socket destroyed mid-body → connection_reset", async () => {
    server.setHandler((_req, res) => {
      res.writeHead(200, { "Content-Length": "200" });
      res.write("ResponseCd=OK&Amount=1", () => setTimeout(() => res.socket?.destroy(), 10));
    });
    expect(await search()).toMatchObject({ ok: false, reason: "connection_reset" });
  });

  it("nobody listening → connection_failed", async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const result = await search(2_000, `http://127.0.0.1:${port}`);
    expect(result).toMatchObject({ ok: false, reason: "connection_failed", codes: ["NG"] });
    if (!result.ok) expect(result.detail).toBe("ECONNREFUSED");
  });

  it("an echoed secret in a garbage body is redacted in the log record", async () => {
    server.setHandler((req, res) => answer(res, `<pre>${req.body}</pre>`, 502));
    await search();
    const json = JSON.stringify(records);
    expect(records[0]?.bodyExcerpt).toContain("<pre>");
    expect(json).not.toContain(card.merchantPass);
    expect(json).not.toContain(PROCESS.processPass);
  });
});
