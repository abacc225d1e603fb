// The one place that changes an order's status. Every change is checked against the
// transition table, moves stock when the order starts or stops holding it, and writes a
// timeline note — all in the caller's transaction, or in its own.
import type { Db, Tx } from "@/lib/db";
import { OrderError } from "@/lib/orders/errors";
import { canTransition, holdsStock, isOrderStatus, type OrderStatus } from "@/lib/orders/status";
import { releaseStock, reserveStock } from "@/lib/orders/stock";

export interface TransitionOptions {
  /** Required: why the status changes (shown in the timeline). */
  note: string;
  author?: string;
  customerVisible?: boolean;
  /** Only act if the order is currently in one of these statuses (guards against stale decisions). */
  expectFrom?: readonly OrderStatus[];
  /**
   * The order as the caller just read it in the same transaction, to spare reading it again. A
   * stale value cannot do harm: the status update below is a compare-and-set.
   */
  current?: { status: string; stockReserved: boolean };
}

export interface TransitionResult {
  orderId: number;
  from: OrderStatus;
  to: OrderStatus;
}

export async function transitionOrder(
  tx: Tx,
  orderId: number,
  to: OrderStatus,
  options: TransitionOptions,
): Promise<TransitionResult> {
  const order = options.current ?? (await tx.order.findUnique({ where: { id: orderId }, select: { status: true, stockReserved: true } }));
  if (!order) throw new OrderError("not_found", `Order ${orderId} not found`);
  const from = order.status;
  if (!isOrderStatus(from)) throw new OrderError("invalid_transition", `Order ${orderId} has unknown status ${from}`);
  if (options.expectFrom && !options.expectFrom.includes(from)) {
    throw new OrderError("conflict", `Order ${orderId} is ${from}, expected ${options.expectFrom.join("/")}`);
  }
  if (!canTransition(from, to)) {
    throw new OrderError("invalid_transition", `Order ${orderId} cannot go from ${from} to ${to}`);
  }

  // Compare-and-set on the status: a concurrent change makes this update match nothing.
  const updated = await tx.order.updateMany({
    where: { id: orderId, status: from },
    data: { status: to, stockReserved: holdsStock(to) },
  });
  if (updated.count !== 1) throw new OrderError("conflict", `Order ${orderId} changed concurrently`);

  // Its lines are read only when stock moves (most changes keep it where it is).
  if (order.stockReserved !== holdsStock(to)) {
    const items = await tx.orderItem.findMany({ where: { orderId }, select: { productId: true, quantity: true, name: true } });
    if (order.stockReserved) await releaseStock(tx, items);
    else await reserveStock(tx, items);
  }

  await tx.orderNote.create({
    data: {
      orderId,
      kind: "status",
      fromStatus: from,
      toStatus: to,
      message: options.note,
      author: options.author ?? "system",
      customerVisible: options.customerVisible ?? true,
    },
  });
  return { orderId, from, to };
}

/** transitionOrder in a transaction of its own. */
export function changeOrderStatus(
  db: Db,
  orderId: number,
  to: OrderStatus,
  options: TransitionOptions,
): Promise<TransitionResult> {
  return db.$transaction((tx) => transitionOrder(tx, orderId, to, options));
}

export async function addOrderNote(
  tx: Tx | Db,
  orderId: number,
  message: string,
  options: { author?: string; customerVisible?: boolean; kind?: "note" | "system" } = {},
): Promise<void> {
  await tx.orderNote.create({
    data: {
      orderId,
      kind: options.kind ?? "note",
      message,
      author: options.author ?? "system",
      customerVisible: options.customerVisible ?? false,
    },
  });
}
