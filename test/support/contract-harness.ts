// Contract-test harness: the real e-SCOTT client (lib/escott) against the real emulator (emulator/) over HTTP.
// The emulator runs in-process on a free port, but the client reaches it only through `baseUrlOverride`, and the
// tests drive the emulator only through its HTTP surface (server endpoints, browser pages, /_control/...).
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { expect } from "vitest";
import { startEmulator, type EmulatorOptions, type RunningEmulator } from "@/emulator";
import { createEscottClient, type EscottClient } from "@/lib/escott/client";
import { DEMO_CONTRACT } from "@/lib/escott/demo-contract";
import type { EscottCallRecord } from "@/lib/escott/log";
import type { EscottFailure, EscottResult, EscottSuccess, NgReason } from "@/lib/escott/result";
import { TEST_CARDS, tokenCardInput, type TestCardName, type TokenCardInput } from "@/lib/escott/test-cards";

// ---- cards (lib/escott/test-cards.ts, emulator/README.md "Test cards") ------------------------------------------

/** Card fields as the token endpoints take them (any card, listed or not). */
export type TestCardInput = TokenCardInput;

/** The shared test cards, by the same names, in the token endpoints' shape. */
export const CARDS = Object.fromEntries(Object.entries(TEST_CARDS).map(([name, card]) => [name, tokenCardInput(card)])) as Record<TestCardName, TestCardInput>;

/** JSON of GET /_control/state (the state snapshot plus notifyUrl and faults). */
export type ControlState = ReturnType<RunningEmulator["snapshot"]>;

// ---- harness ----------------------------------------------------------------------------------------------------

export interface ContractHarness {
  emu: RunningEmulator;
  client: EscottClient;
  /** onCall records of every server-to-server call the client made. */
  calls: EscottCallRecord[];
  /** JSON control API call; `status` is the HTTP status. */
  control<T = Record<string, unknown>>(path: string, body?: unknown, method?: string): Promise<{ status: number; json: T }>;
  /** GET /_control/state. */
  state(): Promise<ControlState>;
  /** POST /_control/reset (state, faults, clock, forced 3DS result, notification URL). */
  reset(): Promise<void>;
  /** Token the way the browser script creates it: form POST to /euser/stn/CdCreateToken.do. */
  browserToken(card: TestCardInput, tokenAuthCode?: string): Promise<{ token: string; maskedCard: string }>;
  /** Token through POST /_control/token. */
  controlToken(card: TestCardInput): Promise<{ token: string; maskedCard: string }>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  /** Client deadline; short for fault tests. */
  timeoutMs?: number;
  emulator?: EmulatorOptions;
}

const TOKEN_CREATE_PATH = "/euser/stn/CdCreateToken.do";

export async function startHarness(options: HarnessOptions = {}): Promise<ContractHarness> {
  const emu = await startEmulator({ hangMs: 2_000, ...options.emulator, port: 0, env: {}, quiet: true });
  const calls: EscottCallRecord[] = [];
  const client = createEscottClient({
    mode: "test",
    baseUrlOverride: emu.url,
    timeoutMs: options.timeoutMs ?? 5_000,
    card: { ...DEMO_CONTRACT.card },
    cvs: { ...DEMO_CONTRACT.cvs },
    onCall: (record) => {
      calls.push(record);
    },
  });

  async function control<T>(path: string, body?: unknown, method = "POST"): Promise<{ status: number; json: T }> {
    const res = await fetch(`${emu.url}${path}`, {
      method,
      headers: body === undefined ? {} : { "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, json: (await res.json()) as T };
  }

  async function browserToken(card: TestCardInput, tokenAuthCode: string = DEMO_CONTRACT.card.tokenAuthCode) {
    // Same nine fields, same encoding and same endpoint as SpsvApi.spsvCreateToken in the emulator's token script.
    const res = await fetch(`${emu.url}${TOKEN_CREATE_PATH}`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        k_TokenNinsyoCode: tokenAuthCode,
        cardNo: card.cardNo,
        expYY: card.expYY,
        expMM: card.expMM,
        secCd: card.secCd,
        birthMM: "",
        birthDD: "",
        telNo: "",
        kanaSei: "",
        kanaMei: "",
      }),
    });
    expect(res.status).toBe(200);
    const created = (await res.json()) as { token?: string; maskedCard?: string; errorCode?: string };
    expect(created.errorCode).toBeUndefined();
    expect(created.token).toMatch(/^[0-9a-f]{32}$/);
    return { token: created.token ?? "", maskedCard: created.maskedCard ?? "" };
  }

  async function controlToken(card: TestCardInput) {
    const { status, json } = await control<{ token?: string; maskedCard?: string }>("/_control/token", card);
    expect(status).toBe(200);
    expect(json.token).toMatch(/^[0-9a-f]{32}$/);
    return { token: json.token ?? "", maskedCard: json.maskedCard ?? "" };
  }

  return {
    emu,
    client,
    calls,
    control,
    async state() {
      const { status, json } = await control<ControlState>("/_control/state", undefined, "GET");
      expect(status).toBe(200);
      return json;
    },
    async reset() {
      const { status } = await control("/_control/reset");
      expect(status).toBe(200);
      calls.length = 0;
    },
    browserToken,
    controlToken,
    close: () => emu.close(),
  };
}

// ---- result assertions ------------------------------------------------------------------------------------------

/** Asserts ResponseCd=OK and returns the narrowed result; the message names the codes when it was not. */
export function expectOk<T>(result: EscottResult<T>): EscottSuccess<T> {
  if (!result.ok) {
    throw new Error(`expected ${result.operateId} OK, got ${result.reason} ${result.codes.join("|")} ${result.detail ?? ""}`);
  }
  expect(result.codes).toEqual(["OK"]);
  expect(result.raw.ResponseCd).toBe("OK");
  return result;
}

/** Asserts an e-SCOTT rejection with exactly these codes. */
export function expectRejected<T>(result: EscottResult<T>, codes: string[]): EscottFailure {
  if (result.ok) throw new Error(`expected ${result.operateId} to be rejected with ${codes.join("|")}, got OK`);
  expect({ reason: result.reason, codes: result.codes }).toEqual({ reason: "rejected", codes });
  return result;
}

/** Asserts the pseudo-code NG with this machine-readable reason. */
export function expectNg<T>(result: EscottResult<T>, reason: NgReason): EscottFailure {
  if (result.ok) throw new Error(`expected ${result.operateId} NG/${reason}, got OK`);
  expect({ reason: result.reason, codes: result.codes }).toEqual({ reason, codes: ["NG"] });
  return result;
}

// ---- identifiers ------------------------------------------------------------------------------------------------

let sequence = 0;

/** Unique MerchantFree2 (printable ASCII ≤ 32). */
export function newOrderId(prefix = "ord"): string {
  sequence += 1;
  return `${prefix}-${process.pid}-${Date.now().toString(36)}-${sequence}`.slice(0, 32);
}

/** Unique KaiinId/KaiinPass pair in the plugins' format (client helper). */
export function newMember(client: EscottClient): { kaiinId: string; kaiinPass: string; userId: string } {
  sequence += 1;
  const userId = `u${sequence}`;
  return { ...client.member.newCredentials(userId), userId };
}

// ---- polling ----------------------------------------------------------------------------------------------------

/** Polls `probe` until it returns a value other than undefined (or throws after timeoutMs). */
export async function waitFor<T>(probe: () => T | undefined | Promise<T | undefined>, what: string, timeoutMs = 3_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

// ---- a throw-away "shop" (notification receiver / 3DS RedirectUrl) ----------------------------------------------

export interface ShopRequest {
  method: string;
  /** Path and query string as received. */
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** Body decoded as application/x-www-form-urlencoded (what the shop's route handler would read). */
  form: URLSearchParams;
}

export interface Shop {
  /** Base URL, e.g. http://127.0.0.1:53117 */
  url: string;
  requests: ShopRequest[];
  close(): Promise<void>;
}

/** A local node:http server that records every request and answers 200 with an empty body. */
export async function startShop(): Promise<Shop> {
  const requests: ShopRequest[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      requests.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers, body, form: new URLSearchParams(body) });
      res.writeHead(200, { "Content-Type": "text/plain", "Content-Length": "0", Connection: "close" });
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

// ---- HTML forms (what a browser would read from the emulator's pages) --------------------------------------------

export interface HtmlInput {
  name: string;
  value: string;
  type: string;
  checked: boolean;
}

export interface HtmlForm {
  method: string;
  /** Attribute value as written (entities decoded), not resolved against the page URL. */
  action: string;
  inputs: HtmlInput[];
}

const NAMED_ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, entity: string) => {
    if (entity[0] === "#") {
      const code = entity[1] === "x" || entity[1] === "X" ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[entity.toLowerCase()] ?? whole;
  });
}

function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([A-Za-z_:][-\w:.]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g)) {
    const name = (m[1] ?? "").toLowerCase();
    if (name in out) continue;
    out[name] = decodeEntities(m[2] ?? m[3] ?? m[4] ?? "");
  }
  return out;
}

/** Every <form> of a page with its inputs, as a browser sees them. */
export function parseForms(html: string): HtmlForm[] {
  const forms: HtmlForm[] = [];
  for (const m of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/gi)) {
    const attrs = attributes(m[1] ?? "");
    const inputs: HtmlInput[] = [];
    for (const input of (m[2] ?? "").matchAll(/<input\b([^>]*)>/gi)) {
      const a = attributes(input[1] ?? "");
      if (!a.name) continue;
      inputs.push({ name: a.name, value: a.value ?? "", type: (a.type ?? "text").toLowerCase(), checked: "checked" in a });
    }
    forms.push({ method: (attrs.method ?? "get").toLowerCase(), action: attrs.action ?? "", inputs });
  }
  return forms;
}

/** The fields a browser would submit: every non-radio input, and checked radios (or `choose` overrides). */
export function formFields(form: HtmlForm, choose: Record<string, string> = {}): URLSearchParams {
  const out = new URLSearchParams();
  for (const input of form.inputs) {
    if (input.name in choose) continue;
    if ((input.type === "radio" || input.type === "checkbox") && !input.checked) continue;
    out.append(input.name, input.value);
  }
  for (const [name, value] of Object.entries(choose)) out.append(name, value);
  return out;
}

/** POST a form the way a browser submits it (application/x-www-form-urlencoded), without following redirects. */
export async function submitForm(url: string, fields: URLSearchParams): Promise<{ status: number; html: string; location: string | null }> {
  const res = await fetch(url, { method: "POST", body: fields, redirect: "manual" });
  return { status: res.status, html: await res.text(), location: res.headers.get("location") };
}
