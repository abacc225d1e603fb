import "server-only";
import { timingSafeEqual } from "node:crypto";
import type { CurrentUser } from "@/lib/auth/session";

/** The order's owner, an admin, or anyone holding the order's secret key (guest thank-you link). */
export function canViewOrder(order: { userId: string | null; accessKey: string }, user: CurrentUser | null, key: string | undefined): boolean {
  if (user?.role === "admin") return true;
  if (user && order.userId === user.id) return true;
  if (!key) return false;
  const a = Buffer.from(key);
  const b = Buffer.from(order.accessKey);
  return a.length === b.length && timingSafeEqual(a, b);
}
