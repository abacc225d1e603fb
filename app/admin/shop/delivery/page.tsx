import { DeliverySettingsForm } from "@/app/admin/shop/delivery/settings-form";
import { PageHeader } from "@/components/ui/page-header";
import { requireAdmin } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { getDictionary } from "@/lib/i18n/server";
import { deliverySection } from "@/lib/shop/delivery";
import { loadShopSettings } from "@/lib/shop/settings/store";

export async function generateMetadata() {
  return { title: (await getDictionary()).dict.delivery.settingsTitle };
}

export default async function DeliverySettingsPage() {
  await requireAdmin("/admin/shop/delivery");
  const [{ dict }, settings] = await Promise.all([getDictionary(), loadShopSettings(db(), deliverySection)]);
  return (
    <div className="space-y-6">
      <PageHeader title={dict.delivery.settingsTitle} intro={dict.delivery.settingsIntro} />
      <DeliverySettingsForm initial={settings} />
    </div>
  );
}
