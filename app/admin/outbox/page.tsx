// The e-mail outbox: every order e-mail the shop wrote, sent or not. Without SMTP this is
// where they are read (and where the e2e suite checks them).
import Link from "next/link";
import { DescriptionList } from "@/components/ui/description-list";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { DetailsPanel, EmptyState, Panel } from "@/components/ui/panel";
import { requireAdmin } from "@/lib/auth/session";
import { fmt } from "@/lib/i18n";
import { getDictionary } from "@/lib/i18n/server";
import { listOutbox, outboxOrderFilter } from "@/lib/mail/outbox-queries";
import { formatDateTime } from "@/lib/shop/dates";

export async function generateMetadata() {
  return { title: (await getDictionary()).dict.cvsAdmin.outboxTitle };
}

export default async function OutboxPage({ searchParams }: PageProps<"/admin/outbox">) {
  await requireAdmin("/admin/outbox");
  const [{ locale, dict }, query] = await Promise.all([getDictionary(), searchParams]);
  const t = dict.cvsAdmin;
  const orderId = outboxOrderFilter(query.order);
  const { messages, page, pages } = await listOutbox({ orderId, page: Number(query.page) || 1 });
  const kinds: Record<string, string> = { order_received: t.kindOrderReceived, payment_received: t.kindPaymentReceived };
  return (
    <div className="space-y-4">
      <PageHeader title={t.outboxTitle} intro={t.outboxIntro} />
      {messages.length === 0 ? (
        <EmptyState>{t.outboxEmpty}</EmptyState>
      ) : (
        <ul className="space-y-3" data-testid="outbox">
          {messages.map((m) => (
            <Panel as="li" key={m.id} data-testid="outbox-message" data-kind={m.kind} data-order={m.orderId ?? ""}>
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <p className="font-bold">{m.subject}</p>
                <p className="text-xs text-stone-500">{formatDateTime(m.createdAt, locale)}</p>
              </div>
              <DescriptionList
                layout="inline"
                className="mt-1"
                items={[
                  { label: t.outboxKind, value: kinds[m.kind] ?? m.kind },
                  { label: t.outboxTo, value: m.to, className: "break-all" },
                  m.orderId !== null && {
                    label: t.outboxOrder,
                    value: (
                      <Link href={`/admin/orders/${m.orderId}`} className="text-brand-700 underline">
                        #{m.orderId}
                      </Link>
                    ),
                  },
                  {
                    label: t.outboxStatus,
                    value: m.sentAt ? t.outboxSent : m.error ? fmt(t.outboxError, { error: m.error }) : t.outboxNotSent,
                    className: m.error ? "text-accent-600" : "",
                  },
                ]}
              />
              <DetailsPanel summary={t.outboxBody} className="mt-2">
                <pre className="mt-2 whitespace-pre-wrap break-all rounded bg-stone-50 p-3 text-sm" data-testid="outbox-body">
                  {m.body}
                </pre>
              </DetailsPanel>
            </Panel>
          ))}
        </ul>
      )}
      <Pagination page={page} pages={pages} basePath="/admin/outbox" params={{ order: orderId === undefined ? undefined : String(orderId) }} labels={dict.admin} />
    </div>
  );
}
