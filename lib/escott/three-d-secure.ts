import { z } from "zod";
import type { CardSource } from "./card";
import { splitResponseCodes } from "./codec";
import { cardCommonFields, withoutUndefined } from "./common-fields";
import { decryptValue, encryptValue, type AesMaterial } from "./crypto";
import * as f from "./field-schemas";
import { maskFields } from "./log";
import type { ClientContext } from "./operation";
import { newProcNo, newTransactionCode, TRANSACTION_CODE_PATTERN } from "./random";
import { THREE_DS_VALUE_FIELDS, type ThreeDSValues } from "./three-d-secure-values";

// Browser hand-off to the 3DS page (docs/escott-protocol.md §6.2–6.6). Nothing here talks to e-SCOTT directly:
// we build the auto-submitted form and later decrypt what the page posts back to RedirectUrl.

export interface ThreeDSCheckoutParams {
  orderId: string;
  amount: number;
  /** New card (token) or stored card (then BillingFullName is sent empty). */
  source: CardSource;
  /** Where e-SCOTT posts the result (EncryptValue) back to. */
  redirectUrl: string;
  /** カード名義 typed by the customer. */
  billingFullName?: string;
  billingEmail: string;
  /** Keep it: the later 1Auth/1Gathering must use the same MerchantFree1. */
  transactionCode?: string;
}

export interface ThreeDSMemberParams {
  operateId: "4MemAdd" | "4MemChg";
  userId: string;
  kaiinId: string;
  kaiinPass: string;
  token: string;
  redirectUrl: string;
  billingFullName?: string;
  billingEmail: string;
  transactionCode?: string;
}

/** What the browser must POST (auto-submitted form) to the 3DS page. */
export interface ThreeDSForm {
  ok: true;
  action: string;
  fields: { MerchantId: string; EncryptValue: string };
  operateId: "3Secure" | "4MemAdd" | "4MemChg";
  transactionCode: string;
  procNo: string;
  /** What the form says that may be logged: the fields that name the attempt, never a secret. */
  logged: Record<string, string>;
}

export type ThreeDSFormResult =
  | ThreeDSForm
  | { ok: false; reason: "not_configured" | "invalid_request"; detail: string };

export type ThreeDSReturnFailureReason =
  | "not_configured"
  | "missing_value"
  | "decrypt_failed"
  | "missing_fields"
  | "invalid_fields"
  | "merchant_mismatch";

export interface ThreeDSReturn {
  ok: true;
  operateId: "3Secure" | "4MemAdd" | "4MemChg";
  responseCd: string;
  codes: string[];
  /** ResponseCd is OK — for 4MemAdd/4MemChg this is "the card was stored". */
  responseOk: boolean;
  secureResultCode: string;
  /** SecureResultCode 0/2/3 → continue to the authorization; 1/8/9 and unknown values → stop (§6.6). */
  proceed: boolean;
  /** MerchantFree1 echoed: the key of the checkout state saved before the redirect. */
  transactionCode: string;
  orderId?: string;
  userId?: string;
  /** Forward unchanged to 1Auth/1Gathering (or 4MemAdd/4MemChg) as `threeDS`. */
  values: ThreeDSValues;
  /** Every decrypted field, secrets masked. */
  raw: Record<string, string>;
}

/**
 * e-SCOTT refused the request itself (a used token, a re-posted form → K89…): the value decrypts
 * with our key, so it is authentic, and names the attempt and the codes — but carries no
 * SecureResultCode, so it is no 3-D Secure result (§6.6).
 */
export interface ThreeDSRefusal {
  ok: false;
  reason: "refused";
  detail: string;
  operateId: string;
  transactionCode: string;
  codes: string[];
  orderId?: string;
  /** Only fields that are never secret; personal ones (MerchantFree3) masked. */
  raw: Record<string, string>;
}

export type ThreeDSReturnResult =
  | ThreeDSReturn
  | ThreeDSRefusal
  | { ok: false; reason: ThreeDSReturnFailureReason; detail: string };

const sourceSchema = z.union([
  z.object({ token: f.text }).strict(),
  z.object({ member: f.memberWithUser }).strict(),
]);

const checkoutParams = z.object({
  orderId: f.text,
  amount: f.amount,
  source: sourceSchema,
  redirectUrl: f.absoluteUrl,
  billingFullName: z.string().optional(),
  billingEmail: f.text,
  transactionCode: f.transactionCode,
}) satisfies z.ZodType<ThreeDSCheckoutParams>;

const memberParams = z.object({
  operateId: z.enum(["4MemAdd", "4MemChg"]),
  userId: f.text,
  kaiinId: f.text,
  kaiinPass: f.text,
  token: f.text,
  redirectUrl: f.absoluteUrl,
  billingFullName: z.string().optional(),
  billingEmail: f.text,
  transactionCode: f.transactionCode,
}) satisfies z.ZodType<ThreeDSMemberParams>;

function aesOf(ctx: ClientContext): AesMaterial | null {
  const card = ctx.card;
  return card?.aesKey && card.aesIv ? { key: card.aesKey, iv: card.aesIv } : null;
}

function issues(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join("; ");
}

/** 3Secure plaintext: exact key set of §6.3 step 5 (MerchantId included, as the WooCommerce card flow does). */
export function buildCheckoutForm(ctx: ClientContext, input: ThreeDSCheckoutParams): ThreeDSFormResult {
  const card = ctx.card;
  const aes = aesOf(ctx);
  if (!card || !aes) return { ok: false, reason: "not_configured", detail: "card credentials with aesKey/aesIv required" };
  const parsed = checkoutParams.safeParse(input);
  if (!parsed.success) return { ok: false, reason: "invalid_request", detail: issues(parsed.error) };
  const p = parsed.data;
  const transactionCode = p.transactionCode ?? newTransactionCode(ctx.randomInt);
  const procNo = newProcNo(ctx.randomInt);
  const member = "member" in p.source ? p.source.member : undefined;
  const common = cardCommonFields(card, { operateId: "3Secure", now: ctx.now(), transactionCode, orderId: p.orderId });
  const plaintext = withoutUndefined({
    MerchantId: common.MerchantId,
    MerchantPass: common.MerchantPass,
    TransactionDate: common.TransactionDate,
    MerchantFree1: common.MerchantFree1,
    MerchantFree2: common.MerchantFree2,
    TenantId: common.TenantId,
    Amount: String(p.amount),
    Token: "token" in p.source ? p.source.token : undefined,
    OperateId: "3Secure",
    MerchantFree3: member?.userId,
    KaiinId: member?.kaiinId,
    KaiinPass: member?.kaiinPass,
    ProcNo: procNo,
    RedirectUrl: p.redirectUrl,
    BillingFullName: member ? "" : (p.billingFullName ?? ""),
    BillingEmail: p.billingEmail,
  });
  return {
    ok: true,
    action: ctx.urls.threeDSPage,
    fields: { MerchantId: card.merchantId, EncryptValue: encryptValue(plaintext, aes) },
    operateId: "3Secure",
    transactionCode,
    procNo,
    logged: loggedFields(plaintext),
  };
}

/** 4MemAdd/4MemChg with 3DS (My Account): exact key set of §6.4. */
export function buildMemberForm(ctx: ClientContext, input: ThreeDSMemberParams): ThreeDSFormResult {
  const card = ctx.card;
  const aes = aesOf(ctx);
  if (!card || !aes) return { ok: false, reason: "not_configured", detail: "card credentials with aesKey/aesIv required" };
  const parsed = memberParams.safeParse(input);
  if (!parsed.success) return { ok: false, reason: "invalid_request", detail: issues(parsed.error) };
  const p = parsed.data;
  const transactionCode = p.transactionCode ?? newTransactionCode(ctx.randomInt);
  const procNo = newProcNo(ctx.randomInt);
  const common = cardCommonFields(card, { operateId: p.operateId, now: ctx.now(), transactionCode, userId: p.userId });
  const plaintext = {
    MerchantId: common.MerchantId,
    MerchantPass: common.MerchantPass,
    TenantId: common.TenantId,
    TransactionDate: common.TransactionDate,
    MerchantFree3: p.userId,
    MerchantFree1: transactionCode,
    Token: p.token,
    OperateId: p.operateId,
    KaiinId: p.kaiinId,
    KaiinPass: p.kaiinPass,
    ProcNo: procNo,
    RedirectUrl: p.redirectUrl,
    BillingFullName: p.billingFullName ?? "",
    BillingEmail: p.billingEmail,
  };
  return {
    ok: true,
    action: ctx.urls.threeDSPage,
    fields: { MerchantId: card.merchantId, EncryptValue: encryptValue(plaintext, aes) },
    operateId: p.operateId,
    transactionCode,
    procNo,
    logged: loggedFields(plaintext),
  };
}

const REQUIRED_RETURN_FIELDS = ["OperateId", "ResponseCd", "SecureResultCode", "MerchantFree1"] as const;

const returnSchema = z.object({
  OperateId: z.enum(["3Secure", "4MemAdd", "4MemChg"], "OperateId must be 3Secure, 4MemAdd or 4MemChg"),
  ResponseCd: z.string().min(1),
  // Unknown values are not an error: they simply do not allow proceeding (§6.6 "Other values [?]").
  SecureResultCode: z.string().min(1),
  MerchantFree1: z.string().regex(TRANSACTION_CODE_PATTERN, "MerchantFree1 must be a 12-digit transaction code"),
  MerchantFree2: z.string().optional(),
  MerchantFree3: z.string().optional(),
  MerchantId: z.string().optional(),
});

const PROCEED_CODES = new Set(["0", "2", "3"]);

/** Decrypts and validates the EncryptValue posted back to RedirectUrl. Never throws. */
export function parseReturn(ctx: ClientContext, encrypted: unknown): ThreeDSReturnResult {
  const aes = aesOf(ctx);
  if (!ctx.card || !aes) return { ok: false, reason: "not_configured", detail: "card credentials with aesKey/aesIv required" };
  if (typeof encrypted !== "string" || encrypted.trim() === "") {
    return { ok: false, reason: "missing_value", detail: "EncryptValue is empty" };
  }
  const decrypted = decryptValue(encrypted, aes);
  if (!decrypted.ok) return { ok: false, reason: "decrypt_failed", detail: decrypted.reason };
  const fields = decrypted.fields;
  const missing = REQUIRED_RETURN_FIELDS.filter((key) => !fields[key]);
  if (missing.length > 0) return refusalOf(ctx, fields) ?? { ok: false, reason: "missing_fields", detail: missing.join(", ") };
  const parsed = returnSchema.safeParse(fields);
  if (!parsed.success) return { ok: false, reason: "invalid_fields", detail: issues(parsed.error) };
  const r = parsed.data;
  if (r.MerchantId !== undefined && r.MerchantId !== "" && r.MerchantId !== ctx.card.merchantId) {
    return { ok: false, reason: "merchant_mismatch", detail: "MerchantId does not match the configured card merchant" };
  }
  const values: ThreeDSValues = { SecureResultCode: r.SecureResultCode };
  for (const key of THREE_DS_VALUE_FIELDS) {
    const value = fields[key];
    if (key !== "SecureResultCode" && value !== undefined) values[key] = value;
  }
  const codes = splitResponseCodes(r.ResponseCd);
  const normalizedSecure = /^\d+$/.test(r.SecureResultCode) ? String(Number(r.SecureResultCode)) : r.SecureResultCode;
  return {
    ok: true,
    operateId: r.OperateId,
    responseCd: r.ResponseCd,
    codes,
    responseOk: codes.length === 1 && codes[0] === "OK",
    secureResultCode: r.SecureResultCode,
    proceed: PROCEED_CODES.has(normalizedSecure),
    transactionCode: r.MerchantFree1,
    ...(r.MerchantFree2 ? { orderId: r.MerchantFree2 } : {}),
    ...(r.MerchantFree3 ? { userId: r.MerchantFree3 } : {}),
    values,
    raw: maskFields(fields),
  };
}

const FORM_LOG_FIELDS = ["OperateId", "MerchantFree1", "MerchantFree2", "MerchantFree3", "ProcNo", "RedirectUrl", "Amount"] as const;

function loggedFields(plaintext: Record<string, string | undefined>): Record<string, string> {
  return maskFields(Object.fromEntries(FORM_LOG_FIELDS.flatMap((k) => (plaintext[k] ? [[k, plaintext[k]]] : []))));
}

const REFUSAL_LOG_FIELDS = ["OperateId", "ResponseCd", "MerchantFree1", "MerchantFree2", "MerchantFree3", "TransactionId", "TransactionDate", "ProcNo"] as const;

function refusalOf(ctx: ClientContext, fields: Record<string, string>): ThreeDSRefusal | null {
  const codes = splitResponseCodes(fields.ResponseCd ?? "");
  if (fields.SecureResultCode || !fields.OperateId || !TRANSACTION_CODE_PATTERN.test(fields.MerchantFree1 ?? "")) return null;
  if (codes.length === 0 || codes.includes("OK")) return null;
  if (fields.MerchantId && fields.MerchantId !== ctx.card?.merchantId) return null;
  return {
    ok: false,
    reason: "refused",
    detail: codes.join("|"),
    operateId: fields.OperateId,
    transactionCode: fields.MerchantFree1!,
    codes,
    ...(fields.MerchantFree2 ? { orderId: fields.MerchantFree2 } : {}),
    raw: maskFields(Object.fromEntries(REFUSAL_LOG_FIELDS.flatMap((k) => (fields[k] ? [[k, fields[k]]] : [])))),
  };
}

export interface ThreeDSApi {
  /** 3Secure form for checkout: POST `fields` to `action` from the browser. */
  checkoutForm(params: ThreeDSCheckoutParams): ThreeDSFormResult;
  /** 4MemAdd/4MemChg-with-3DS form for My Account. */
  memberForm(params: ThreeDSMemberParams): ThreeDSFormResult;
  /** Decrypt + validate the EncryptValue posted back to RedirectUrl. */
  parseReturn(encryptValue: unknown): ThreeDSReturnResult;
}

export function createThreeDSApi(ctx: ClientContext): ThreeDSApi {
  return {
    checkoutForm: (p) => buildCheckoutForm(ctx, p),
    memberForm: (p) => buildMemberForm(ctx, p),
    parseReturn: (value) => parseReturn(ctx, value),
  };
}

/** The value e-SCOTT's 3-D Secure page posts back to RedirectUrl, from the posted form (or query). */
export function returnedValue(form: { get(name: string): unknown } | null | undefined): string | undefined {
  const value = form?.get("EncryptValue");
  return typeof value === "string" ? value : undefined;
}
