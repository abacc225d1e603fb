// クレジットカード決済の設定 — the fields and defaults of the operation manual.
import { z } from "zod";
import { CARD_CHECKOUT_OPERATIONS, OPERATE_ID } from "@/lib/escott/names";
import { msg, type MessageKey } from "@/lib/i18n/keys";
import { abandonMinutes, alnum, checkbox, digits, limit, trimmed } from "@/lib/payments/settings/fields";

export const CARD_SECRETS = ["merchantPass", "aesKey", "aesIv"] as const;

export const cardSettingsSchema = z
  .object({
    enabled: checkbox.default(false),
    title: trimmed(60).default("クレジットカード"),
    description: trimmed(200).default("クレジットカードで支払う"),
    testMode: checkbox.default(true),
    merchantId: digits(13).default(""),
    merchantPass: alnum(64).default(""),
    tenantId: digits(4).default("0001"),
    // On for new installs: EMV 3-D Secure is required of every EC merchant in Japan since the end of
    // March 2025 (クレジットカード・セキュリティガイドライン). The settings page warns when it is off.
    threeDSecure: checkbox.default(true),
    aesKey: alnum(16).default(""),
    aesIv: alnum(16).default(""),
    tokenAuthCode: alnum(64).default(""),
    securityCode: checkbox.default(true),
    cardMember: checkbox.default(true),
    alwaysSaveCard: checkbox.default(true),
    operateId: z.enum(CARD_CHECKOUT_OPERATIONS, { error: msg("errors.select") }).default(OPERATE_ID.gathering),
    installments: z.enum(["1", "2", "3"], { error: msg("errors.select") }).default("1"),
    saveLog: checkbox.default(true),
    // Card-testing defences (lib/payments/card/card-testing.ts).
    declinesPerOrder: limit(20).default(3),
    declinesPerIpHour: limit(1000).default(10),
    declinesPerShopperHour: limit(100).default(5),
    registrationsPerHour: limit(100).default(5),
    // Card attempts left at the 3-D Secure page (or interrupted) are settled after this (housekeeping).
    abandonAfterMinutes: abandonMinutes().default(30),
  })
  .superRefine((s, ctx) => {
    // Keys are required once the gateway is enabled with 3-D Secure (the default of a new install
    // has 3-D Secure on and no keys yet).
    if (s.threeDSecure && s.enabled) {
      if (s.aesKey.length !== 16) ctx.addIssue({ code: "custom", path: ["aesKey"], message: "settings.aes16" });
      if (s.aesIv.length !== 16) ctx.addIssue({ code: "custom", path: ["aesIv"], message: "settings.aes16" });
    } else {
      if (s.aesKey && s.aesKey.length !== 16) ctx.addIssue({ code: "custom", path: ["aesKey"], message: "settings.aes16" });
      if (s.aesIv && s.aesIv.length !== 16) ctx.addIssue({ code: "custom", path: ["aesIv"], message: "settings.aes16" });
    }
    if (!s.title) ctx.addIssue({ code: "custom", path: ["title"], message: msg("errors.required") });
    if (!/^\d{4}$/.test(s.tenantId)) ctx.addIssue({ code: "custom", path: ["tenantId"], message: msg("settings.tenantId") });
  });

export type CardSettings = z.output<typeof cardSettingsSchema>;

/** Why shoppers cannot choose card payment with these settings (dictionary keys), empty when ready. */
export function cardMissing(s: CardSettings): MessageKey[] {
  const missing: MessageKey[] = [];
  if (!s.enabled) missing.push("settings.notEnabled");
  if (!s.merchantId) missing.push("settings.missingMerchantId");
  if (!s.merchantPass) missing.push("settings.missingMerchantPass");
  if (!s.tokenAuthCode) missing.push("settings.missingTokenAuthCode");
  if (s.threeDSecure && (!s.aesKey || !s.aesIv)) missing.push("settings.missingAes");
  return missing;
}
