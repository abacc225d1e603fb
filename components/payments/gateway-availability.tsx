// Whether a payment method is offered at checkout, as the admin sees it: "offered", or "not
// offered: " and the reasons (not enabled, a setting missing…). Part of the page, not news, so
// no live-region role.
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { Panel } from "@/components/ui/panel";
import { errorText, type Dictionary, type MessageRef } from "@/lib/i18n";

export function GatewayAvailability({ reasons, dict }: { /** Why it is not offered; none: it is. */ reasons: readonly MessageRef[]; dict: Dictionary }) {
  if (reasons.length === 0) {
    return (
      <Notice variant="text" tone="success" role={null} className="text-sm">
        {dict.settings.available}
      </Notice>
    );
  }
  return (
    <Notice variant="text" tone="error" role={null} className="text-sm">
      {dict.settings.unavailableBecause}
      {reasons.map((r) => errorText(dict, r)).join(" ")}
    </Notice>
  );
}

/**
 * The top of a gateway's settings page: a way back to the payment settings, the gateway's title
 * and intro (its admin dictionary group's settingsTitle, settingsIntro: cardAdmin, cvsAdmin), and whether it is offered at
 * checkout (statusTitle; the box is `${gateway}-availability`, its heading `${gateway}-availability-title`).
 */
export function GatewaySettingsHeader({ gateway, backLabel, reasons, dict }: { gateway: "card" | "cvs"; backLabel: string; reasons: readonly MessageRef[]; dict: Dictionary }) {
  const text = dict[`${gateway}Admin`];
  const testId = `${gateway}-availability`;
  return (
    <>
      <PageHeader back={{ href: "/admin/payments", label: backLabel }} title={text.settingsTitle} intro={text.settingsIntro} />
      <Panel title={text.statusTitle} titleId={`${testId}-title`} data-testid={testId}>
        <GatewayAvailability reasons={reasons} dict={dict} />
      </Panel>
    </>
  );
}
