// Transport and common validation (§1.2, §1.3, §12.1-12.4).
import { request } from "node:http";
import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ymd } from "../clock";
import type { RunningEmulator } from "../server";
import { CARD, CVS, call, cardFields, cvsFields, formBody, mf1, PATHS, start, today } from "./helpers";

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await start();
});
afterAll(() => emu.close());

describe("response format", () => {
  it("answers 200 with Content-Length, Connection: close, no chunking and a single k=v line", async () => {
    const body = formBody(cardFields(emu, "1Search", { ProcessId: "x".repeat(32), ProcessPass: "y".repeat(32) }));
    const { status, headers, text } = await new Promise<{ status: number; headers: Record<string, unknown>; text: string }>((resolve, reject) => {
      const req = request(`${emu.url}${PATHS.card}`, { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded", "Content-Length": Buffer.byteLength(body) } }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString("utf8") }));
      });
      req.on("error", reject);
      req.end(body);
    });
    expect(status).toBe(200);
    expect(headers["content-length"]).toBe(String(Buffer.byteLength(text)));
    expect(headers["transfer-encoding"]).toBeUndefined();
    expect(headers.connection).toBe("close");
    expect(text).not.toMatch(/[\r\n]/);
    expect(text).toMatch(/^[\x21-\x7e]+$/);
    expect(text).toContain("ResponseCd=K12");
  });

  it("gives the body right after the first blank line of the raw HTTP response (how the PHP plugins parse it)", async () => {
    const body = formBody(cardFields(emu, "1Search"));
    const raw = await new Promise<string>((resolve, reject) => {
      const socket = connect(emu.port, "127.0.0.1", () => {
        socket.write(`POST ${PATHS.card} HTTP/1.1\r\nHost: localhost\r\nUser-Agent: SLN_PAYMENT_CLIENT_PG_PHP_VERSION_1_0\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
      });
      const chunks: Buffer[] = [];
      socket.on("data", (c: Buffer) => chunks.push(c));
      socket.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
      socket.on("error", reject);
    });
    const [head, ...rest] = raw.split("\r\n\r\n");
    expect(head).toMatch(/^HTTP\/1\.1 200/);
    const responseBody = rest.join("\r\n\r\n");
    expect(new URLSearchParams(responseBody).get("ResponseCd")).toBe("K10|K11");
  });

  it("echoes OperateId, TransactionDate, MerchantFree1-3 and issues a numeric TransactionId per call", async () => {
    const fields = cardFields(emu, "1Search", { MerchantFree3: "ユーザー42", ProcessId: "a".repeat(32), ProcessPass: "b".repeat(32) });
    const first = await call(emu, PATHS.card, fields);
    const second = await call(emu, PATHS.card, fields);
    expect(first.OperateId).toBe("1Search");
    expect(first.TransactionDate).toBe(fields.TransactionDate);
    expect(first.MerchantFree1).toBe(fields.MerchantFree1);
    expect(first.MerchantFree2).toBe("order-1");
    expect(first.MerchantFree3).toBe("ユーザー42");
    expect(first.TransactionId).toMatch(/^\d{13}$/);
    expect(second.TransactionId).not.toBe(first.TransactionId);
    expect(first.ResponseCd).toBe("K12");
  });

  it("merges query-string and body parameters and treats empty values as absent", async () => {
    const query = formBody({ OperateId: "1Search", MerchantId: CARD.merchantId, MerchantPass: CARD.merchantPass });
    const res = await fetch(`${emu.url}${PATHS.card}?${query}`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: formBody({ TenantId: CARD.tenantId, TransactionDate: today(emu), KaiinId: "", KaiinPass: "", ProcessId: "c".repeat(32), ProcessPass: "d".repeat(32) }),
    });
    const parsed = new URLSearchParams(await res.text());
    // Authenticated via the query string; empty KaiinId is not a (malformed) KaiinId → plain K12 for the unknown id.
    expect(parsed.get("ResponseCd")).toBe("K12");
    expect(parsed.get("OperateId")).toBe("1Search");
  });
});

describe("common validation", () => {
  it("K02 unknown MerchantId, K03 wrong password, K04 wrong TenantId", async () => {
    expect((await call(emu, PATHS.card, cardFields(emu, "1Search", { MerchantId: "99999999" }))).ResponseCd).toBe("K02");
    expect((await call(emu, PATHS.card, cardFields(emu, "1Search", { MerchantPass: "wrong" }))).ResponseCd).toBe("K03");
    expect((await call(emu, PATHS.card, cardFields(emu, "1Search", { TenantId: "0002" }))).ResponseCd).toBe("K04");
    expect((await call(emu, PATHS.member, cardFields(emu, "4MemRefM", { TenantId: undefined }))).ResponseCd).toBe("K04");
  });

  it("K05 for a malformed or far-away TransactionDate, ±1 day tolerated", async () => {
    const yesterday = ymd(Date.now() - 86_400_000);
    const search = (date: string | undefined) => call(emu, PATHS.card, cardFields(emu, "1Search", { TransactionDate: date }));
    expect((await search("2026-01-01")).ResponseCd).toContain("K05");
    expect((await search("20200101")).ResponseCd).toContain("K05");
    expect((await search(undefined)).ResponseCd).toContain("K05");
    expect((await search(yesterday)).ResponseCd).not.toContain("K05");
  });

  it("K06 for OperateIds the endpoint does not serve (3Secure only exists inside EncryptValue)", async () => {
    expect((await call(emu, PATHS.card, cardFields(emu, "3Secure"))).ResponseCd).toBe("K06");
    expect((await call(emu, PATHS.card, cardFields(emu, "4MemAdd"))).ResponseCd).toBe("K06");
    expect((await call(emu, PATHS.token, cardFields(emu, "1Auth"))).ResponseCd).toBe("K06");
    expect((await call(emu, PATHS.cvs, cvsFields(emu, "1Auth"))).ResponseCd).toBe("K06");
  });

  it("K07-K09 MerchantFree limits, several errors joined with |", async () => {
    const res = await call(emu, PATHS.card, cardFields(emu, "1Search", { MerchantFree1: "has space", MerchantFree2: "x".repeat(33), MerchantFree3: "y".repeat(33) }));
    expect(res.ResponseCd).toBe("K07|K08|K09");
    const joined = await call(emu, PATHS.card, cardFields(emu, "1Bogus", { MerchantPass: "nope" }));
    expect(joined.ResponseCd?.split("|")).toEqual(["K03", "K06"]);
  });

  it("the CVS endpoint uses the CVS credentials and does not need TenantId", async () => {
    const withCardCreds = await call(emu, PATHS.cvs, cvsFields(emu, "2Ref", { MerchantId: CARD.merchantId, MerchantPass: CARD.merchantPass }));
    expect(withCardCreds.ResponseCd).toBe("K02");
    const ok = await call(emu, PATHS.cvs, cvsFields(emu, "2Ref", { MerchantId: CVS.merchantId, ProcessId: "e".repeat(32), ProcessPass: "f".repeat(32) }));
    expect(ok.ResponseCd).toBe("K12");
    const cardWithCvsCreds = await call(emu, PATHS.card, cardFields(emu, "1Search", { MerchantId: CVS.merchantId, MerchantFree1: mf1() }));
    expect(cardWithCvsCreds.ResponseCd).toBe("K02");
  });

  it("logs every server call for /_control/state", async () => {
    const fields = cardFields(emu, "1Search");
    await call(emu, PATHS.card, fields);
    const logged = emu.snapshot().calls.find((c) => c.merchantFree1 === fields.MerchantFree1);
    expect(logged?.operateId).toBe("1Search");
    expect(logged?.responseCd).toBe("K10|K11");
  });
});
