// Live payments (a gateway with テストモード off) need an https:// SITE_URL: card data, the 3-D
// Secure return and the payment notifications must not travel in clear text. Enforced where the
// gateways' settings are known: saving them (lib/payments/settings/update.ts), offering the
// gateway at checkout (each gateway's availability, also checked when the order is submitted),
// and My Account card registration. The settings pages show the reason.
import { liveModeNeedsHttps } from "@/lib/env";
import type { MessageKeys } from "@/lib/i18n/keys";

export type LiveModeReason = MessageKeys<"settings.liveNeedsHttps">;

/** Why these settings cannot take live payments at this SITE_URL (dictionary keys); empty when they can. */
export function liveModeReasons(settings: { testMode: boolean }, siteUrl: string): LiveModeReason[] {
  return !settings.testMode && liveModeNeedsHttps(siteUrl) ? ["settings.liveNeedsHttps"] : [];
}
