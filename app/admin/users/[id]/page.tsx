import Link from "next/link";
import { notFound } from "next/navigation";
import { AdminDeleteCardForm } from "@/components/admin/admin-delete-card-form";
import { DescriptionList } from "@/components/ui/description-list";
import { PageHeader } from "@/components/ui/page-header";
import { Panel } from "@/components/ui/panel";
import { cardMemberOfUser, userWithOrderCount } from "@/lib/admin/users-queries";
import { requireAdmin } from "@/lib/auth/session";
import { CARD_BRAND_NAMES, type CardBrand } from "@/lib/escott/installments";
import { errorText } from "@/lib/i18n";
import { getDictionary } from "@/lib/i18n/server";
import { formatDateTime } from "@/lib/shop/dates";

export default async function AdminUserPage({ params }: PageProps<"/admin/users/[id]">) {
  const { id } = await params;
  await requireAdmin(`/admin/users/${id}`);
  const [{ locale, dict }, user] = await Promise.all([getDictionary(), userWithOrderCount(id)]);
  if (!user) notFound();
  const t = dict.cardAdmin;
  const { cached, card, block } = await cardMemberOfUser(user.id);
  return (
    <div className="max-w-3xl space-y-6">
      <PageHeader back={{ href: "/admin/users", label: t.backToUsers }} title={t.userTitle} />
      <DescriptionList
        card
        items={[
          { label: t.userEmail, value: user.email, "data-testid": "admin-user-email" },
          { label: t.userRole, value: user.role === "admin" ? t.role_admin : t.role_customer },
          { label: t.userCreated, value: formatDateTime(user.createdAt, locale) },
          {
            label: t.userOrders,
            value: (
              <Link href={`/admin/orders?q=${encodeURIComponent(user.email)}`} className="text-brand-700 underline">
                {user._count.orders}
              </Link>
            ),
          },
        ]}
      />
      <Panel title={t.cardMemberSection} titleId="card-member-title" className="space-y-3">
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
      </Panel>
    </div>
  );
}
