// When a customer may delete their saved card themselves (operation manual 「会員の退会について」):
// never while e-SCOTT may still act on a card payment of theirs — an authorization-only (与信)
// order of the last 90 days, or any card order still pending / on hold / processing. Deleting
// the member then would leave e-SCOTT and the shop out of step. Admins may override.
import type { Db } from "@/lib/db";
import type { MessageKeys } from "@/lib/i18n";

export const AUTHORIZATION_WINDOW_DAYS = 90;
const OPEN_STATUSES = ["pending", "on-hold", "processing"];

export type DeletionBlock = MessageKeys<"card.deleteBlockedOpenOrder" | "card.deleteBlockedAuthorization">;

export async function deletionBlock(db: Db, userId: string, now: Date): Promise<DeletionBlock | null> {
  const open = await db.order.count({ where: { userId, paymentMethod: "card", status: { in: OPEN_STATUSES } } });
  if (open > 0) return "card.deleteBlockedOpenOrder";
  const since = new Date(now.getTime() - AUTHORIZATION_WINDOW_DAYS * 24 * 60 * 60 * 1000);
  const authorized = await db.payment.count({ where: { gateway: "card", state: "authorized", order: { userId, createdAt: { gte: since } } } });
  return authorized > 0 ? "card.deleteBlockedAuthorization" : null;
}
