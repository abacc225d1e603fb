import { InvoiceSettingsForm } from "@/app/admin/shop/invoice/settings-form";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { requireAdmin } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { getDictionary } from "@/lib/i18n/server";
import { invoiceSection, receiptsConfigured } from "@/lib/receipts/settings";
import { loadShopSettings } from "@/lib/shop/settings/store";

export async function generateMetadata() {
  return { title: (await getDictionary()).dict.receipts.settingsTitle };
}

export default async function InvoiceSettingsPage() {
  await requireAdmin("/admin/shop/invoice");
  const [{ dict }, s] = await Promise.all([getDictionary(), loadShopSettings(db(), invoiceSection)]);
  return (
    <div className="space-y-6">
      <PageHeader title={dict.receipts.settingsTitle} intro={dict.receipts.settingsIntro} />
      {!receiptsConfigured(s) && <Notice tone="warning" role={null}>{dict.receipts.notConfigured}</Notice>}
      <InvoiceSettingsForm
        initial={{ issuerName: s.issuerName, registrationNumber: s.registrationNumber, address: s.address, phone: s.phone }}
        sealDataUrl={s.seal ? `data:${s.seal.type};base64,${s.seal.base64}` : null}
      />
    </div>
  );
}
