import { StaticImage } from "@/components/ui/static-image";
import { TwoFactorDisableForm } from "@/components/admin/two-factor-disable-form";
import { TwoFactorEnrolment } from "@/components/admin/two-factor-enrolment";
import { DescriptionList } from "@/components/ui/description-list";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { Panel } from "@/components/ui/panel";
import { safeReturnPath } from "@/lib/auth/safe-redirect";
import { requireAdmin } from "@/lib/auth/session";
import { beginEnrolment, twoFactorState } from "@/lib/auth/two-factor";
import { groupedSecret, qrCodeDataUrl } from "@/lib/auth/two-factor-qr";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { fmt } from "@/lib/i18n";
import { getDictionary } from "@/lib/i18n/server";
import { appSecretBox } from "@/lib/security/app-box";
import { formatDateTime } from "@/lib/shop/dates";

export async function generateMetadata() {
  return { title: (await getDictionary()).dict.twoFactor.title };
}

// The admin's own second factor. Reachable before enrolment (ADMIN_REQUIRE_2FA sends admins here),
// but, once there is a second factor, only from a login that passed it.
export default async function SecurityPage({ searchParams }: PageProps<"/admin/security">) {
  const admin = await requireAdmin("/admin/security", { enrolment: true });
  const [{ dict, locale }, query, state] = await Promise.all([getDictionary(), searchParams, twoFactorState(db(), admin.id)]);
  const next = safeReturnPath(query.next, "/admin", env().SITE_URL);
  const t = dict.twoFactor;

  if (state.enabled) {
    return (
      <div className="max-w-2xl space-y-6">
        <PageHeader title={t.title} intro={t.intro} />
        <DescriptionList
          card
          data-testid="two-factor-status"
          items={[
            { label: t.status, value: t.statusOn },
            state.enabledAt && { label: t.enabledSince, value: formatDateTime(state.enabledAt, locale) },
            { label: t.recoveryLeft, value: fmt(t.recoveryLeftCount, { count: state.recoveryCodesLeft }) },
          ]}
          columns={3}
        />
        <Panel title={t.disableTitle} titleId="two-factor-disable">
          <TwoFactorDisableForm />
        </Panel>
      </div>
    );
  }

  const enrolment = await beginEnrolment(db(), appSecretBox(), admin, env().SHOP_NAME);
  if (!enrolment) return null; // confirmed in another tab meanwhile: the next load shows the status
  const qr = await qrCodeDataUrl(enrolment.uri);
  const setup = (
    <Panel title={t.scanTitle} titleId="enrol-scan-title" className="space-y-3">
      <p className="text-sm">{t.scanHelp}</p>
      <StaticImage src={qr} alt={t.qrAlt} width={200} height={200} unoptimized className="rounded border border-stone-200" />
      <p className="text-sm">{t.manualHelp}</p>
      <DescriptionList
        layout="inline"
        items={[{ label: t.secretLabel, value: <code className="font-mono text-base tracking-wider" data-testid="totp-secret">{groupedSecret(enrolment.secret)}</code> }]}
      />
    </Panel>
  );
  return (
    <div className="max-w-2xl space-y-6">
      <PageHeader title={t.title} intro={t.intro} />
      {env().ADMIN_REQUIRE_2FA && <Notice tone="warning">{t.requiredNotice}</Notice>}
      <TwoFactorEnrolment setup={setup} next={next} />
    </div>
  );
}
