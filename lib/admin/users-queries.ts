import "server-only";
// The admin user pages' reads: the user list (search by e-mail, newest first, paged) and one
// user with their order count and saved card.
import { db, type Db } from "@/lib/db";
import { loadCardContext } from "@/lib/payments/card/context";
import { deletionBlock } from "@/lib/payments/card/deletion-rule";
import { referenceSavedCard } from "@/lib/payments/card/member-service";
import { memberSummary } from "@/lib/payments/card/member-store";

export const USERS_PAGE_SIZE = 100;

export interface UserFilter {
  q?: string;
  page?: number;
}

/** The search box's value as searched: trimmed, lower case (e-mails are stored lower case). */
export function userSearchTerm(value: unknown): string {
  return typeof value === "string" ? value.trim().toLowerCase() : "";
}

export async function listUsers(filter: UserFilter, client: Db = db()) {
  const q = userSearchTerm(filter.q);
  const where = q ? { email: { contains: q } } : {};
  const page = Math.max(1, filter.page ?? 1);
  const [users, total] = await Promise.all([
    client.user.findMany({
      where,
      orderBy: { createdAt: "desc" },
      skip: (page - 1) * USERS_PAGE_SIZE,
      take: USERS_PAGE_SIZE,
      select: { id: true, email: true, name: true, role: true, createdAt: true, cardMember: { select: { brand: true, last4: true } } },
    }),
    client.user.count({ where }),
  ]);
  return { users, total, page, pages: Math.max(1, Math.ceil(total / USERS_PAGE_SIZE)) };
}

export type AdminUserRow = Awaited<ReturnType<typeof listUsers>>["users"][number];

export function userWithOrderCount(id: string, client: Db = db()) {
  return client.user.findUnique({ where: { id }, include: { _count: { select: { orders: true } } } });
}

/**
 * The user's saved card as the admin sees it: `cached` is our copy (null: no card member),
 * `card` what e-SCOTT has (4MemRefM), or our copy if e-SCOTT cannot be asked, and `block` why
 * the customer could not delete it themselves.
 */
export async function cardMemberOfUser(userId: string, client: Db = db(), now = new Date()) {
  const cached = await memberSummary(client, userId);
  const c = cached ? await loadCardContext() : null;
  const card = c ? ((await referenceSavedCard(c, userId)) ?? cached) : cached;
  const block = cached ? await deletionBlock(client, userId, now) : null;
  return { cached, card, block };
}
