import Link from "next/link";
import { LogoutButton } from "@/components/auth/logout-button";
import { StatusBadge } from "@/components/order/status-badge";
import { PageHeader } from "@/components/ui/page-header";
import { Panel } from "@/components/ui/panel";
import { Table } from "@/components/ui/table";
import { ResendVerificationButton } from "@/components/auth/resend-verification-button";
import { Notice } from "@/components/ui/notice";
import { isEmailVerified } from "@/lib/auth/email-verification";
import { requireUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { fmt, formatYen } from "@/lib/i18n";
import { getDictionary } from "@/lib/i18n/server";
import { ordersOfUser } from "@/lib/orders/queries";
import { formatDateTime } from "@/lib/shop/dates";

export async function generateMetadata() {
  return { title: (await getDictionary()).dict.account.title };
}

export default async function AccountPage() {
  const user = await requireUser("/account");
  const [{ locale, dict }, orders, verified] = await Promise.all([getDictionary(), ordersOfUser(user.id), isEmailVerified(db(), user.id)]);
  return (
    <div className="space-y-6">
      <div>
        <PageHeader title={dict.account.title} />
        <p className="text-sm text-stone-600" data-testid="account-email">
          {fmt(dict.account.welcome, { email: user.email })}
        </p>
        <Link href="/account/card" className="mt-2 inline-block text-sm text-brand-700 underline">{dict.card.accountTitle}</Link>
        <Link href="/account/password" className="mt-2 ml-4 inline-block text-sm text-brand-700 underline">{dict.account.changePassword}</Link>
      </div>
      {!verified && (
        <Notice tone="warning" as="div" className="space-y-2" data-testid="verify-needed">
          <p>{dict.auth.verifyNeeded}</p>
          <ResendVerificationButton />
        </Notice>
      )}
      <Panel title={dict.account.logoutEverywhere}>
        <p className="mb-2 text-sm text-stone-600">{dict.account.logoutEverywhereHelp}</p>
        <LogoutButton everywhere testId="logout-everywhere" label={dict.account.logoutEverywhere} className="rounded border border-stone-300 px-3 py-1.5 text-sm hover:bg-stone-50" />
      </Panel>
      <Panel title={dict.account.orders}>
        <Table
          variant="plain"
          rows={orders}
          rowKey={(o) => o.id}
          rowTestId="account-order"
          empty={dict.account.noOrders}
          columns={[
            { header: dict.order.number, cell: (o) => `#${o.id}` },
            { header: dict.order.date, cell: (o) => formatDateTime(o.createdAt, locale) },
            { header: dict.order.status, cell: (o) => <StatusBadge status={o.status} dict={dict} /> },
            { header: dict.order.total, align: "right", cell: (o) => formatYen(dict, o.total) },
            {
              key: "view",
              align: "right",
              cell: (o) => (
                <Link href={`/account/orders/${o.id}`} className="text-brand-700 underline">
                  {dict.account.viewOrder}
                </Link>
              ),
            },
          ]}
        />
      </Panel>
    </div>
  );
}
