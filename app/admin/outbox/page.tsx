// The e-mail outbox: every order e-mail the shop wrote, sent or not. Without SMTP this is
// where they are read (and where the e2e suite checks them).
import Link from "next/link";
import { requireAdmin } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { fmt } from "@/lib/i18n";
import { getDictionary } from "@/lib/i18n/server";
import { formatDateTime } from "@/lib/shop/dates";

export async function generateMetadata() {
  return { title: (await getDictionary()).dict.cvs.outboxTitle };
}

const PAGE_SIZE = 50;

export default async function OutboxPage({ searchParams }: PageProps<"/admin/outbox">) {
  await requireAdmin("/admin/outbox");
  const [{ locale, dict }, query] = await Promise.all([getDictionary(), searchParams]);
  const t = dict.cvs;
  const orderFilter = typeof query.order === "string" && /^\d{1,9}$/.test(query.order) ? Number(query.order) : undefined;
  const messages = await db().emailMessage.findMany({
    where: orderFilter ? { orderId: orderFilter } : {},
    orderBy: { createdAt: "desc" },
    take: PAGE_SIZE,
  });
  const kinds: Record<string, string> = { order_received: t.kindOrderReceived, payment_received: t.kindPaymentReceived };
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t.outboxTitle}</h1>
      <p className="text-sm text-stone-600">{t.outboxIntro}</p>
      {messages.length === 0 ? (
        <p className="rounded-lg border border-stone-200 bg-white p-4">{t.outboxEmpty}</p>
      ) : (
        <ul className="space-y-3" data-testid="outbox">
          {messages.map((m) => (
            <li key={m.id} className="rounded-lg border border-stone-200 bg-white p-4" data-testid="outbox-message" data-kind={m.kind} data-order={m.orderId ?? ""}>
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <p className="font-bold">{m.subject}</p>
                <p className="text-xs text-stone-500">{formatDateTime(m.createdAt, locale)}</p>
              </div>
              <dl className="mt-1 grid grid-cols-[max-content_1fr] gap-x-3 text-sm">
                <dt className="text-stone-500">{t.outboxKind}</dt>
                <dd>{kinds[m.kind] ?? m.kind}</dd>
                <dt className="text-stone-500">{t.outboxTo}</dt>
                <dd className="break-all">{m.to}</dd>
                {m.orderId !== null && (
                  <>
                    <dt className="text-stone-500">{t.outboxOrder}</dt>
                    <dd>
                      <Link href={`/admin/orders/${m.orderId}`} className="text-brand-700 underline">
                        #{m.orderId}
                      </Link>
                    </dd>
                  </>
                )}
                <dt className="text-stone-500">{t.outboxStatus}</dt>
                <dd className={m.error ? "text-accent-600" : ""}>{m.sentAt ? t.outboxSent : m.error ? fmt(t.outboxError, { error: m.error }) : t.outboxNotSent}</dd>
              </dl>
              <details className="mt-2">
                <summary className="cursor-pointer text-sm text-brand-700">{t.outboxBody}</summary>
                <pre className="mt-2 whitespace-pre-wrap break-all rounded bg-stone-50 p-3 text-sm" data-testid="outbox-body">
                  {m.body}
                </pre>
              </details>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
