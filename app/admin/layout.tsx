import Link from "next/link";
import { requireAdmin } from "@/lib/auth/session";
import { getDictionary } from "@/lib/i18n/server";

export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  // Each page and action checks again: a layout does not guard the requests of its children.
  await requireAdmin("/admin");
  const { dict } = await getDictionary();
  const link = "block rounded px-3 py-2 text-sm hover:bg-stone-100";
  return (
    <div className="grid gap-6 md:grid-cols-[200px_1fr]">
      <nav aria-label={dict.admin.title} className="h-fit rounded-lg border border-stone-200 bg-white p-2">
        <p className="px-3 py-2 text-xs font-bold uppercase tracking-wide text-stone-500">{dict.admin.title}</p>
        <Link href="/admin" className={link}>
          {dict.admin.dashboard}
        </Link>
        <Link href="/admin/orders" className={link}>
          {dict.admin.orders}
        </Link>
        <Link href="/admin/payments" className={link}>
          {dict.admin.paymentSettings}
        </Link>
        <Link href="/admin/payments/log" className={link}>{dict.card.navPaymentLog}</Link>
        <Link href="/admin/users" className={link}>{dict.card.navUsers}</Link>
        <Link href="/admin/outbox" className={link}>{dict.cvs.outboxTitle}</Link>
      </nav>
      <div className="min-w-0">{children}</div>
    </div>
  );
}
