import "server-only";
// The admin outbox page's read: the e-mails the shop wrote, newest first, optionally of one order.
import { db, type Db } from "@/lib/db";

export const OUTBOX_PAGE_SIZE = 50;

export interface OutboxFilter {
  orderId?: number;
  page?: number;
}

/** `?order=123` as an order id; anything else means no filter. */
export function outboxOrderFilter(value: unknown): number | undefined {
  return typeof value === "string" && /^\d{1,9}$/.test(value) ? Number(value) : undefined;
}

export async function listOutbox(filter: OutboxFilter, client: Db = db()) {
  const where = filter.orderId ? { orderId: filter.orderId } : {};
  const page = Math.max(1, filter.page ?? 1);
  const [messages, total] = await Promise.all([
    client.emailMessage.findMany({ where, orderBy: { createdAt: "desc" }, skip: (page - 1) * OUTBOX_PAGE_SIZE, take: OUTBOX_PAGE_SIZE }),
    client.emailMessage.count({ where }),
  ]);
  return { messages, total, page, pages: Math.max(1, Math.ceil(total / OUTBOX_PAGE_SIZE)) };
}
