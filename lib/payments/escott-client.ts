import "server-only";
// Builds the e-SCOTT client for a gateway from the environment (emulator or SPS hosts,
// timeout) and the admin settings (credentials, test mode), with the payment log attached.
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { createEscottClient, type EscottClient, type EscottConfig } from "@/lib/escott";
import { logEntryFromCall, writePaymentLog } from "@/lib/payments/payment-log";
import { cardMissing, type CardSettings } from "@/lib/payments/settings/card";
import { cvsMissing, type CvsSettings } from "@/lib/payments/settings/cvs";
import { inRequestMemo, memoized } from "@/lib/request-memo";
import { loadSettings, settingsFromRow, type GatewayId, type SettingsByGateway } from "@/lib/payments/settings/store";
import { appSecretBox } from "@/lib/security/app-box";

/**
 * The gateway's settings, read (and their secrets opened) once per request inside withRequestMemo(),
 * where every gateway's row comes in one query (a checkout asks about each gateway).
 */
export function gatewaySettings<G extends GatewayId>(gateway: G): Promise<SettingsByGateway[G]> {
  if (!inRequestMemo()) return loadSettings(db(), appSecretBox(), gateway, env().ESCOTT_TARGET);
  return memoized(`gateway-settings:${gateway}`, async () => {
    const rows = await memoized("gateway-settings:rows", () => db().gatewaySettings.findMany());
    return settingsFromRow(rows.find((row) => row.gateway === gateway) ?? null, appSecretBox(), gateway, env().ESCOTT_TARGET);
  });
}

function baseConfig(testMode: boolean): Pick<EscottConfig, "mode" | "baseUrlOverride" | "timeoutMs"> {
  const e = env();
  return {
    mode: testMode ? "test" : "production",
    baseUrlOverride: e.ESCOTT_TARGET === "emulator" ? e.ESCOTT_EMULATOR_URL : undefined,
    timeoutMs: e.ESCOTT_TIMEOUT_MS,
  };
}

/** Card client, or null when the settings lack what e-SCOTT needs (the admin page says why). */
export function cardClient(settings: CardSettings): EscottClient | null {
  if (cardMissing({ ...settings, enabled: true }).length > 0) return null;
  return createEscottClient({
    ...baseConfig(settings.testMode),
    card: {
      merchantId: settings.merchantId,
      merchantPass: settings.merchantPass,
      tenantId: settings.tenantId,
      tokenAuthCode: settings.tokenAuthCode,
      ...(settings.aesKey && settings.aesIv ? { aesKey: settings.aesKey, aesIv: settings.aesIv } : {}),
    },
    onCall: (record) => writePaymentLog(db(), logEntryFromCall("card", record), settings.saveLog),
  });
}

export function cvsClient(settings: CvsSettings): EscottClient | null {
  if (cvsMissing({ ...settings, enabled: true }).length > 0) return null;
  return createEscottClient({
    ...baseConfig(settings.testMode),
    cvs: { merchantId: settings.merchantId, merchantPass: settings.merchantPass },
    onCall: (record) => writePaymentLog(db(), logEntryFromCall("cvs", record), settings.saveLog),
  });
}
