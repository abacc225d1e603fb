import { ShippingSettingsForm } from "@/app/admin/shop/shipping/settings-form";
import { PageHeader } from "@/components/ui/page-header";
import { requireAdmin } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { getDictionary } from "@/lib/i18n/server";
import { shippingSection } from "@/lib/shop/shipping-fees";
import { envShippingDefaults } from "@/lib/shop/shipping";
import { loadShopSettings } from "@/lib/shop/settings/store";

export async function generateMetadata() {
  return { title: (await getDictionary()).dict.shipping.settingsTitle };
}

export default async function ShippingSettingsPage() {
  await requireAdmin("/admin/shop/shipping");
  const [{ dict }, settings] = await Promise.all([getDictionary(), loadShopSettings(db(), shippingSection)]);
  return (
    <div className="space-y-6">
      <PageHeader title={dict.shipping.settingsTitle} intro={dict.shipping.settingsIntro} />
      <ShippingSettingsForm initial={settings} defaults={envShippingDefaults()} />
    </div>
  );
}
