// Control API (/_control/...): JSON endpoints for the shop's tests and the operator page's buttons. Emulator-only;
// nothing here exists at Sony Payment Services.
import type { Deps } from "./endpoints/context";
import { CVS_CODES, payRegistration } from "./endpoints/cvs";
import type { FaultInjector } from "./faults";
import type { CallTimings } from "./timings";
import { createToken } from "./pages/token-script";
import { cvsStatus, snapshotState } from "./state";
import { SECURE_RESULT_CODES } from "./tds-values";
import { isHttpUrl } from "./validation";
import { emptyParams } from "./codec";

export interface ControlDeps extends Deps {
  faults: FaultInjector;
  timings: CallTimings;
}

export interface ControlResponse {
  status: number;
  body: unknown;
}

type Body = Record<string, unknown>;

const ok = (body: unknown): ControlResponse => ({ status: 200, body });
const bad = (status: number, error: string): ControlResponse => ({ status, body: { error } });

function str(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  const s = String(value);
  return s === "" ? undefined : s;
}

function bool(value: unknown, fallback: boolean): boolean {
  if (value === undefined || value === null || value === "") return fallback;
  if (typeof value === "boolean") return value;
  return !["false", "0", "off", "no"].includes(String(value).toLowerCase());
}

function num(value: unknown): number | undefined {
  if (value === undefined || value === null || value === "") return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? n : undefined;
}

export function controlState(deps: ControlDeps) {
  return {
    ...snapshotState(deps.state, deps.clock.now()),
    notifyUrl: deps.notifier.url,
    faults: deps.faults.list(),
  };
}

export function handleControl(deps: ControlDeps, method: string, path: string, body: Body): ControlResponse {
  const { state, clock, notifier, faults } = deps;
  const route = path.replace(/\/+$/, "");

  if (method === "GET" && route === "/_control/health") return ok({ ok: true });
  if (method === "GET" && route === "/_control/state") return ok(controlState(deps));
  if (method === "GET" && route === "/_control/faults") return ok({ faults: faults.list() });
  if (method === "GET" && route === "/_control/latency") return ok({ latencyMs: deps.timings.latencyMs });
  if (method === "GET" && route === "/_control/calls") return ok({ latencyMs: deps.timings.latencyMs, calls: deps.timings.list() });
  if (method === "DELETE" && route === "/_control/calls") {
    deps.timings.clear();
    return ok({ calls: [] });
  }

  if (method === "DELETE" && route === "/_control/faults") {
    faults.clear();
    return ok({ faults: [] });
  }
  if (method !== "POST") return bad(405, `${method} not supported on ${route}`);

  switch (route) {
    case "/_control/reset":
      notifier.cancelAll();
      state.reset();
      faults.clear();
      notifier.url = deps.config.notifyUrl;
      deps.log("control: state reset");
      return ok({ reset: true });

    case "/_control/faults": {
      if (bool(body.clear, false)) {
        faults.clear();
        return ok({ faults: [] });
      }
      try {
        const rule = faults.add({
          mode: str(body.mode) ?? "",
          count: num(body.count),
          operateId: str(body.operateId),
          afterProcessing: bool(body.afterProcessing, false),
        });
        deps.log(`control: fault ${rule.mode} ×${rule.remaining}${rule.operateId ? ` for ${rule.operateId}` : ""}`);
        return ok({ rule, faults: faults.list() });
      } catch (e) {
        return bad(400, (e as Error).message);
      }
    }
    case "/_control/faults/clear":
      faults.clear();
      return ok({ faults: [] });

    case "/_control/clock": {
      const offset = num(body.offsetMs);
      const advance = num(body.advanceMs);
      if (offset === undefined && advance === undefined) return bad(400, "offsetMs or advanceMs (number) required");
      state.clockOffsetMs = offset ?? state.clockOffsetMs + (advance ?? 0);
      state.changed();
      return ok({ offsetMs: state.clockOffsetMs, now: new Date(clock.now()).toISOString() });
    }

    case "/_control/latency": {
      const ms = num(body.ms);
      if (ms === undefined || !Number.isInteger(ms) || ms < 0 || ms > 60_000) return bad(400, "ms must be an integer from 0 to 60000");
      deps.timings.latencyMs = ms;
      deps.log(`control: latency ${ms} ms per server call`);
      return ok({ latencyMs: ms });
    }

    case "/_control/next-3ds": {
      const code = str(body.secureResultCode);
      if (code !== undefined && !(SECURE_RESULT_CODES as readonly string[]).includes(code)) {
        return bad(400, `secureResultCode must be one of ${SECURE_RESULT_CODES.join(", ")} (or empty to clear)`);
      }
      state.nextSecureResultCode = code;
      state.changed();
      return ok({ nextSecureResultCode: code ?? null });
    }

    case "/_control/notify-url": {
      const url = str(body.url);
      if (url === undefined || !isHttpUrl(url)) return bad(400, "url must be an absolute http(s) URL");
      notifier.url = url;
      deps.log(`control: notification URL → ${url}`);
      return ok({ notifyUrl: url });
    }

    case "/_control/token": {
      const params = emptyParams();
      for (const key of ["cardNo", "expYY", "expMM", "secCd", "birthMM", "birthDD", "telNo", "kanaSei", "kanaMei", "k_TokenNinsyoCode"]) {
        const value = str(body[key]);
        if (value !== undefined) params[key] = value;
      }
      params.k_TokenNinsyoCode ??= deps.config.card.tokenAuthCode;
      const created = createToken(deps, params);
      return "errorCode" in created ? { status: 400, body: created } : ok(created);
    }
  }

  const cvsRoute = /^\/_control\/cvs\/([^/]+)\/(pay|notify|notify-duplicate|expire)$/.exec(route);
  if (cvsRoute) {
    const key = decodeURIComponent(cvsRoute[1] ?? "");
    const reg = state.findCvs(key);
    if (!reg) return bad(404, `no CVS registration with FreeArea, MerchantFree1 or ProcessId "${key}"`);
    const status = () => cvsStatus(reg, clock.now());
    switch (cvsRoute[2]) {
      case "pay": {
        const cvsCd = str(body.cvsCd) ?? "SEV";
        if (!CVS_CODES.has(cvsCd)) return bad(400, `unknown cvsCd ${cvsCd}`);
        const before = state.notifications.length;
        const paid = payRegistration(deps, reg, cvsCd, bool(body.notify, true));
        if (!paid.ok) return bad(409, `registration is ${paid.status}`);
        return ok({ status: status(), payment: reg.payment, notification: state.notifications[before] ?? null });
      }
      case "notify":
        if (!reg.payment) return bad(409, `registration is ${status()}, not paid`);
        return ok({ notification: notifier.send(reg, "resend") });
      case "notify-duplicate":
        if (!reg.payment) return bad(409, `registration is ${status()}, not paid`);
        return ok({ notifications: [notifier.send(reg, "duplicate"), notifier.send(reg, "duplicate")] });
      case "expire":
        if (status() !== "UNPAID") return bad(409, `registration is ${status()}`);
        reg.forcedExpired = true;
        state.changed();
        return ok({ status: status() });
    }
  }
  return bad(404, `unknown control endpoint ${method} ${route}`);
}
