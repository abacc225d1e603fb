"use server";
// クレジットカード決済の設定: saved through updateSettings (zod, blank secrets kept, test mode
// must agree with the online payment agency).
import { revalidatePath } from "next/cache";
import { requireAdmin } from "@/lib/auth/session";
import type { FieldErrors } from "@/lib/checkout/address-schema";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import type { MessageRef } from "@/lib/i18n";
import { readSettingsForm } from "@/lib/payments/settings/form";
import { updateSettings } from "@/lib/payments/settings/update";
import { appSecretBox } from "@/lib/security/app-box";

export interface CardSettingsState {
  ok: boolean;
  message?: MessageRef;
  errors?: FieldErrors;
}

const FIELDS = [
  "enabled",
  "title",
  "description",
  "testMode",
  "merchantId",
  "merchantPass",
  "tenantId",
  "threeDSecure",
  "aesKey",
  "aesIv",
  "tokenAuthCode",
  "securityCode",
  "cardMember",
  "alwaysSaveCard",
  "operateId",
  "installments",
  "saveLog",
  "declinesPerOrder",
  "declinesPerIpHour",
  "declinesPerShopperHour",
  "registrationsPerHour",
  "abandonAfterMinutes",
] as const;

export async function saveCardSettingsAction(_prev: CardSettingsState, form: unknown): Promise<CardSettingsState> {
  await requireAdmin();
  // The whole form or nothing (lib/payments/settings/form.ts); a non-form argument is refused alike.
  const read = readSettingsForm("card", form, FIELDS);
  if (!read.ok) return { ok: false, message: "errors.generic", errors: read.errors };
  const result = await updateSettings(db(), appSecretBox(), "card", read.input, env().ESCOTT_TARGET);
  if (!result.ok) return { ok: false, message: "errors.generic", errors: result.errors };
  revalidatePath("/admin/payments");
  revalidatePath("/admin/payments/card");
  return { ok: true, message: "settings.saved" };
}
