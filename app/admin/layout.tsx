import { headers } from "next/headers";
import Link from "next/link";
import { DictionaryGroups } from "@/components/i18n-provider";
import { requireAdmin } from "@/lib/auth/session";
import { clientGroups } from "@/lib/i18n/client-payload";
import { getDictionary } from "@/lib/i18n/server";
import { REQUEST_PATH_HEADER, requestPathUnder } from "@/lib/security/request-path";

export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  // Each page and action checks again: a layout does not guard the requests of its children.
  // The enrolment page is under this layout, so the layout lets an admin without a second factor
  // through even with ADMIN_REQUIRE_2FA (every other page sends them to enrol).
  // Pages redirected from here come back to the page asked for (proxy.ts passes its path on).
  await requireAdmin(requestPathUnder((await headers()).get(REQUEST_PATH_HEADER), "/admin"), { enrolment: true });
  const { dict } = await getDictionary();
  const links = [
    { href: "/admin", label: dict.admin.dashboard },
    { href: "/admin/orders", label: dict.admin.orders },
    { href: "/admin/payments", label: dict.admin.paymentSettings },
    { href: "/admin/shop/shipping", label: dict.shipping.navSettings },
    { href: "/admin/shop/delivery", label: dict.delivery.navSettings },
    { href: "/admin/payments/log", label: dict.cardAdmin.navPaymentLog },
    { href: "/admin/shop/invoice", label: dict.receipts.nav },
    { href: "/admin/users", label: dict.cardAdmin.navUsers },
    { href: "/admin/outbox", label: dict.cvsAdmin.outboxTitle },
    { href: "/admin/security", label: dict.twoFactor.nav },
  ];
  return (
    <div className="grid gap-6 md:grid-cols-[200px_1fr]">
      <nav aria-label={dict.admin.title} className="h-fit rounded-lg border border-stone-200 bg-white p-2">
        <p className="px-3 py-2 text-xs font-bold uppercase tracking-wide text-stone-500">{dict.admin.title}</p>
        {links.map((l) => (
          <Link key={l.href} href={l.href} className="block rounded px-3 py-2 text-sm hover:bg-stone-100">
            {l.label}
          </Link>
        ))}
      </nav>
      <div className="min-w-0">
        {/* The admin forms' texts (lib/i18n/client-payload.ts). */}
        <DictionaryGroups groups={clientGroups(dict, "admin")}>{children}</DictionaryGroups>
      </div>
    </div>
  );
}
