import "@/lib/payments/gateways";
import Link from "next/link";
import { GatewayAvailability } from "@/components/payments/gateway-availability";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState, Panel } from "@/components/ui/panel";
import { requireAdmin } from "@/lib/auth/session";
import { getDictionary } from "@/lib/i18n/server";
import { registeredGateways } from "@/lib/payments/registry";

export async function generateMetadata() {
  return { title: (await getDictionary()).dict.admin.paymentSettings };
}

export default async function PaymentSettingsPage() {
  await requireAdmin("/admin/payments");
  const { locale, dict } = await getDictionary();
  const gateways = await Promise.all(
    registeredGateways().map(async (g) => ({
      id: g.id,
      title: await g.title(locale),
      availability: await g.availability({ locale, total: 1000, userId: null }),
    })),
  );
  return (
    <div className="space-y-4">
      <PageHeader title={dict.admin.paymentSettings} />
      {gateways.length === 0 ? (
        <EmptyState className="text-stone-700">{dict.admin.paymentSettingsEmpty}</EmptyState>
      ) : (
        <ul className="space-y-3">
          {gateways.map((g) => (
            <Panel as="li" key={g.id} className="flex flex-wrap items-center justify-between gap-3" data-testid={`gateway-${g.id}`}>
              <div>
                <p className="font-bold">{g.title}</p>
                <GatewayAvailability reasons={g.availability.available ? [] : g.availability.reasons} dict={dict} />
              </div>
              <Link href={`/admin/payments/${g.id}`} className="rounded-md border border-stone-300 px-3 py-1.5 text-sm hover:bg-stone-50">
                {dict.settings.configure}
              </Link>
            </Panel>
          ))}
        </ul>
      )}
      <Link href="/admin/payments/log" className="inline-block text-sm text-brand-700 underline">
        {dict.settings.paymentLog}
      </Link>
    </div>
  );
}
