import { requireAdmin } from "@/lib/auth/session";
import { getDictionary } from "@/lib/i18n/server";
import { registeredGateways } from "@/lib/payments/registry";

export async function generateMetadata() {
  return { title: (await getDictionary()).dict.admin.paymentSettings };
}

export default async function PaymentSettingsPage() {
  await requireAdmin("/admin/payments");
  const { dict } = await getDictionary();
  const gateways = registeredGateways();
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{dict.admin.paymentSettings}</h1>
      {gateways.length === 0 && <p className="rounded-lg border border-stone-200 bg-white p-4 text-stone-700">{dict.admin.paymentSettingsEmpty}</p>}
    </div>
  );
}
