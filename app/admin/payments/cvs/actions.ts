"use server";
// The online payment agency's settings form. The admin check comes first. (Operations on an
// order's registration run through app/admin/orders/[id]/payment-actions.ts like every gateway's.)
import { revalidatePath } from "next/cache";
import { requireAdmin } from "@/lib/auth/session";
import type { FieldErrors } from "@/lib/checkout/address-schema";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import type { MessageRef } from "@/lib/i18n";
import { updateSettings } from "@/lib/payments/settings/update";
import { appSecretBox } from "@/lib/security/app-box";

export interface CvsSettingsState {
  ok: boolean;
  message?: MessageRef;
  errors?: FieldErrors;
}

const SCALARS = ["enabled", "title", "description", "testMode", "merchantId", "merchantPass", "payLimitDays", "feeEnabled", "saveLog", "unpaidPerEmail", "unpaidPerIp"] as const;

/** The settings form: scalar fields by name, the fee table as feeRows.<i>.<from|to|fee>. */
function settingsInput(form: FormData): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const key of SCALARS) {
    const value = form.get(key);
    if (typeof value === "string") input[key] = value;
  }
  const rows: Record<string, string>[] = [];
  for (const [key, value] of form) {
    const m = /^feeRows\.(\d{1,3})\.(from|to|fee)$/.exec(key);
    if (!m || typeof value !== "string") continue;
    (rows[Number(m[1])] ??= {})[m[2]!] = value.trim();
  }
  input.feeRows = rows.filter(Boolean).map((r) => ({ from: r.from ?? "", to: r.to ?? "", fee: r.fee ?? "" }));
  return input;
}

export async function saveCvsSettingsAction(_prev: CvsSettingsState, form: FormData): Promise<CvsSettingsState> {
  await requireAdmin();
  const result = await updateSettings(db(), appSecretBox(), "cvs", settingsInput(form), env().ESCOTT_TARGET);
  if (!result.ok) return { ok: false, message: "cvs.settingsInvalid", errors: result.errors };
  revalidatePath("/admin/payments");
  revalidatePath("/admin/payments/cvs");
  return { ok: true, message: "cvs.settingsSaved" };
}
