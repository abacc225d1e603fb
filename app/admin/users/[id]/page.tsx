import Link from "next/link";
import { notFound } from "next/navigation";
import { AdminDeleteCardForm } from "@/components/admin/admin-delete-card-form";
import { requireAdmin } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { CARD_BRAND_NAMES, type CardBrand } from "@/lib/escott/installments";
import { errorText } from "@/lib/i18n";
import { getDictionary } from "@/lib/i18n/server";
import { loadCardContext } from "@/lib/payments/card/context";
import { deletionBlock } from "@/lib/payments/card/deletion-rule";
import { referenceSavedCard } from "@/lib/payments/card/member-service";
import { memberSummary } from "@/lib/payments/card/member-store";
import { formatDateTime } from "@/lib/shop/dates";

export default async function AdminUserPage({ params }: PageProps<"/admin/users/[id]">) {
  const { id } = await params;
  await requireAdmin(`/admin/users/${id}`);
  const [{ locale, dict }, user] = await Promise.all([getDictionary(), db().user.findUnique({ where: { id }, include: { _count: { select: { orders: true } } } })]);
  if (!user) notFound();
  const t = dict.card;
  const cached = await memberSummary(db(), user.id);
  const c = cached ? await loadCardContext() : null;
  // What e-SCOTT has (4MemRefM); our cache if e-SCOTT cannot be asked.
  const card = c ? ((await referenceSavedCard(c, user.id)) ?? cached) : cached;
  const block = cached ? await deletionBlock(db(), user.id, new Date()) : null;
  return (
    <div className="max-w-3xl space-y-6">
      <Link href="/admin/users" className="text-sm text-brand-700 hover:underline">
        ← {t.backToUsers}
      </Link>
      <h1 className="text-2xl font-bold">{t.userTitle}</h1>
      <dl className="grid grid-cols-2 gap-3 rounded-lg border border-stone-200 bg-white p-4 text-sm">
        <div>
          <dt className="text-stone-500">{t.userEmail}</dt>
          <dd data-testid="admin-user-email">{user.email}</dd>
        </div>
        <div>
          <dt className="text-stone-500">{t.userRole}</dt>
          <dd>{user.role === "admin" ? t.role_admin : t.role_customer}</dd>
        </div>
        <div>
          <dt className="text-stone-500">{t.userCreated}</dt>
          <dd>{formatDateTime(user.createdAt, locale)}</dd>
        </div>
        <div>
          <dt className="text-stone-500">{t.userOrders}</dt>
          <dd>
            <Link href={`/admin/orders?q=${encodeURIComponent(user.email)}`} className="text-brand-700 underline">
              {user._count.orders}
            </Link>
          </dd>
        </div>
      </dl>
      <section className="space-y-3 rounded-lg border border-stone-200 bg-white p-4" aria-labelledby="card-member-title">
        <h2 id="card-member-title" className="font-bold">
          {t.cardMemberSection}
        </h2>
        {!cached ? (
          <p className="text-sm" data-testid="admin-user-no-card">
            {t.userNoCard}
          </p>
        ) : (
          <>
            <p className="text-lg font-semibold" data-testid="admin-user-card">
              {CARD_BRAND_NAMES[(card?.brand ?? "unknown") as CardBrand] ?? ""} **** {card?.last4 ?? "----"}
            </p>
            {block && (
              <p className="text-sm text-stone-700">
                {t.adminDeleteBlockedNote}
                {errorText(dict, block)}
              </p>
            )}
            <AdminDeleteCardForm userId={user.id} />
          </>
        )}
      </section>
    </div>
  );
}
