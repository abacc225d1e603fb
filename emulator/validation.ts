// Field validation shared by the server endpoints and the 3DS page (§12.4-12.11). Each check returns the e-SCOTT
// code to report or undefined. Limits the real service does not publish are the emulator's choice (README).
import { DAY_MS, parseYmd, parseYmdhm, ymd } from "./clock";
import { VALID_PAY_TYPES } from "./cards";
import type { Params } from "./codec";
import type { EmulatorConfig } from "./config";

export type EndpointKind = "card" | "member" | "token" | "cvs";

export const OPERATIONS: Record<EndpointKind, readonly string[]> = {
  card: ["1Auth", "1Gathering", "1Capture", "1Change", "1Delete", "1Search", "1ReAuth", "1Check"],
  member: ["4MemAdd", "4MemChg", "4MemRefM", "4MemRef", "4MemInval", "4MemUnInval", "4MemDel"],
  token: ["1TokenSearch"],
  cvs: ["2Add", "2Chg", "2Del", "2Ref"],
};

/** OperateIds accepted inside the EncryptValue of the 3DS page. */
export const TDS_OPERATIONS = ["3Secure", "4MemAdd", "4MemChg", "1Auth", "1Gathering"] as const;

export const MERCHANT_FREE_MAX = 32;

/** MerchantFree1: half-width alphanumerics, ≤ 32 (K07). */
export function merchantFree1Error(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  return /^[A-Za-z0-9]{1,32}$/.test(value) ? undefined : "K07";
}

/** MerchantFree2: printable half-width ASCII, ≤ 32 (K08). */
export function merchantFree2Error(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  return /^[\x20-\x7e]{1,32}$/.test(value) ? undefined : "K08";
}

/** MerchantFree3: any text (full-width allowed, §2.2) without control characters, ≤ 32 characters (K09). */
export function merchantFree3Error(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  return [...value].length <= MERCHANT_FREE_MAX && !/[\x00-\x1f\x7f]/.test(value) ? undefined : "K09";
}

/**
 * TransactionDate: YYYYMMDD, a real date, today in Japan ± 1 day (clients around midnight). "Today" may be the
 * emulator clock or the real one: a shop keeps sending its real date after a test moved the emulator clock.
 */
export function transactionDateError(value: string | undefined, now: number): string | undefined {
  if (value === undefined) return "K05";
  const ms = parseYmd(value);
  if (ms === undefined) return "K05";
  const allowed = [now, Date.now()].flatMap((t) => [ymd(t - DAY_MS), ymd(t), ymd(t + DAY_MS)]);
  return allowed.includes(value) ? undefined : "K05";
}

/** Checks every request shares: credentials, date, OperateId, MerchantFree1-3. All failures are reported together. */
export function commonErrors(params: Params, endpoint: EndpointKind, config: EmulatorConfig, now: number): string[] {
  const errors: string[] = [];
  const creds = endpoint === "cvs" ? config.cvs : config.card;
  if (params.MerchantId !== creds.merchantId) errors.push("K02");
  else if (params.MerchantPass !== creds.merchantPass) errors.push("K03");
  if (endpoint !== "cvs" && params.TenantId !== config.card.tenantId) errors.push("K04");
  const date = transactionDateError(params.TransactionDate, now);
  if (date) errors.push(date);
  if (params.OperateId === undefined || !OPERATIONS[endpoint].includes(params.OperateId)) errors.push("K06");
  for (const error of [merchantFree1Error(params.MerchantFree1), merchantFree2Error(params.MerchantFree2), merchantFree3Error(params.MerchantFree3)]) {
    if (error) errors.push(error);
  }
  return errors;
}

/** Amount: half-width digits, not 0, at most 8 digits (K23). */
export function parseAmount(value: string | undefined): number | undefined {
  if (value === undefined || !/^\d{1,8}$/.test(value)) return undefined;
  const amount = Number(value);
  return amount === 0 ? undefined : amount;
}

export function payTypeFormatError(value: string | undefined): string | undefined {
  return value !== undefined && (VALID_PAY_TYPES as readonly string[]).includes(value) ? undefined : "K22";
}

/** SalesDate: YYYYMMDD and not in the future (JST) (K39). */
export function salesDateError(value: string | undefined, now: number): string | undefined {
  if (value === undefined || parseYmd(value) === undefined) return "K39";
  return value > ymd(now) ? "K39" : undefined;
}

export const PROCESS_ID_PATTERN = /^[A-Za-z0-9]{32}$/;

/** KaiinId: half-width alphanumerics plus - _ ., 1-32 characters (K45). */
export function kaiinIdError(value: string | undefined): string | undefined {
  return value !== undefined && /^[A-Za-z0-9._-]{1,32}$/.test(value) ? undefined : "K45";
}

/** KaiinPass: half-width alphanumerics, 1-32 characters (K46). */
export function kaiinPassError(value: string | undefined): string | undefined {
  return value !== undefined && /^[A-Za-z0-9]{1,32}$/.test(value) ? undefined : "K46";
}

export const TOKEN_PATTERN = /^[0-9a-f]{32}$/;

export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "";
  } catch {
    return false;
  }
}

// ---- online payment agency (§12.10) ---------------------------------------------------------------------------

export const PAY_LIMIT_MAX_DAYS = 60;

/** PayLimit: YYYYMMDDHHMM, a real date/time in the future and at most 60 days ahead (K50). */
export function payLimitError(value: string | undefined, now: number): string | undefined {
  if (value === undefined) return "K50";
  const ms = parseYmdhm(value);
  if (ms === undefined || ms <= now || ms > now + PAY_LIMIT_MAX_DAYS * DAY_MS) return "K50";
  return undefined;
}

/** NameKanji: non-empty, ≤ 40 characters, no control characters (K51). */
export function nameKanjiError(value: string | undefined): string | undefined {
  return value !== undefined && [...value].length <= 40 && !/[\x00-\x1f\x7f]/.test(value) ? undefined : "K51";
}

/** NameKana: full-width katakana, ー, ・ and (full/half-width) spaces, ≤ 40 characters (K52). */
export function nameKanaError(value: string | undefined): string | undefined {
  return value !== undefined && [...value].length <= 40 && /^[\u30a1-\u30f6\u30fc\u30fb\u3000 ]+$/.test(value) && value.trim() !== ""
    ? undefined
    : "K52";
}

/** ShouhinName: full-width characters only (no ASCII, no half-width kana), ≤ 16 characters (K53). */
export function shouhinNameError(value: string | undefined): string | undefined {
  if (value === undefined) return "K53";
  const chars = [...value];
  const halfWidth = /[\x00-\x7f\uff61-\uff9f]/;
  return chars.length <= 16 && !chars.some((c) => halfWidth.test(c)) ? undefined : "K53";
}

/** TelNo: digits and hyphens, ≤ 13 characters, at least one digit (K28). */
export function telNoError(value: string | undefined): string | undefined {
  return value !== undefined && /^[0-9-]{1,13}$/.test(value) && /\d/.test(value) ? undefined : "K28";
}

/** ReturnURL: optional, but an absolute http(s) URL when present (K60). */
export function returnUrlError(value: string | undefined): string | undefined {
  return value === undefined || isHttpUrl(value) ? undefined : "K60";
}
