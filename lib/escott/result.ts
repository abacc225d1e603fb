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

/** The plugins' placeholder code for "no answer from e-SCOTT" (PROTOCOL §9.4). */
export const NG_CODE = "NG";

interface ResultBase {
  operateId: string;
  /** MerchantFree1 sent with the request (12 digits). */
  transactionCode: string;
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
