import "server-only";
// The admin payment-log page's read. The query itself (both gateways, pending 3-D Secure rows
// left out) lives with the card gateway; this module reads the page's filters and runs it.
import { db, type Db } from "@/lib/db";
import { listPaymentLog as queryPaymentLog } from "@/lib/payments/card/payment-log-query";

export interface PaymentLogFilter {
  order: string;
  code: string;
  gateway: string;
  page: number;
}

type SearchParams = Record<string, string | string[] | undefined>;

/** The filter form's values from the URL (absent or repeated parameters read as empty). */
export function paymentLogFilter(query: SearchParams): PaymentLogFilter {
  const str = (v: string | string[] | undefined) => (typeof v === "string" ? v : "");
  return { order: str(query.order), code: str(query.code), gateway: str(query.gateway), page: Number(str(query.page)) || 1 };
}

export function listPaymentLog(filter: PaymentLogFilter, client: Db = db()) {
  return queryPaymentLog(client, filter);
}
