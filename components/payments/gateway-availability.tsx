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

/** The top of a gateway's settings page: title, and whether the gateway is offered at checkout. */
export function GatewaySettingsHeader({
  back,
  title,
  intro,
  statusTitle,
  testId,
  reasons,
  dict,
}: {
  back: { href: string; label: string };
  title: string;
  intro: string;
  statusTitle: string;
  /** data-testid of the availability box; its heading's id is `${testId}-title`. */
  testId: string;
  reasons: readonly MessageRef[];
  dict: Dictionary;
}) {
  return (
    <>
      <PageHeader back={back} title={title} intro={intro} />
      <Panel title={statusTitle} titleId={`${testId}-title`} data-testid={testId}>
        <GatewayAvailability reasons={reasons} dict={dict} />
      </Panel>
    </>
  );
}
