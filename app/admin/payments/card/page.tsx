import { CardSettingsForm } from "@/app/admin/payments/card/settings-form";
import { GatewaySettingsHeader } from "@/components/payments/gateway-availability";
import { formValues } from "@/components/payments/settings-form-values";
import { DescriptionList } from "@/components/ui/description-list";
import { Notice } from "@/components/ui/notice";
import { Panel } from "@/components/ui/panel";
import { requireAdmin } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { getDictionary } from "@/lib/i18n/server";
import { threeDSReturnUrl } from "@/lib/payments/card/context";
import { gatewaySettings } from "@/lib/payments/escott-client";
import { notificationUrl } from "@/lib/payments/notification-url";
import { cardMissing } from "@/lib/payments/settings/card";
import { secretHint } from "@/lib/payments/settings/store";
import { liveModeReasons } from "@/lib/security/live-mode";

export async function generateMetadata() {
  return { title: (await getDictionary()).dict.cardAdmin.settingsTitle };
}

export default async function CardSettingsPage() {
  await requireAdmin("/admin/payments/card");
  const [{ dict }, s] = await Promise.all([getDictionary(), gatewaySettings("card")]);
  const siteUrl = env().SITE_URL;
  return (
    <div className="space-y-6">
      <GatewaySettingsHeader gateway="card" backLabel={dict.admin.paymentSettings} reasons={[...cardMissing(s), ...liveModeReasons(s, siteUrl)]} dict={dict} />
      {!s.threeDSecure && (
        <Notice tone="warning" role="note" data-testid="three-ds-off-warning">
          {dict.cardAdmin.threeDSecureOffWarning}
        </Notice>
      )}
      <Panel title={dict.cardAdmin.urlsTitle} titleId="card-urls-title" className="space-y-2">
        <p className="text-xs text-stone-600">{dict.cardAdmin.urlsHelp}</p>
        <DescriptionList
          items={[
            { label: dict.cardAdmin.threeDSReturnUrl, value: threeDSReturnUrl(siteUrl), className: "break-all font-mono", "data-testid": "three-ds-return-url" },
            { label: dict.cardAdmin.notificationUrl, value: notificationUrl(siteUrl), className: "break-all font-mono", "data-testid": "notification-url" },
          ]}
        />
      </Panel>
      <CardSettingsForm
        initial={formValues(s, ["enabled", "title", "description", "testMode", "merchantId", "tenantId", "threeDSecure", "tokenAuthCode", "securityCode", "cardMember", "alwaysSaveCard", "operateId", "installments", "saveLog", "declinesPerOrder", "declinesPerIpHour", "declinesPerShopperHour", "registrationsPerHour", "abandonAfterMinutes"])}
        secrets={{ merchantPass: secretHint(s.merchantPass), aesKey: secretHint(s.aesKey), aesIv: secretHint(s.aesIv) }}
      />
    </div>
  );
}
