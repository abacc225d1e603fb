import Link from "next/link";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { Table } from "@/components/ui/table";
import { listUsers, userSearchTerm } from "@/lib/admin/users-queries";
import { requireAdmin } from "@/lib/auth/session";
import { CARD_BRAND_NAMES, type CardBrand } from "@/lib/escott/installments";
import { getDictionary } from "@/lib/i18n/server";
import { formatDateTime } from "@/lib/shop/dates";

export async function generateMetadata() {
  return { title: (await getDictionary()).dict.cardAdmin.usersTitle };
}

export default async function AdminUsersPage({ searchParams }: PageProps<"/admin/users">) {
  await requireAdmin("/admin/users");
  const [{ locale, dict }, query] = await Promise.all([getDictionary(), searchParams]);
  const q = userSearchTerm(query.q);
  const { users, page, pages } = await listUsers({ q, page: Number(query.page) || 1 });
  const t = dict.cardAdmin;
  return (
    <div className="space-y-4">
      <PageHeader title={t.usersTitle} />
      <form className="flex gap-2" role="search">
        <label htmlFor="users-q" className="sr-only">
          {t.usersSearch}
        </label>
        <input id="users-q" name="q" defaultValue={q} placeholder={t.usersSearch} className={`${inputClass} max-w-sm`} />
        <Button type="submit">{t.usersSearchButton}</Button>
      </form>
      <Table
        data-testid="admin-users"
        rows={users}
        rowKey={(u) => u.id}
        rowTestId="admin-user-row"
        empty={t.usersEmpty}
        columns={[
          { header: t.userEmail, cell: (u) => u.email },
          { header: t.userRole, cell: (u) => (u.role === "admin" ? t.role_admin : t.role_customer) },
          { header: t.userCreated, cell: (u) => formatDateTime(u.createdAt, locale) },
          {
            header: t.userCard,
            cell: (u) => (u.cardMember ? `${CARD_BRAND_NAMES[(u.cardMember.brand ?? "unknown") as CardBrand] ?? ""} **** ${u.cardMember.last4 ?? "----"}` : t.userNoCard),
          },
          {
            key: "view",
            align: "right",
            cell: (u) => (
              <Link href={`/admin/users/${u.id}`} className="text-brand-700 underline">
                {t.userView}
              </Link>
            ),
          },
        ]}
      />
      <Pagination page={page} pages={pages} basePath="/admin/users" params={{ q: q || undefined }} labels={t} />
    </div>
  );
}
