"use server";
// クレジットカード決済の設定: saved through updateSettings (zod, blank secrets kept, test mode
// must agree with the online payment agency).
import { revalidatePath } from "next/cache";
import { requireAdmin } from "@/lib/auth/session";
import type { FieldErrors } from "@/lib/checkout/address-schema";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import type { MessageRef } from "@/lib/i18n";
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

export async function saveCardSettingsAction(_prev: CardSettingsState, form: FormData): Promise<CardSettingsState> {
  await requireAdmin();
  const input: Record<string, unknown> = {};
  for (const key of FIELDS) {
    const value = form.get(key);
    if (typeof value === "string") input[key] = value;
  }
  const result = await updateSettings(db(), appSecretBox(), "card", input, env().ESCOTT_TARGET);
  if (!result.ok) return { ok: false, message: "errors.generic", errors: result.errors };
  revalidatePath("/admin/payments");
  revalidatePath("/admin/payments/card");
  return { ok: true, message: "settings.saved" };
}
