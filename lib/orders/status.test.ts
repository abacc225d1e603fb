import { describe, expect, it } from "vitest";
import { canTransition, holdsStock, ORDER_STATUSES, TRANSITIONS, type OrderStatus } from "@/lib/orders/status";

const allowed: [OrderStatus, OrderStatus][] = [
  ["pending", "on-hold"],
  ["pending", "processing"],
  ["pending", "completed"],
  ["pending", "cancelled"],
  ["pending", "failed"],
  ["on-hold", "pending"],
  ["on-hold", "processing"],
  ["on-hold", "completed"],
  ["on-hold", "cancelled"],
  ["on-hold", "failed"],
  ["processing", "on-hold"],
  ["processing", "completed"],
  ["processing", "cancelled"],
  ["processing", "refunded"],
  ["completed", "refunded"],
  ["failed", "pending"],
  ["failed", "processing"],
  ["failed", "cancelled"],
];

describe("order status transitions", () => {
  it("allows exactly the listed transitions", () => {
    const table = ORDER_STATUSES.flatMap((from) => TRANSITIONS[from].map((to) => `${from}→${to}`)).sort();
    expect(table).toEqual(allowed.map(([a, b]) => `${a}→${b}`).sort());
    for (const [from, to] of allowed) expect(canTransition(from, to)).toBe(true);
  });

  it.each([
    ["cancelled", "processing"],
    ["cancelled", "pending"],
    ["refunded", "completed"],
    ["refunded", "processing"],
    ["completed", "processing"],
    ["completed", "cancelled"],
    ["processing", "pending"],
    ["processing", "failed"],
    ["failed", "refunded"],
    ["pending", "refunded"],
    ["pending", "pending"],
  ] as [OrderStatus, OrderStatus][])("refuses %s → %s", (from, to) => {
    expect(canTransition(from, to)).toBe(false);
  });

  it("holds stock only while the order is alive", () => {
    expect(ORDER_STATUSES.filter(holdsStock)).toEqual(["pending", "on-hold", "processing", "completed"]);
  });
});
