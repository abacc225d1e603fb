import Link from "next/link";
import { CardSettingsForm } from "@/app/admin/payments/card/settings-form";
import { requireAdmin } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { errorText } from "@/lib/i18n";
import { getDictionary } from "@/lib/i18n/server";
import { threeDSReturnUrl } from "@/lib/payments/card/context";
import { gatewaySettings } from "@/lib/payments/escott-client";
import { cardMissing } from "@/lib/payments/settings/card";
import { secretHint } from "@/lib/payments/settings/store";

export async function generateMetadata() {
  return { title: (await getDictionary()).dict.card.settingsTitle };
}

export default async function CardSettingsPage() {
  await requireAdmin("/admin/payments/card");
  const [{ dict }, s] = await Promise.all([getDictionary(), gatewaySettings("card")]);
  const missing = cardMissing(s);
  const siteUrl = env().SITE_URL;
  return (
    <div className="space-y-6">
      <Link href="/admin/payments" className="text-sm text-brand-700 hover:underline">
        ← {dict.admin.paymentSettings}
      </Link>
      <div>
        <h1 className="text-2xl font-bold">{dict.card.settingsTitle}</h1>
        <p className="mt-1 text-sm text-stone-600">{dict.card.settingsIntro}</p>
      </div>
      <section className="rounded-lg border border-stone-200 bg-white p-4" aria-labelledby="card-status-title" data-testid="card-availability">
        <h2 id="card-status-title" className="font-bold">
          {dict.card.statusTitle}
        </h2>
        {missing.length === 0 ? (
          <p className="mt-1 text-sm text-brand-700">{dict.settings.available}</p>
        ) : (
          <p className="mt-1 text-sm text-accent-600">
            {dict.settings.unavailableBecause}
            {missing.map((m) => errorText(dict, m)).join(" ")}
          </p>
        )}
      </section>
      <section className="rounded-lg border border-brand-100 bg-brand-50 p-4" aria-labelledby="card-urls-title">
        <h2 id="card-urls-title" className="font-bold">
          {dict.card.urlsTitle}
        </h2>
        <p className="mt-1 text-xs text-stone-600">{dict.card.urlsHelp}</p>
        <dl className="mt-2 space-y-2 text-sm">
          <div>
            <dt className="font-medium">{dict.card.threeDSReturnUrl}</dt>
            <dd className="break-all font-mono" data-testid="three-ds-return-url">
              {threeDSReturnUrl(siteUrl)}
            </dd>
          </div>
          <div>
            <dt className="font-medium">{dict.card.notificationUrl}</dt>
            <dd className="break-all font-mono" data-testid="notification-url">
              {new URL("/api/escott/notification", siteUrl).href}
            </dd>
          </div>
        </dl>
      </section>
      <CardSettingsForm
        initial={{
          enabled: s.enabled,
          title: s.title,
          description: s.description,
          testMode: s.testMode,
          merchantId: s.merchantId,
          tenantId: s.tenantId,
          threeDSecure: s.threeDSecure,
          tokenAuthCode: s.tokenAuthCode,
          securityCode: s.securityCode,
          cardMember: s.cardMember,
          alwaysSaveCard: s.alwaysSaveCard,
          operateId: s.operateId,
          installments: s.installments,
          saveLog: s.saveLog,
        }}
        secrets={{ merchantPass: secretHint(s.merchantPass), aesKey: secretHint(s.aesKey), aesIv: secretHint(s.aesIv) }}
      />
    </div>
  );
}
