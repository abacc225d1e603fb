// Test helpers: talk to a real emulator instance over HTTP with hand-built form bodies, the way a shop would.
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { expect } from "vitest";
import { ymd } from "../clock";
import type { EmulatorOptions } from "../config";
import { DEMO_CONTRACT } from "../../lib/escott/demo-contract";
import { startEmulator, type RunningEmulator } from "../server";

export const PATHS = {
  card: "/online/aut/OAUT002.do",
  member: "/online/crp/OCRP005.do",
  token: "/online/atn/OATN005.do",
  cvs: "/online/cnv/OCNV005.do",
  tds: "/online/tds/OTDS010.do",
  createToken: "/euser/stn/CdCreateToken.do",
} as const;

export const CARD = DEMO_CONTRACT.card;
export const CVS = DEMO_CONTRACT.cvs;

export function start(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  return startEmulator({ port: 0, quiet: true, env: {}, ...options });
}

/** Today in Japan by the emulator's clock (which tests may move). */
export function today(emu: RunningEmulator): string {
  return ymd(Date.now() + emu.state.clockOffsetMs);
}

let seq = 0;
/** Unique MerchantFree1 (alphanumeric) so the KBX duplicate check never trips by accident. */
export function mf1(): string {
  seq += 1;
  return `T${Date.now().toString(36)}${process.pid}x${seq}`.slice(0, 32);
}

/** application/x-www-form-urlencoded, PHP style (space → +, UTF-8 percent-encoding), built by hand. */
export function formBody(fields: Record<string, string | undefined>): string {
  return Object.entries(fields)
    .filter((e): e is [string, string] => e[1] !== undefined)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v).replace(/%20/g, "+")}`)
    .join("&");
}

export function parseResponse(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of text.split("&")) {
    const eq = pair.indexOf("=");
    if (eq < 0) continue;
    out[decodeURIComponent(pair.slice(0, eq))] = decodeURIComponent(pair.slice(eq + 1).replace(/\+/g, " "));
  }
  return out;
}

export async function call(emu: RunningEmulator, path: string, fields: Record<string, string | undefined>): Promise<Record<string, string>> {
  const res = await fetch(`${emu.url}${path}`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: formBody(fields),
  });
  expect(res.status).toBe(200);
  return parseResponse(await res.text());
}

export function cardFields(emu: RunningEmulator, operateId: string, extra: Record<string, string | undefined> = {}) {
  return {
    MerchantId: CARD.merchantId,
    MerchantPass: CARD.merchantPass,
    TenantId: CARD.tenantId,
    TransactionDate: today(emu),
    OperateId: operateId,
    MerchantFree1: mf1(),
    MerchantFree2: "order-1",
    ...extra,
  };
}

export function cvsFields(emu: RunningEmulator, operateId: string, extra: Record<string, string | undefined> = {}) {
  return {
    MerchantId: CVS.merchantId,
    MerchantPass: CVS.merchantPass,
    TransactionDate: today(emu),
    OperateId: operateId,
    MerchantFree1: mf1(),
    MerchantFree2: "order-cvs",
    ...extra,
  };
}

export interface CardInput {
  cardNo: string;
  expYY?: string;
  expMM?: string;
  secCd?: string;
  k_TokenNinsyoCode?: string;
}

/** Create a token exactly as the token script does (POST to the emulator's token endpoint). */
export async function createToken(emu: RunningEmulator, input: CardInput): Promise<{ token?: string; maskedCard?: string; errorCode?: string }> {
  const res = await fetch(`${emu.url}${PATHS.createToken}`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: formBody({
      k_TokenNinsyoCode: input.k_TokenNinsyoCode ?? CARD.tokenAuthCode,
      cardNo: input.cardNo,
      expYY: input.expYY ?? "30",
      expMM: input.expMM ?? "12",
      secCd: input.secCd ?? "123",
    }),
  });
  expect(res.status).toBe(200);
  return (await res.json()) as { token?: string; maskedCard?: string; errorCode?: string };
}

export async function token(emu: RunningEmulator, input: CardInput): Promise<string> {
  const created = await createToken(emu, input);
  expect(created.errorCode).toBeUndefined();
  expect(created.token).toMatch(/^[0-9a-f]{32}$/);
  return created.token ?? "";
}

/** 1Auth (or another master) with a fresh token for the card. */
export async function pay(
  emu: RunningEmulator,
  input: CardInput,
  extra: Record<string, string | undefined> = {},
  operateId = "1Auth",
): Promise<Record<string, string>> {
  const t = await token(emu, input);
  return call(emu, PATHS.card, cardFields(emu, operateId, { Amount: "1000", PayType: "01", Token: t, ...extra }));
}

export async function control(emu: RunningEmulator, path: string, body?: unknown, method = "POST"): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(`${emu.url}${path}`, {
    method,
    headers: body === undefined ? {} : { "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

/** A throw-away notification receiver; `statuses` are answered in order (last one repeats). */
export async function receiver(statuses: number[] = [200]): Promise<{
  url: string;
  received: Array<{ body: string; fields: Record<string, string>; headers: IncomingMessage["headers"] }>;
  close(): Promise<void>;
  waitFor(count: number, timeoutMs?: number): Promise<void>;
}> {
  const received: Array<{ body: string; fields: Record<string, string>; headers: IncomingMessage["headers"] }> = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      received.push({ body, fields: parseResponse(body), headers: req.headers });
      const status = statuses[Math.min(received.length - 1, statuses.length - 1)] ?? 200;
      res.writeHead(status, { "Content-Type": "text/plain", Connection: "close" });
      res.end(status === 200 ? "" : "not now");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/notify?shop=1`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
    async waitFor(count, timeoutMs = 5_000) {
      const deadline = Date.now() + timeoutMs;
      while (received.length < count) {
        if (Date.now() > deadline) throw new Error(`expected ${count} notifications, got ${received.length}`);
        await new Promise((r) => setTimeout(r, 10));
      }
    },
  };
}
