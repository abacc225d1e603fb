import Link from "next/link";
import { inputClass } from "@/components/ui/field";
import { requireAdmin } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { CARD_BRAND_NAMES, type CardBrand } from "@/lib/escott/installments";
import { getDictionary } from "@/lib/i18n/server";
import { formatDateTime } from "@/lib/shop/dates";

export async function generateMetadata() {
  return { title: (await getDictionary()).dict.card.usersTitle };
}

export default async function AdminUsersPage({ searchParams }: PageProps<"/admin/users">) {
  await requireAdmin("/admin/users");
  const [{ locale, dict }, query] = await Promise.all([getDictionary(), searchParams]);
  const q = typeof query.q === "string" ? query.q.trim().toLowerCase() : "";
  const users = await db().user.findMany({
    where: q ? { email: { contains: q } } : {},
    orderBy: { createdAt: "desc" },
    take: 100,
    select: { id: true, email: true, name: true, role: true, createdAt: true, cardMember: { select: { brand: true, last4: true } } },
  });
  const t = dict.card;
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t.usersTitle}</h1>
      <form className="flex gap-2" role="search">
        <label htmlFor="users-q" className="sr-only">
          {t.usersSearch}
        </label>
        <input id="users-q" name="q" defaultValue={q} placeholder={t.usersSearch} className={`${inputClass} max-w-sm`} />
        <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800">
          {t.usersSearchButton}
        </button>
      </form>
      {users.length === 0 ? (
        <p className="rounded-lg border border-stone-200 bg-white p-4">{t.usersEmpty}</p>
      ) : (
        <table className="w-full rounded-lg border border-stone-200 bg-white text-sm" data-testid="admin-users">
          <thead className="bg-stone-50 text-left text-stone-500">
            <tr>
              <th className="px-3 py-2 font-normal">{t.userEmail}</th>
              <th className="px-3 py-2 font-normal">{t.userRole}</th>
              <th className="px-3 py-2 font-normal">{t.userCreated}</th>
              <th className="px-3 py-2 font-normal">{t.userCard}</th>
              <th />
            </tr>
          </thead>
          <tbody className="divide-y divide-stone-100">
            {users.map((u) => (
              <tr key={u.id} data-testid="admin-user-row">
                <td className="px-3 py-2">{u.email}</td>
                <td className="px-3 py-2">{u.role === "admin" ? t.role_admin : t.role_customer}</td>
                <td className="px-3 py-2">{formatDateTime(u.createdAt, locale)}</td>
                <td className="px-3 py-2">{u.cardMember ? `${CARD_BRAND_NAMES[(u.cardMember.brand ?? "unknown") as CardBrand] ?? ""} **** ${u.cardMember.last4 ?? "----"}` : t.userNoCard}</td>
                <td className="px-3 py-2 text-right">
                  <Link href={`/admin/users/${u.id}`} className="text-brand-700 underline">
                    {t.userView}
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
