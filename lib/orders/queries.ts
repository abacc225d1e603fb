import "server-only";
import { db } from "@/lib/db";

export function orderWithDetails(id: number) {
  return db().order.findUnique({
    where: { id },
    include: { items: true, fees: true, notes: { orderBy: { createdAt: "asc" } }, refunds: { orderBy: { createdAt: "asc" } } },
  });
}

export type OrderWithDetails = NonNullable<Awaited<ReturnType<typeof orderWithDetails>>>;

export function ordersOfUser(userId: string) {
  return db().order.findMany({ where: { userId }, orderBy: { createdAt: "desc" }, include: { items: true } });
}
