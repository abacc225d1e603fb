// Gateway settings in the database. Secret fields are sealed with the app's secret box and
// never leave the server in full: the admin page sees only "set" and their last 2 characters.
import type { Db } from "@/lib/db";
import type { SecretBox } from "@/lib/security/secret-box";
import { CARD_SECRETS, cardSettingsSchema, type CardSettings } from "@/lib/payments/settings/card";
import { CVS_SECRETS, cvsSettingsSchema, type CvsSettings } from "@/lib/payments/settings/cvs";
import { DEMO_CONTRACT } from "@/lib/escott/demo-contract";

export type GatewayId = "card" | "cvs";
export interface SettingsByGateway {
  card: CardSettings;
  cvs: CvsSettings;
}

const schemas = { card: cardSettingsSchema, cvs: cvsSettingsSchema } as const;
const secrets: Record<GatewayId, readonly string[]> = { card: CARD_SECRETS, cvs: CVS_SECRETS };

/**
 * Defaults: the manual's. When the shop talks to the local emulator, the credentials are
 * prefilled with the emulator's demo ones so that ticking 有効化 is all a local demo needs.
 */
export function defaultSettings<G extends GatewayId>(gateway: G, target: "emulator" | "sps"): SettingsByGateway[G] {
  const base = schemas[gateway].parse({}) as SettingsByGateway[G];
  if (target !== "emulator") return base;
  if (gateway === "card") {
    const c = DEMO_CONTRACT.card;
    return { ...base, merchantId: c.merchantId, merchantPass: c.merchantPass, tenantId: c.tenantId, tokenAuthCode: c.tokenAuthCode, aesKey: c.aesKey, aesIv: c.aesIv };
  }
  const c = DEMO_CONTRACT.cvs;
  return { ...base, merchantId: c.merchantId, merchantPass: c.merchantPass };
}

export async function loadSettings<G extends GatewayId>(db: Db, box: SecretBox, gateway: G, target: "emulator" | "sps"): Promise<SettingsByGateway[G]> {
  return settingsFromRow(await db.gatewaySettings.findUnique({ where: { gateway } }), box, gateway, target);
}

/** A gateway's settings from its stored row (secrets opened), or its defaults when it has none. */
export function settingsFromRow<G extends GatewayId>(row: { values: string } | null, box: SecretBox, gateway: G, target: "emulator" | "sps"): SettingsByGateway[G] {
  if (!row) return defaultSettings(gateway, target);
  const stored = JSON.parse(row.values) as Record<string, unknown>;
  for (const key of secrets[gateway]) {
    const v = stored[key];
    stored[key] = typeof v === "string" && v ? box.open(v) : "";
  }
  return schemas[gateway].parse(stored) as SettingsByGateway[G];
}

export async function saveSettings<G extends GatewayId>(db: Db, box: SecretBox, gateway: G, settings: SettingsByGateway[G]): Promise<void> {
  const stored: Record<string, unknown> = { ...settings };
  for (const key of secrets[gateway]) {
    const v = stored[key];
    stored[key] = typeof v === "string" && v ? box.seal(v) : "";
  }
  const values = JSON.stringify(stored);
  await db.gatewaySettings.upsert({ where: { gateway }, create: { gateway, values }, update: { values } });
}

/** Gateways stored as enabled with テストモード off (live payments), read without opening any secret. */
export async function liveGateways(db: Db): Promise<string[]> {
  const rows = await db.gatewaySettings.findMany({ select: { gateway: true, values: true } });
  return rows.flatMap((row) => {
    try {
      const v = JSON.parse(row.values) as Record<string, unknown>;
      return v.enabled === true && v.testMode === false ? [row.gateway] : [];
    } catch {
      return [];
    }
  });
}

/** A stored settings row (GatewaySettings.values) with each sealed secret passed through `reseal` (key rotation). */
export function resealSettingsValues(gateway: string, values: string, reseal: (sealed: string) => string): string {
  if (gateway !== "card" && gateway !== "cvs") return values;
  const stored = JSON.parse(values) as Record<string, unknown>;
  for (const key of secrets[gateway]) {
    const v = stored[key];
    if (typeof v === "string" && v) stored[key] = reseal(v);
  }
  return JSON.stringify(stored);
}

/** What the admin page may show of a secret: whether it is set and its last 2 characters. */
export function secretHint(value: string): { set: boolean; last2: string } {
  return { set: value.length > 0, last2: value.length > 2 ? value.slice(-2) : "" };
}

export function isSecretField(gateway: GatewayId, key: string): boolean {
  return secrets[gateway].includes(key);
}
