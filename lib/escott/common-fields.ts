import type { CardCredentials, CvsCredentials } from "./config";
import { jstDate } from "./dates";

// The only place where credentials, TransactionDate and the MerchantFree fields are put into a
// request, so every operation gets them identically (docs/escott-protocol.md §2.2).

export interface CommonFieldInput {
  operateId: string;
  now: Date;
  transactionCode: string;
  orderId?: string;
  userId?: string;
}

/** Card and member endpoints (OAUT002, OCRP005, OATN005): TenantId included. */
export function cardCommonFields(credentials: CardCredentials, input: CommonFieldInput): Record<string, string> {
  return withoutUndefined({
    MerchantId: credentials.merchantId,
    MerchantPass: credentials.merchantPass,
    TenantId: credentials.tenantId,
    TransactionDate: jstDate(input.now),
    OperateId: input.operateId,
    MerchantFree1: input.transactionCode,
    MerchantFree2: input.orderId,
    MerchantFree3: input.userId,
  });
}

/** Online payment agency (OCNV005): the WooCommerce plugins send no TenantId and no MerchantFree3. */
export function cvsCommonFields(credentials: CvsCredentials, input: Omit<CommonFieldInput, "userId">): Record<string, string> {
  return withoutUndefined({
    MerchantId: credentials.merchantId,
    MerchantPass: credentials.merchantPass,
    TransactionDate: jstDate(input.now),
    OperateId: input.operateId,
    MerchantFree1: input.transactionCode,
    MerchantFree2: input.orderId,
  });
}

export function withoutUndefined(fields: Record<string, string | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(fields)) if (value !== undefined) out[key] = value;
  return out;
}

/** Card data must only ever travel inside a token (docs/escott-protocol.md §3.2, §4.4). */
export const FORBIDDEN_REQUEST_FIELDS: readonly string[] = ["CardNo", "CardExp", "SecCd"];
