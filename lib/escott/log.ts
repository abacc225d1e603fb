import { phpUrlEncode } from "./codec";
import type { NgReason } from "./result";

/** Fields whose values must never reach a log line or an error message. */
export const SECRET_FIELDS: ReadonlySet<string> = new Set([
  "MerchantPass",
  "KaiinPass",
  "NewKaiinPass",
  "Token",
  "EncryptValue",
  "ProcessPass",
  "HashCd",
  "SecCd",
  "CardExp",
]);

/**
 * Personal and authentication data, masked in logs like the secrets: the card-member id and the
 * user key sent with it (MerchantFree3), and the 3-D Secure authentication values forwarded to the
 * authorization (lib/escott/three-d-secure-values.ts) — the cryptogram (CAVV), its algorithm, the ECI
 * and the transaction ids that tie the authentication to the card holder. SecureResultCode,
 * TransactionStatus3D and MessageVersionNo3D are outcomes and versions, kept for support.
 */
export const PERSONAL_FIELDS: ReadonlySet<string> = new Set([
  "KaiinId",
  "NewKaiinId",
  "MerchantFree3",
  "CAVV3D",
  "CAVVAlgorithm3D",
  "ECI3D",
  "EncodeXId3D",
  "DSTransactionId",
  "ThreeDSServerTransactionId",
]);

/** Whether a field's value is masked in logs (a secret, or personal/authentication data). */
export function isMaskedField(key: string): boolean {
  return SECRET_FIELDS.has(key) || PERSONAL_FIELDS.has(key);
}

const MASK = "********";

/** "********01": at most the last two characters survive; short values are hidden entirely. Masking twice changes nothing. */
export function maskSecret(value: string): string {
  if (value === "") return "";
  if (value.startsWith(MASK)) return value.length <= MASK.length + 2 ? value : MASK;
  if (value.length < 6) return MASK;
  return MASK + value.slice(-2);
}

function maskValue(key: string, value: string): string {
  if (isMaskedField(key)) return maskSecret(value);
  // e-SCOTT already masks 4MemRefM card numbers ("4541********0040"); anything that looks like a
  // full PAN is masked here in case some response ever carries one.
  if (key === "CardNo" && /^\d{12,19}$/.test(value)) return maskSecret(value);
  return value;
}

export function maskFields(fields: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(fields)) out[key] = maskValue(key, value);
  return out;
}

/**
 * Belt and braces: replaces every occurrence of a known secret value inside free text (e.g. an
 * excerpt of an unparsable body that echoed the request). Values shorter than 4 characters are
 * left alone because replacing them would mangle unrelated text without protecting anything.
 */
export function redactText(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length >= 4) out = out.split(secret).join(maskSecret(secret));
  }
  return out;
}

/** Secret values of a request, raw and form-encoded (a server may echo the encoded body), longest first. */
export function secretValuesOf(fields: Readonly<Record<string, string>>): string[] {
  const values = Object.entries(fields)
    .filter(([key]) => isMaskedField(key))
    .flatMap(([, value]) => [value, phpUrlEncode(value)]);
  return [...new Set(values)].sort((a, b) => b.length - a.length);
}

export type CallOutcome = "ok" | "rejected" | "error";

/** What the caller's `onCall` hook receives for each server-to-server call. */
export interface EscottCallRecord {
  operateId: string;
  endpoint: string;
  /** MerchantFree1 sent with the request. */
  transactionCode: string;
  /** MerchantFree2 sent with the request (our order id), when there was one. */
  orderId?: string;
  startedAt: string;
  durationMs: number;
  /** ok = ResponseCd OK and valid; rejected = e-SCOTT answered with error codes; error = see `reason`. */
  outcome: CallOutcome;
  reason?: NgReason;
  codes: string[];
  httpStatus?: number;
  /** Request fields with secrets masked. */
  request: Record<string, string>;
  /** Parsed response fields with secrets masked; null when nothing parsable came back. */
  response: Record<string, string> | null;
  /** Redacted excerpt of an unparsable or code-less body (first 200 characters). */
  bodyExcerpt?: string;
  detail?: string;
}

/** A failing or slow hook must not break or delay the payment call. */
export function emitCallRecord(
  hook: ((record: EscottCallRecord) => void | Promise<void>) | undefined,
  record: EscottCallRecord,
): void {
  if (!hook) return;
  try {
    const pending = hook(record);
    if (pending && typeof (pending as Promise<void>).catch === "function") {
      (pending as Promise<void>).catch(() => undefined);
    }
  } catch {
    // deliberately ignored: logging is best effort
  }
}
