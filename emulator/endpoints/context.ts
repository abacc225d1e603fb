// What every endpoint handler gets, plus the lookups several of them share (tokens, members, double submits).
import type { Clock } from "../clock";
import type { Params } from "../codec";
import type { EmulatorConfig } from "../config";
import type { Notifier } from "../notifier";
import { tokenStatus, type EmulatorState, type MemberRecord, type OperationEntry, type TokenRecord } from "../state";
import { TOKEN_PATTERN } from "../validation";

export interface Deps {
  config: EmulatorConfig;
  state: EmulatorState;
  clock: Clock;
  notifier: Notifier;
  log: (line: string) => void;
}

export interface CallContext {
  deps: Deps;
  params: Params;
  /** TransactionId of this call (every call gets one, errors included). */
  transactionId: string;
  /** Set by a handler when the call involves the "slow" test card; the server then delays the answer. */
  slow: boolean;
}

/** Response fields; undefined values are left out. ResponseCd is always set. */
export type Fields = Record<string, string | undefined> & { ResponseCd: string };

export function fail(...codes: string[]): Fields {
  return { ResponseCd: codes.join("|") };
}

export function historyEntry(ctx: CallContext, responseCd: string, extra: Partial<OperationEntry> = {}): OperationEntry {
  return {
    operateId: ctx.params.OperateId ?? "",
    transactionId: ctx.transactionId,
    responseCd,
    at: ctx.deps.clock.now(),
    ...extra,
  };
}

export type Lookup<T> = { ok: true; value: T } | { ok: false; code: string };

/** Token checks in the order KHX (format), KHZ (unknown), KI1 (bad k_TokenNinsyoCode), KI2 (used), KI3 (expired). */
export function lookupToken(deps: Deps, raw: string | undefined): Lookup<TokenRecord> {
  if (raw === undefined || !TOKEN_PATTERN.test(raw.toLowerCase())) return { ok: false, code: "KHX" };
  const token = deps.state.tokens.get(raw.toLowerCase());
  if (!token) return { ok: false, code: "KHZ" };
  const status = tokenStatus(token, deps.clock.now());
  return status === "OK" ? { ok: true, value: token } : { ok: false, code: status };
}

export function consumeToken(deps: Deps, token: TokenRecord, operateId: string): void {
  token.usedAt = deps.clock.now();
  token.usedBy = operateId;
}

export const MEMBER_LOCK_THRESHOLD = 5;

/**
 * KaiinId/KaiinPass authentication: unknown or deleted member → K71; wrong password → K71 and one more failure;
 * after 5 consecutive failures the member is locked (K74, even with the right password) until a reset.
 */
export function authenticateMember(deps: Deps, kaiinId: string, kaiinPass: string): Lookup<MemberRecord> {
  const member = deps.state.members.get(kaiinId);
  if (!member || member.status === "deleted") return { ok: false, code: "K71" };
  if (member.failedLogins >= MEMBER_LOCK_THRESHOLD) return { ok: false, code: "K74" };
  if (member.kaiinPass !== kaiinPass) {
    member.failedLogins += 1;
    deps.state.changed();
    return { ok: false, code: "K71" };
  }
  if (member.failedLogins !== 0) member.failedLogins = 0;
  return { ok: true, value: member };
}

/** Two identical master requests (same MerchantFree1 + OperateId + Amount) within this window → KBX. */
export const DUPLICATE_WINDOW_MS = 10_000;

export function duplicateKey(kind: string, params: Params): string | undefined {
  if (params.MerchantFree1 === undefined) return undefined;
  return `${kind}|${params.OperateId}|${params.MerchantFree1}|${params.Amount ?? ""}`;
}

export function isDuplicate(deps: Deps, key: string | undefined): boolean {
  if (key === undefined) return false;
  const at = deps.state.recentMasters.get(key);
  return at !== undefined && deps.clock.now() - at < DUPLICATE_WINDOW_MS;
}

export function rememberMaster(deps: Deps, key: string | undefined): void {
  if (key === undefined) return;
  const now = deps.clock.now();
  for (const [k, at] of deps.state.recentMasters) if (now - at >= DUPLICATE_WINDOW_MS) deps.state.recentMasters.delete(k);
  deps.state.recentMasters.set(key, now);
}
