import Link from "next/link";
import { CvsSettingsForm } from "@/app/admin/payments/cvs/settings-form";
import { requireAdmin } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { getDictionary } from "@/lib/i18n/server";
import { gatewaySettings } from "@/lib/payments/escott-client";
import { PRESET_FEE_ROWS } from "@/lib/payments/settings/fees";
import { secretHint } from "@/lib/payments/settings/store";

export async function generateMetadata() {
  return { title: (await getDictionary()).dict.cvs.settingsTitle };
}

export default async function CvsSettingsPage() {
  await requireAdmin("/admin/payments/cvs");
  const [{ dict }, s] = await Promise.all([getDictionary(), gatewaySettings("cvs")]);
  const notifyUrl = new URL("/api/escott/notification", env().SITE_URL).toString();
  return (
    <div className="space-y-6">
      <Link href="/admin/payments" className="text-sm text-brand-700 hover:underline">
        ← {dict.cvs.backToPayments}
      </Link>
      <div>
        <h1 className="text-2xl font-bold">{dict.cvs.settingsTitle}</h1>
        <p className="mt-1 text-sm text-stone-600">{dict.cvs.settingsIntro}</p>
      </div>
      <section className="rounded-lg border border-brand-100 bg-brand-50 p-4" aria-labelledby="notify-url-title">
        <h2 id="notify-url-title" className="font-bold">
          {dict.cvs.notifyUrl}
        </h2>
        <p className="mt-1 break-all font-mono text-sm" data-testid="notify-url">
          {notifyUrl}
        </p>
        <p className="mt-1 text-xs text-stone-600">{dict.cvs.notifyUrlHint}</p>
      </section>
      <CvsSettingsForm
        initial={{
          enabled: s.enabled,
          title: s.title,
          description: s.description,
          testMode: s.testMode,
          merchantId: s.merchantId,
          payLimitDays: s.payLimitDays,
          feeEnabled: s.feeEnabled,
          feeRows: s.feeRows,
          saveLog: s.saveLog,
        }}
        passHint={secretHint(s.merchantPass)}
        presetRows={PRESET_FEE_ROWS}
      />
    </div>
  );
}
