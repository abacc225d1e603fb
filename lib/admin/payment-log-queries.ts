import "server-only";
// The admin payment-log page's read (every gateway): filter by order, 決済コード and gateway.
// Rows are already masked when written; the card gateway's pending 3-D Secure rows are not log
// entries and never listed.
import { db, type Db } from "@/lib/db";
import { PENDING_KIND } from "@/lib/payments/card/registration-pending";

export const LOG_PAGE_SIZE = 50;

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

function logWhere(filter: PaymentLogFilter) {
  const order = filter.order.trim().replace(/^#/, "");
  const code = filter.code.trim();
  return {
    kind: { not: PENDING_KIND },
    ...(/^\d{1,9}$/.test(order) ? { orderId: Number(order) } : {}),
    ...(/^[0-9A-Za-z]{1,32}$/.test(code) ? { transactionCode: { contains: code } } : {}),
    ...(/^[a-z][a-z0-9-]{0,19}$/.test(filter.gateway) ? { gateway: filter.gateway } : {}),
  };
}

export async function listPaymentLog(filter: PaymentLogFilter, client: Db = db()) {
  const where = logWhere(filter);
  const page = Math.max(1, filter.page);
  const [rows, total] = await Promise.all([
    client.paymentLog.findMany({ where, orderBy: { createdAt: "desc" }, skip: (page - 1) * LOG_PAGE_SIZE, take: LOG_PAGE_SIZE }),
    client.paymentLog.count({ where }),
  ]);
  return { rows, total, page, pages: Math.max(1, Math.ceil(total / LOG_PAGE_SIZE)) };
}
