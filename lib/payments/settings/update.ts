// Saving a gateway's settings from the admin form: secrets left blank keep their stored
// value, everything is validated, and the two gateways must agree on テストモード (the
// manual forbids card in test mode with online payment in production, and vice versa).
import type { Db } from "@/lib/db";
import { env } from "@/lib/env";
import { liveModeReasons } from "@/lib/security/live-mode";
import { fieldErrors, type FieldErrors } from "@/lib/checkout/address-schema";
import type { SecretBox } from "@/lib/security/secret-box";
import { cardSettingsSchema } from "@/lib/payments/settings/card";
import { cvsSettingsSchema } from "@/lib/payments/settings/cvs";
import { isSecretField, loadSettings, saveSettings, type GatewayId, type SettingsByGateway } from "@/lib/payments/settings/store";

export type UpdateResult = { ok: true } | { ok: false; errors: FieldErrors };

const schemas = { card: cardSettingsSchema, cvs: cvsSettingsSchema } as const;

// An unticked checkbox is simply absent from a form submission: absent means off here.
export const CHECKBOXES: Record<GatewayId, readonly string[]> = {
  card: ["enabled", "testMode", "threeDSecure", "securityCode", "cardMember", "alwaysSaveCard", "saveLog"],
  cvs: ["enabled", "testMode", "feeEnabled", "saveLog"],
};

export async function updateSettings<G extends GatewayId>(
  db: Db,
  box: SecretBox,
  gateway: G,
  input: Record<string, unknown>,
  target: "emulator" | "sps",
  siteUrl: string = env().SITE_URL,
): Promise<UpdateResult> {
  const current = (await loadSettings(db, box, gateway, target)) as unknown as Record<string, unknown>;
  const merged: Record<string, unknown> = { ...input };
  for (const key of CHECKBOXES[gateway]) if (!(key in input)) merged[key] = false;
  for (const [key, value] of Object.entries(input)) {
    if (isSecretField(gateway, key) && (value === "" || value === undefined)) merged[key] = current[key];
  }
  const parsed = schemas[gateway].safeParse(merged);
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
  const next = parsed.data as SettingsByGateway[G];

  const otherId: GatewayId = gateway === "card" ? "cvs" : "card";
  const other = await loadSettings(db, box, otherId, target);
  if (next.enabled && other.enabled && next.testMode !== other.testMode) {
    return { ok: false, errors: { testMode: gateway === "card" ? "settings.modeMismatchCard" : "settings.modeMismatchCvs" } };
  }
  // Live payments need an https:// SITE_URL (a disabled gateway takes none; enabling it comes through here).
  const [liveRefused] = next.enabled ? liveModeReasons(next, siteUrl) : [];
  if (liveRefused) return { ok: false, errors: { testMode: liveRefused } };
  await saveSettings(db, box, gateway, next);
  return { ok: true };
}
