// The availability line reads as the admin pages (and the e2e suite) expect, without a live role.
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { GatewayAvailability } from "@/components/payments/gateway-availability";
import { dictionaryFor } from "@/lib/i18n";

const dict = dictionaryFor("ja");

describe("GatewayAvailability", () => {
  it("says the method is offered when nothing is missing", () => {
    expect(renderToStaticMarkup(<GatewayAvailability reasons={[]} dict={dict} />)).toBe(`<p class="text-brand-700 text-sm">${dict.settings.available}</p>`);
  });

  it("lists the reasons it is not offered", () => {
    const html = renderToStaticMarkup(<GatewayAvailability reasons={["settings.notEnabled", "settings.missingTokenAuthCode"]} dict={dict} />);
    expect(html).toBe(`<p class="text-accent-600 text-sm">${dict.settings.unavailableBecause}${dict.settings.notEnabled} ${dict.settings.missingTokenAuthCode}</p>`);
    expect(html).not.toContain("role=");
  });
});
