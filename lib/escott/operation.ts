import type { z } from "zod";
import { decodeForm, encodeForm, splitResponseCodes } from "./codec";
import { cardCommonFields, cvsCommonFields, FORBIDDEN_REQUEST_FIELDS } from "./common-fields";
import type { CardCredentials, CvsCredentials, EscottConfig } from "./config";
import type { EndpointKind, EscottUrls } from "./hosts";
import { emitCallRecord, maskFields, redactText, secretValuesOf, type EscottCallRecord } from "./log";
import { newTransactionCode, type RandomInt } from "./random";
import { NG_CODE, type EscottFailure, type EscottResult, type NgReason } from "./result";
import { postForm } from "./transport";

// The single path every server-to-server operation takes: validate params → build fields →
// POST → parse → classify → validate the OK answer → log. Operation modules only describe.

export interface ClientContext {
  urls: EscottUrls;
  timeoutMs: number;
  userAgent: string;
  now: () => Date;
  randomInt: RandomInt;
  onCall?: EscottConfig["onCall"];
  card?: CardCredentials;
  cvs?: CvsCredentials;
}

export interface CommonInput {
  orderId?: string;
  userId?: string;
}

export interface BuildContext {
  /** Credentials, TransactionDate, OperateId and MerchantFree1–3 for this operation. */
  common(input: CommonInput): Record<string, string>;
  now: Date;
}

export interface OperationDefinition<P extends { transactionCode?: string }, T> {
  operateId: string;
  endpoint: EndpointKind;
  credentials: "card" | "cvs";
  params: z.ZodType<P>;
  buildFields(params: P, build: BuildContext): Record<string, string>;
  /** Validates a ResponseCd=OK answer and maps it to typed data. */
  response: z.ZodType<T>;
  /** Codes that turn a formally OK answer into a rejection (1TokenSearch's TokenResponseCd). */
  rejectionCodes?(raw: Readonly<Record<string, string>>): string[];
}

function failure(
  operateId: string,
  transactionCode: string,
  reason: NgReason,
  extra: Partial<Omit<EscottFailure, "ok" | "reason" | "operateId" | "transactionCode">> = {},
): EscottFailure {
  return { ok: false, operateId, transactionCode, reason, codes: [NG_CODE], raw: null, durationMs: 0, ...extra };
}

function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`).join("; ");
}

export async function runOperation<P extends { transactionCode?: string }, T>(
  ctx: ClientContext,
  def: OperationDefinition<P, T>,
  input: P,
): Promise<EscottResult<T>> {
  const parsed = def.params.safeParse(input);
  const fallbackCode = typeof input?.transactionCode === "string" ? input.transactionCode : "";
  if (!parsed.success) {
    return failure(def.operateId, fallbackCode, "invalid_request", { detail: describeIssues(parsed.error) });
  }
  const params = parsed.data;
  const transactionCode = params.transactionCode ?? newTransactionCode(ctx.randomInt);
  const now = ctx.now();

  let common: BuildContext["common"];
  if (def.credentials === "card") {
    const card = ctx.card;
    if (!card) return failure(def.operateId, transactionCode, "not_configured", { detail: "card credentials missing" });
    common = (c) => cardCommonFields(card, { operateId: def.operateId, now, transactionCode, ...c });
  } else {
    const cvs = ctx.cvs;
    if (!cvs) return failure(def.operateId, transactionCode, "not_configured", { detail: "cvs credentials missing" });
    common = (c) => cvsCommonFields(cvs, { operateId: def.operateId, now, transactionCode, orderId: c.orderId });
  }

  const fields = def.buildFields(params, { common, now });
  const forbidden = FORBIDDEN_REQUEST_FIELDS.filter((key) => key in fields);
  if (forbidden.length > 0) {
    return failure(def.operateId, transactionCode, "invalid_request", {
      detail: `card data fields are never sent: ${forbidden.join(", ")}`,
    });
  }

  const endpoint = ctx.urls.endpoint(def.endpoint);
  const startedAt = new Date();
  const started = performance.now();
  const outcome = await postForm(endpoint, encodeForm(fields), { timeoutMs: ctx.timeoutMs, userAgent: ctx.userAgent });
  const durationMs = Math.round(performance.now() - started);
  const secrets = secretValuesOf(fields);

  let result: EscottResult<T>;
  let bodyExcerpt: string | undefined;
  if (!outcome.ok) {
    result = failure(def.operateId, transactionCode, outcome.reason, { detail: outcome.detail, durationMs });
  } else {
    const raw = decodeForm(outcome.body);
    const codes = splitResponseCodes(raw?.ResponseCd);
    const httpStatus = outcome.status;
    const base = { durationMs, httpStatus };
    if (raw && codes.length > 0) {
      result = classifyAnswer(def, transactionCode, raw, codes, base);
    } else {
      bodyExcerpt = redactText(outcome.body.slice(0, 200), secrets);
      const reason: NgReason =
        httpStatus < 200 || httpStatus > 299 ? "http_status" : raw ? "no_response_code" : "unparsable_body";
      result = failure(def.operateId, transactionCode, reason, {
        ...base,
        raw,
        detail: reason === "http_status" ? `HTTP ${httpStatus}` : undefined,
      });
    }
  }

  const record: EscottCallRecord = {
    operateId: def.operateId,
    endpoint,
    transactionCode,
    ...(fields.MerchantFree2 ? { orderId: fields.MerchantFree2 } : {}),
    startedAt: startedAt.toISOString(),
    durationMs,
    outcome: result.ok ? "ok" : result.reason === "rejected" ? "rejected" : "error",
    codes: [...result.codes],
    request: maskFields(fields),
    response: result.raw ? maskFields(result.raw) : null,
    ...(result.ok ? {} : { reason: result.reason }),
    ...(result.httpStatus !== undefined ? { httpStatus: result.httpStatus } : {}),
    ...(bodyExcerpt !== undefined ? { bodyExcerpt } : {}),
    ...(!result.ok && result.detail ? { detail: redactText(result.detail, secrets) } : {}),
  };
  emitCallRecord(ctx.onCall, record);
  return result;
}

function classifyAnswer<P extends { transactionCode?: string }, T>(
  def: OperationDefinition<P, T>,
  transactionCode: string,
  raw: Record<string, string>,
  codes: string[],
  base: { durationMs: number; httpStatus: number },
): EscottResult<T> {
  const common = { operateId: def.operateId, transactionCode, raw, ...base, ...(raw.TransactionId ? { transactionId: raw.TransactionId } : {}) };
  if (!(codes.length === 1 && codes[0] === "OK")) {
    const errorCodes = codes.filter((c) => c !== "OK");
    return { ok: false, ...common, reason: "rejected", codes: errorCodes.length > 0 ? errorCodes : codes };
  }
  const extra = def.rejectionCodes?.(raw) ?? [];
  if (extra.length > 0) return { ok: false, ...common, reason: "rejected", codes: extra };
  const data = def.response.safeParse(raw);
  if (!data.success) {
    return { ok: false, ...common, reason: "invalid_response", codes: [NG_CODE], detail: describeIssues(data.error) };
  }
  return { ok: true, ...common, codes: ["OK"], data: data.data };
}
