// HTTP server and the programmatic entry point `startEmulator` (used by main.ts, the shop's launcher and tests).
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { Clock } from "./clock";
import { encodeForm, mergeQueryAndBody, parseForm } from "./codec";
import { resolveConfig, type EmulatorConfig, type EmulatorOptions } from "./config";
import { controlState, handleControl, type ControlDeps } from "./control";
import { fail, type CallContext, type Fields } from "./endpoints/context";
import { runServerCall, SERVER_ENDPOINTS, withEchoes } from "./endpoints/index";
import { FaultInjector, type FaultRule } from "./faults";
import { Notifier } from "./notifier";
import { handleJlpconPay, JLPCON_PATHS, renderJlpcon } from "./pages/jlpcon";
import { handleLinkStart, handleLinkSubmit, LINK_PATH, LINK_SUBMIT_PATH } from "./pages/link";
import { renderOperator } from "./pages/operator";
import { handleTdsChallenge, handleTdsStart, TDS_CHALLENGE_PATH, TDS_PATH } from "./pages/three-d-secure";
import { createToken, renderTokenScript, TOKEN_CREATE_PATH, TOKEN_SCRIPT_PATH } from "./pages/token-script";
import { StatePersistence } from "./persistence";
import { CallTimings } from "./timings";
import { EmulatorState } from "./state";
import type { EndpointKind } from "./validation";

export interface RunningEmulator {
  /** Base URL for server-to-server calls, e.g. http://127.0.0.1:4010. */
  url: string;
  /** Base URL used in pages shown to browsers (EMULATOR_PUBLIC_URL or http://localhost:<port>). */
  publicUrl: string;
  port: number;
  config: EmulatorConfig;
  /** Live state (tests may inspect it directly; prefer snapshot() for assertions). */
  state: EmulatorState;
  faults: FaultInjector;
  notifier: Notifier;
  /** Per-call durations and the artificial latency (same as /_control/calls, /_control/latency). */
  timings: CallTimings;
  /** Same JSON as GET /_control/state. */
  snapshot(): ReturnType<typeof controlState>;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 1_000_000;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error("request body too large"));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

/** Fixed-length response, no chunked encoding, connection closed afterwards (§1.3: clients read until EOF). */
function send(res: ServerResponse, status: number, contentType: string, body: string, headers: Record<string, string> = {}): void {
  if (res.destroyed || res.writableEnded) return;
  const buffer = Buffer.from(body, "utf8");
  res.writeHead(status, {
    "Content-Type": contentType,
    "Content-Length": String(buffer.length),
    Connection: "close",
    "Cache-Control": "no-store",
    ...headers,
  });
  res.end(buffer);
}

const CORS = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Methods": "POST, OPTIONS",
  "Access-Control-Allow-Headers": "Content-Type",
  "Access-Control-Max-Age": "600",
};

function serverUrl(host: string, port: number): string {
  const wildcard = host === "0.0.0.0" || host === "::" || host === "";
  const h = wildcard ? "127.0.0.1" : host.includes(":") ? `[${host}]` : host;
  return `http://${h}:${port}`;
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const config = resolveConfig(options);
  const state = new EmulatorState();
  const persistence = config.stateFile ? new StatePersistence(state, config.stateFile) : undefined;
  const restored = persistence?.load() ?? false;
  persistence?.attach();

  const clock = new Clock(() => state.clockOffsetMs);
  const log = config.quiet ? () => {} : (line: string) => console.log(`[e-scott-emulator] ${line}`);
  const notifier = new Notifier(state, config, () => clock.now(), log);
  const faults = new FaultInjector();
  const timings = new CallTimings(config.latencyMs);
  const deps: ControlDeps = { config, state, clock, notifier, log, faults, timings };
  if (restored) log(`state restored from ${config.stateFile}`);

  let publicUrl = config.publicUrl ?? "";
  let closing = false;
  /** Delayed answers (slow card) waiting to be sent: resolved early with false when the emulator closes. */
  const sleepers = new Set<{ timer: ReturnType<typeof setTimeout>; resolve: (sent: boolean) => void }>();
  /** Sockets held open by the "timeout" fault. */
  const hanging = new Map<Socket, ReturnType<typeof setTimeout>>();

  const sleep = (ms: number) =>
    new Promise<boolean>((resolve) => {
      const sleeper = { timer: setTimeout(() => (sleepers.delete(sleeper), resolve(true)), ms), resolve };
      sleepers.add(sleeper);
    });

  function applyFault(rule: FaultRule, req: IncomingMessage, res: ServerResponse): void {
    const socket = req.socket;
    switch (rule.mode) {
      case "timeout": {
        // Say nothing; the client's read timeout fires first. Close eventually so sockets do not pile up.
        const timer = setTimeout(() => socket.destroy(), config.hangMs);
        hanging.set(socket, timer);
        socket.once("close", () => {
          clearTimeout(timer);
          hanging.delete(socket);
        });
        return;
      }
      case "reset":
        if (typeof socket.resetAndDestroy === "function") socket.resetAndDestroy();
        else socket.destroy();
        return;
      case "garbage":
        send(res, 200, "text/html; charset=UTF-8", "<html>oops</html>");
        return;
      case "http500":
        send(res, 500, "text/html; charset=UTF-8", "<html><body><h1>500 Internal Server Error</h1></body></html>");
        return;
    }
  }

  async function serverCall(kind: EndpointKind, path: string, req: IncomingMessage, res: ServerResponse, query: string, body: string, startedAt: number) {
    const params = mergeQueryAndBody(query, body);
    const transactionId = state.nextTransactionId();
    const fault = faults.take(params.OperateId);
    const entry = { at: clock.now(), path, operateId: params.OperateId, merchantFree1: params.MerchantFree1, transactionId };
    if (fault && !fault.afterProcessing) {
      state.logCall({ ...entry, fault: fault.mode });
      log(`${path} ${params.OperateId ?? "?"} ${params.MerchantFree1 ?? ""} → fault ${fault.mode}`);
      applyFault(fault, req, res);
      return;
    }

    const ctx: CallContext = { deps, params, transactionId, slow: false };
    let fields: Fields;
    try {
      fields = runServerCall(kind, ctx);
    } catch (e) {
      console.error("[e-scott-emulator] internal error", e);
      fields = fail("K99");
    }
    state.logCall({ ...entry, responseCd: fields.ResponseCd, slow: ctx.slow || undefined, fault: fault?.mode });
    state.changed();
    log(`${path} ${params.OperateId ?? "?"} ${params.MerchantFree1 ?? ""} → ${fields.ResponseCd}${ctx.slow ? ` (slow card: answering in ${config.slowMs} ms)` : ""}${fault ? ` then fault ${fault.mode}` : ""}`);

    if (fault) {
      applyFault(fault, req, res);
      return;
    }
    if (ctx.slow && !(await sleep(config.slowMs))) return;
    if (timings.latencyMs > 0 && !(await sleep(timings.latencyMs))) return;
    send(res, 200, "text/plain; charset=UTF-8", encodeForm(withEchoes(ctx, fields)));
    timings.record({ at: entry.at, path, operateId: params.OperateId, merchantFree1: params.MerchantFree1, responseCd: fields.ResponseCd, durationMs: performance.now() - startedAt });
  }

  function controlBody(req: IncomingMessage, body: string): Record<string, unknown> | undefined {
    const type = req.headers["content-type"] ?? "";
    if (body.trim() === "") return {};
    if (type.includes("json") || /^\s*[{[]/.test(body)) {
      try {
        const parsed: unknown = JSON.parse(body);
        return typeof parsed === "object" && parsed !== null ? (parsed as Record<string, unknown>) : undefined;
      } catch {
        return undefined;
      }
    }
    return { ...parseForm(body) };
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const startedAt = performance.now();
    const url = new URL(req.url ?? "/", "http://emulator.invalid");
    const path = url.pathname;
    const method = req.method ?? "GET";
    const query = url.search.slice(1);

    if (path === TOKEN_CREATE_PATH && method === "OPTIONS") {
      res.writeHead(204, { ...CORS, "Content-Length": "0", Connection: "close" });
      res.end();
      return;
    }
    const body = method === "GET" || method === "HEAD" ? "" : await readBody(req);

    const kind = SERVER_ENDPOINTS[path];
    if (kind) return serverCall(kind, path, req, res, query, body, startedAt);

    if (path === TOKEN_SCRIPT_PATH && method === "GET") {
      const code = url.searchParams.get("k_TokenNinsyoCode") ?? "";
      send(res, 200, "application/javascript; charset=UTF-8", renderTokenScript(code, publicUrl));
      return;
    }
    if (path === TOKEN_CREATE_PATH && method === "POST") {
      const created = createToken(deps, mergeQueryAndBody(query, body));
      send(res, 200, "application/json; charset=UTF-8", JSON.stringify(created), CORS);
      return;
    }
    if (path === TDS_PATH && method === "POST") {
      const result = handleTdsStart(deps, mergeQueryAndBody(query, body));
      send(res, result.status, "text/html; charset=UTF-8", result.html);
      return;
    }
    if (path === TDS_CHALLENGE_PATH && method === "POST") {
      const result = handleTdsChallenge(deps, mergeQueryAndBody(query, body));
      send(res, result.status, "text/html; charset=UTF-8", result.html);
      return;
    }
    if (path === LINK_PATH) {
      const result = handleLinkStart(deps, mergeQueryAndBody(query, body));
      send(res, result.status, "text/html; charset=UTF-8", result.html);
      return;
    }
    if (path === LINK_SUBMIT_PATH && method === "POST") {
      const result = handleLinkSubmit(deps, mergeQueryAndBody(query, body));
      send(res, result.status, "text/html; charset=UTF-8", result.html);
      return;
    }
    if (JLPCON_PATHS.includes(path)) {
      const result = method === "POST" ? handleJlpconPay(deps, path, mergeQueryAndBody(query, body)) : renderJlpcon(deps, path, parseForm(query));
      if ("location" in result) send(res, 303, "text/plain; charset=UTF-8", "", { Location: result.location });
      else send(res, result.status, "text/html; charset=UTF-8", result.html);
      return;
    }
    if (path.startsWith("/_control/")) {
      const input = controlBody(req, body);
      if (input === undefined) {
        send(res, 400, "application/json; charset=UTF-8", JSON.stringify({ error: "body must be a JSON object or a form" }));
        return;
      }
      const redirect = typeof input._redirect === "string" && input._redirect.startsWith("/") ? input._redirect : undefined;
      const result = handleControl(deps, method, path, input);
      if (redirect && result.status === 200) {
        send(res, 303, "text/plain; charset=UTF-8", "", { Location: redirect });
        return;
      }
      send(res, result.status, "application/json; charset=UTF-8", JSON.stringify(result.body, null, 1));
      return;
    }
    if (path === "/" && method === "GET") {
      send(res, 200, "text/html; charset=UTF-8", renderOperator(deps, publicUrl));
      return;
    }
    send(res, 404, "text/plain; charset=UTF-8", `Not found: ${method} ${path}`);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      console.error("[e-scott-emulator] request failed", e);
      send(res, 500, "text/plain; charset=UTF-8", "emulator error");
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(config.port, config.host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  publicUrl = config.publicUrl ?? `http://localhost:${port}`;
  notifier.resumePending();

  return {
    url: serverUrl(config.host, port),
    publicUrl,
    port,
    config,
    state,
    faults,
    notifier,
    timings,
    snapshot: () => controlState(deps),
    async close() {
      if (closing) return;
      closing = true;
      notifier.close();
      for (const sleeper of sleepers) {
        clearTimeout(sleeper.timer);
        sleeper.resolve(false);
      }
      sleepers.clear();
      for (const [socket, timer] of hanging) {
        clearTimeout(timer);
        socket.destroy();
      }
      hanging.clear();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      persistence?.detach();
    },
  };
}

