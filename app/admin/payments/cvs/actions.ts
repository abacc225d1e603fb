"use server";
// The online payment agency's settings form. The admin check comes first. (Operations on an
// order's registration run through app/admin/orders/[id]/payment-actions.ts like every gateway's.)
import { revalidatePath } from "next/cache";
import { requireAdmin } from "@/lib/auth/session";
import type { FieldErrors } from "@/lib/checkout/address-schema";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import type { MessageRef } from "@/lib/i18n";
import { readSettingsForm } from "@/lib/payments/settings/form";
import { updateSettings } from "@/lib/payments/settings/update";
import { appSecretBox } from "@/lib/security/app-box";

export interface CvsSettingsState {
  ok: boolean;
  message?: MessageRef;
  errors?: FieldErrors;
}

const SCALARS = ["enabled", "title", "description", "testMode", "merchantId", "merchantPass", "payLimitDays", "feeEnabled", "saveLog", "unpaidPerEmail", "unpaidPerIp"] as const;

/** The fee table of the settings form, as feeRows.<i>.<from|to|fee>. */
function feeRows(form: FormData): Array<{ from: string; to: string; fee: string }> {
  const rows: Record<string, string>[] = [];
  for (const [key, value] of form) {
    const m = /^feeRows\.(\d{1,3})\.(from|to|fee)$/.exec(key);
    if (!m || typeof value !== "string") continue;
    (rows[Number(m[1])] ??= {})[m[2]!] = value.trim();
  }
  return rows.filter(Boolean).map((r) => ({ from: r.from ?? "", to: r.to ?? "", fee: r.fee ?? "" }));
}

export async function saveCvsSettingsAction(_prev: CvsSettingsState, form: unknown): Promise<CvsSettingsState> {
  await requireAdmin();
  // The whole form or nothing (lib/payments/settings/form.ts); a non-form argument is refused alike.
  const read = readSettingsForm("cvs", form, SCALARS);
  if (!read.ok || !(form instanceof FormData)) return { ok: false, message: "cvsAdmin.settingsInvalid", errors: read.ok ? {} : read.errors };
  const result = await updateSettings(db(), appSecretBox(), "cvs", { ...read.input, feeRows: feeRows(form) }, env().ESCOTT_TARGET);
  if (!result.ok) return { ok: false, message: "cvsAdmin.settingsInvalid", errors: result.errors };
  revalidatePath("/admin/payments");
  revalidatePath("/admin/payments/cvs");
  return { ok: true, message: "cvsAdmin.settingsSaved" };
}
