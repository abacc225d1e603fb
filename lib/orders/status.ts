// Order statuses mirror WooCommerce's. The transition table is the only definition of what
// may follow what; lib/orders/transition.ts applies it.

export const ORDER_STATUSES = ["pending", "on-hold", "processing", "completed", "cancelled", "refunded", "failed"] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const TRANSITIONS: Record<OrderStatus, readonly OrderStatus[]> = {
  // Waiting for the shopper to pay (card form, 3-D Secure round trip, …).
  pending: ["on-hold", "processing", "completed", "cancelled", "failed"],
  // Waiting for money to arrive (convenience store / Pay-easy) or for the merchant to check.
  "on-hold": ["pending", "processing", "completed", "cancelled", "failed"],
  processing: ["on-hold", "completed", "cancelled", "refunded"],
  completed: ["refunded"],
  // A failed payment may be retried (back to pending) or given up.
  failed: ["pending", "processing", "cancelled"],
  cancelled: [],
  refunded: [],
};

/** Statuses in which the order holds its stock. Entering any other status returns it. */
export const STOCK_HOLDING: readonly OrderStatus[] = ["pending", "on-hold", "processing", "completed"];

export function isOrderStatus(value: string): value is OrderStatus {
  return (ORDER_STATUSES as readonly string[]).includes(value);
}

export function canTransition(from: OrderStatus, to: OrderStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

export function holdsStock(status: OrderStatus): boolean {
  return STOCK_HOLDING.includes(status);
}
