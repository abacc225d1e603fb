/**
 * Why a call ended with the pseudo-code `NG` (or, for `rejected`, with e-SCOTT's own codes).
 * - transport: timeout, connection_reset, connection_failed
 * - answer without a usable ResponseCd: http_status (non-2xx), unparsable_body, no_response_code
 * - invalid_response: ResponseCd=OK but a field the operation must return is missing/malformed
 * - rejected: e-SCOTT answered with error codes (see `codes`)
 * - invalid_request / not_configured: nothing was sent
 */
export type NgReason =
  | "timeout"
  | "connection_reset"
  | "connection_failed"
  | "http_status"
  | "unparsable_body"
  | "no_response_code"
  | "invalid_response"
  | "rejected"
  | "invalid_request"
  | "not_configured";

/** The placeholder code the vendor's WooCommerce plugins use for "no answer from e-SCOTT" (docs/escott-protocol.md §9.4). */
export const NG_CODE = "NG";

interface ResultBase {
  operateId: string;
  /** MerchantFree1 sent with the request (12 digits). */
  transactionCode: string;
  /** 処理通番 (TransactionId) when e-SCOTT returned one: how its console and support name the call. */
  transactionId?: string;
  /** Every field e-SCOTT returned, unmodified; null when nothing parsable came back. */
  raw: Readonly<Record<string, string>> | null;
  httpStatus?: number;
  durationMs: number;
}

export interface EscottSuccess<T> extends ResultBase {
  ok: true;
  codes: ["OK"];
  data: T;
  raw: Readonly<Record<string, string>>;
}

export interface EscottFailure extends ResultBase {
  ok: false;
  /** e-SCOTT codes for `rejected`, otherwise ["NG"]. */
  codes: string[];
  reason: NgReason;
  /** Machine-oriented explanation; never contains secret values. */
  detail?: string;
}

export type EscottResult<T> = EscottSuccess<T> | EscottFailure;

/** 処理通番 in a stored answer (e.g. a logged response), or null. */
export function transactionIdIn(fields: Readonly<Record<string, unknown>> | null): string | null {
  const value = fields?.TransactionId;
  return typeof value === "string" && value !== "" ? value : null;
}
