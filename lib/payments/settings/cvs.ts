// オンライン収納代行サービスの設定 — the fields and defaults of the operation manual.
import { z } from "zod";
import { msg, type MessageKey } from "@/lib/i18n/keys";
import { feeRowsSchema, type FeeRow } from "@/lib/payments/settings/fees";
import { alnum, checkbox, digits, limit, trimmed } from "@/lib/payments/settings/fields";

export const CVS_SECRETS = ["merchantPass"] as const;

export const cvsSettingsSchema = z
  .object({
    enabled: checkbox.default(false),
    title: trimmed(60).default("コンビニ・電子マネー・Pay-easy"),
    description: trimmed(200).default("コンビニ・電子マネー・Pay-easy で支払う"),
    testMode: checkbox.default(true),
    merchantId: digits(13).default(""),
    merchantPass: alnum(64).default(""),
    payLimitDays: z.coerce.number({ error: msg("settings.payLimitDays") }).int(msg("settings.payLimitDays")).min(1, msg("settings.payLimitDays")).max(60, msg("settings.payLimitDays")).default(7),
    feeEnabled: checkbox.default(false),
    feeRows: feeRowsSchema.default([]),
    saveLog: checkbox.default(true),
    // Unpaid orders hold stock until their deadline (up to 60 days): how many one shopper may have
    // open, by e-mail address and by client IP address (lib/payments/cvs/unpaid-cap.ts).
    unpaidPerEmail: limit(20).default(3),
    unpaidPerIp: limit(100).default(10),
  })
  .superRefine((s, ctx) => {
    if (!s.title) ctx.addIssue({ code: "custom", path: ["title"], message: msg("errors.required") });
    if (s.feeEnabled && s.feeRows.length === 0) ctx.addIssue({ code: "custom", path: ["feeRows"], message: msg("settings.feeRowsRequired") });
  });

export type CvsSettings = z.output<typeof cvsSettingsSchema> & { feeRows: FeeRow[] };

export function cvsMissing(s: CvsSettings): MessageKey[] {
  const missing: MessageKey[] = [];
  if (!s.enabled) missing.push("settings.notEnabled");
  if (!s.merchantId) missing.push("settings.missingMerchantId");
  if (!s.merchantPass) missing.push("settings.missingMerchantPass");
  return missing;
}
