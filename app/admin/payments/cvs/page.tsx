import { CvsSettingsForm } from "@/app/admin/payments/cvs/settings-form";
import { GatewaySettingsHeader } from "@/components/payments/gateway-availability";
import { formValues } from "@/components/payments/settings-form-values";
import { Panel } from "@/components/ui/panel";
import { requireAdmin } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { getDictionary } from "@/lib/i18n/server";
import { gatewaySettings } from "@/lib/payments/escott-client";
import { notificationUrl } from "@/lib/payments/notification-url";
import { cvsMissing } from "@/lib/payments/settings/cvs";
import { PRESET_FEE_ROWS } from "@/lib/payments/settings/fees";
import { secretHint } from "@/lib/payments/settings/store";
import { liveModeReasons } from "@/lib/security/live-mode";

export async function generateMetadata() {
  return { title: (await getDictionary()).dict.cvsAdmin.settingsTitle };
}

export default async function CvsSettingsPage() {
  await requireAdmin("/admin/payments/cvs");
  const [{ dict }, s] = await Promise.all([getDictionary(), gatewaySettings("cvs")]);
  const notifyUrl = notificationUrl(env().SITE_URL);
  return (
    <div className="space-y-6">
      <GatewaySettingsHeader gateway="cvs" backLabel={dict.cvsAdmin.backToPayments} reasons={[...cvsMissing(s), ...liveModeReasons(s, env().SITE_URL)]} dict={dict} />
      <Panel title={dict.cvsAdmin.notifyUrl} titleId="notify-url-title" className="space-y-1">
        <p className="break-all font-mono text-sm" data-testid="notify-url">
          {notifyUrl}
        </p>
        <p className="text-xs text-stone-600">{dict.cvsAdmin.notifyUrlHint}</p>
      </Panel>
      <CvsSettingsForm
        initial={formValues(s, ["enabled", "title", "description", "testMode", "merchantId", "payLimitDays", "feeEnabled", "feeRows", "saveLog", "unpaidPerEmail", "unpaidPerIp"])}
        passHint={secretHint(s.merchantPass)}
        presetRows={PRESET_FEE_ROWS}
      />
    </div>
  );
}
