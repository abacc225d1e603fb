// The admin payment-log page's query (both gateways): filter by order, 決済コード and gateway.
// Rows are already masked when written; the card gateway's pending 3-D Secure rows are not log
// entries and never listed.
import type { Db } from "@/lib/db";
import { PENDING_KIND } from "@/lib/payments/card/registration-pending";

export const LOG_PAGE_SIZE = 50;

export interface LogFilter {
  order?: string;
  code?: string;
  gateway?: string;
  page?: number;
}

export function logWhere(filter: LogFilter) {
  const order = filter.order?.trim().replace(/^#/, "");
  const code = filter.code?.trim();
  return {
    kind: { not: PENDING_KIND },
    ...(order && /^\d{1,9}$/.test(order) ? { orderId: Number(order) } : {}),
    ...(code && /^[0-9A-Za-z]{1,32}$/.test(code) ? { transactionCode: { contains: code } } : {}),
    ...(filter.gateway === "card" || filter.gateway === "cvs" ? { gateway: filter.gateway } : {}),
  };
}

export async function listPaymentLog(db: Db, filter: LogFilter) {
  const where = logWhere(filter);
  const page = Math.max(1, filter.page ?? 1);
  const [rows, total] = await Promise.all([
    db.paymentLog.findMany({ where, orderBy: { createdAt: "desc" }, skip: (page - 1) * LOG_PAGE_SIZE, take: LOG_PAGE_SIZE }),
    db.paymentLog.count({ where }),
  ]);
  return { rows, total, page, pages: Math.max(1, Math.ceil(total / LOG_PAGE_SIZE)) };
}
