import { createHash, timingSafeEqual } from "node:crypto";
import type { CvsCredentials } from "./config";
import { cvsStoreName } from "./cvs-stores";
import { parseJstTimestamp } from "./dates";
import { maskFields } from "./log";

// 入金結果通知 (docs/escott-protocol.md §7.3). Unlike the vendor's WooCommerce plugins we verify HashCd and MerchantId before the
// caller touches an order; idempotency is the caller's job (the same notice may arrive twice).

export interface PaymentNotification {
  merchantId: string;
  transactionId: string;
  /** 受付番号. */
  recvNum: string;
  /** 入金日時 as sent (usually YYYYMMDDhhmmss). */
  nyukinDate: string;
  /** NyukinDate read as JST; null when it has an unexpected shape. */
  paidAt: Date | null;
  /** MerchantFree1 of the 2Add. */
  transactionCode: string;
  /** MerchantFree2 of the 2Add. */
  orderId: string;
  userId?: string;
  /** 入金金額, integer yen. */
  amount: number;
  /** Compare with the ProcessPass stored from 2Add for an extra binding to the registration. */
  processPass: string;
  cvsCd?: string;
  cvsName?: string;
  tenantCd?: string;
  /** 印紙: "1" = yes. */
  stampFlag?: string;
  responseCd?: string;
  /** Every posted field; HashCd and ProcessPass are not masked here — do not log this verbatim. */
  raw: Record<string, string>;
}

export type NotificationFailureReason =
  | "missing_fields"
  | "merchant_mismatch"
  | "hash_mismatch"
  | "invalid_amount"
  | "not_configured";

export type NotificationVerification =
  | { ok: true; notification: PaymentNotification }
  | { ok: false; reason: NotificationFailureReason; detail: string };

export const REQUIRED_NOTIFICATION_FIELDS = [
  "MerchantId",
  "TransactionId",
  "RecvNum",
  "NyukinDate",
  "MerchantFree1",
  "MerchantFree2",
  "Amount",
  "ProcessPass",
  "HashCd",
] as const;

function toRecord(fields: Record<string, string> | URLSearchParams): Record<string, string> {
  if (!(fields instanceof URLSearchParams)) return { ...fields };
  const out: Record<string, string> = {};
  // Last wins, like PHP's $_POST.
  for (const [key, value] of fields) out[key] = value;
  return out;
}

/** Lowercase hex MD5 of ProcessPass + RecvNum + MerchantPass. */
export function notificationHash(processPass: string, recvNum: string, merchantPass: string): string {
  return createHash("md5").update(processPass + recvNum + merchantPass, "utf8").digest("hex");
}

function sameHash(expectedHex: string, receivedHex: string): boolean {
  const expected = Buffer.from(expectedHex, "utf8");
  const received = Buffer.from(receivedHex.trim().toLowerCase(), "utf8");
  return expected.length === received.length && timingSafeEqual(expected, received);
}

/** Verifies a posted notification against the CVS credentials. Never throws. */
export function verifyNotification(
  posted: Record<string, string> | URLSearchParams,
  credentials: CvsCredentials,
): NotificationVerification {
  const raw = toRecord(posted);
  const missing = REQUIRED_NOTIFICATION_FIELDS.filter((key) => !raw[key]);
  if (missing.length > 0) return { ok: false, reason: "missing_fields", detail: missing.join(", ") };
  const get = (key: string) => raw[key] ?? "";
  if (get("MerchantId") !== credentials.merchantId) {
    return { ok: false, reason: "merchant_mismatch", detail: "MerchantId is not the configured CVS merchant" };
  }
  const expected = notificationHash(get("ProcessPass"), get("RecvNum"), credentials.merchantPass);
  if (!sameHash(expected, get("HashCd"))) {
    return { ok: false, reason: "hash_mismatch", detail: "HashCd does not match md5(ProcessPass + RecvNum + MerchantPass)" };
  }
  const amountText = get("Amount");
  if (!/^\d{1,9}$/.test(amountText)) return { ok: false, reason: "invalid_amount", detail: "Amount is not integer yen" };
  const optional = (key: string) => (raw[key] ? { value: raw[key] } : undefined);
  const cvsCd = optional("CvsCd")?.value;
  return {
    ok: true,
    notification: {
      merchantId: get("MerchantId"),
      transactionId: get("TransactionId"),
      recvNum: get("RecvNum"),
      nyukinDate: get("NyukinDate"),
      paidAt: parseJstTimestamp(get("NyukinDate")),
      transactionCode: get("MerchantFree1"),
      orderId: get("MerchantFree2"),
      userId: optional("MerchantFree3")?.value,
      amount: Number(amountText),
      processPass: get("ProcessPass"),
      cvsCd,
      cvsName: cvsCd ? cvsStoreName(cvsCd) : undefined,
      tenantCd: optional("TenantCd")?.value,
      stampFlag: optional("StampFlag")?.value,
      responseCd: optional("ResponseCd")?.value,
      raw,
    },
  };
}

/** What any posted notification — genuine or not — may leave in a log. */
export interface NotificationSummary {
  /** MerchantFree1 as posted (cut), or null. */
  transactionCode: string | null;
  /** MerchantFree2 when it looks like an order id, else null. */
  orderId: number | null;
  /** ResponseCd as posted (cut), or null. */
  responseCd: string | null;
  /** At most 40 fields, names and values cut, secrets masked. */
  fields: Record<string, string>;
}

const MAX_LOGGED_FIELDS = 40;
const MAX_LOGGED_VALUE = 200;

export function summarizeNotification(posted: Readonly<Record<string, string>>): NotificationSummary {
  const fields: Record<string, string> = {};
  for (const [key, value] of Object.entries(posted).slice(0, MAX_LOGGED_FIELDS)) fields[key.slice(0, 40)] = value.slice(0, MAX_LOGGED_VALUE);
  const orderId = /^\d{1,9}$/.test(posted.MerchantFree2 ?? "") ? Number(posted.MerchantFree2) : null;
  return {
    transactionCode: (posted.MerchantFree1 ?? "").slice(0, 40) || null,
    orderId,
    responseCd: (posted.ResponseCd ?? "").slice(0, 40) || null,
    fields: maskFields(fields),
  };
}
