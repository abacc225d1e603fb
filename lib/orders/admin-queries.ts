import "server-only";
import { db } from "@/lib/db";
import { isOrderStatus, ORDER_STATUSES, type OrderStatus } from "@/lib/orders/status";

export const PAGE_SIZE = 20;

export interface OrderFilter {
  status?: string;
  q?: string;
  page?: number;
}

/** Order number (exact, with or without #) or e-mail (partial). */
export function searchWhere(filter: OrderFilter) {
  const status = filter.status && isOrderStatus(filter.status) ? filter.status : undefined;
  const q = filter.q?.trim().replace(/^#/, "");
  const or = q
    ? [...(/^\d{1,9}$/.test(q) ? [{ id: Number(q) }] : []), { email: { contains: q.toLowerCase() } }]
    : undefined;
  return { ...(status && { status }), ...(or && { OR: or }) };
}

export async function listOrders(filter: OrderFilter) {
  const where = searchWhere(filter);
  const page = Math.max(1, filter.page ?? 1);
  const [orders, total] = await Promise.all([
    db().order.findMany({
      where,
      orderBy: { createdAt: "desc" },
      skip: (page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      // The latest payment attempt: the list shows its state (決済ステータス / 入金ステータス).
      include: { payments: { orderBy: { createdAt: "desc" }, take: 1, select: { gateway: true, state: true, payLimit: true } } },
    }),
    db().order.count({ where }),
  ]);
  return { orders, total, page, pages: Math.max(1, Math.ceil(total / PAGE_SIZE)) };
}

export async function countByStatus(): Promise<Record<OrderStatus, number>> {
  const rows = await db().order.groupBy({ by: ["status"], _count: { _all: true } });
  const out = Object.fromEntries(ORDER_STATUSES.map((s) => [s, 0])) as Record<OrderStatus, number>;
  for (const r of rows) if (isOrderStatus(r.status)) out[r.status] = r._count._all;
  return out;
}
