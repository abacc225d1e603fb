"use server";
// 配送日時指定の設定. The admin check comes first; invalid input changes nothing.
import { revalidatePath } from "next/cache";
import { requireAdmin } from "@/lib/auth/session";
import { fieldErrors, type FieldErrors } from "@/lib/checkout/address-schema";
import { db } from "@/lib/db";
import type { MessageRef } from "@/lib/i18n";
import { deliverySection, deliverySettingsSchema } from "@/lib/shop/delivery";
import { deliverySettingsInput } from "@/lib/shop/delivery-settings-form";
import { saveShopSettings } from "@/lib/shop/settings/store";

export interface DeliverySettingsState {
  ok: boolean;
  message?: MessageRef;
  errors?: FieldErrors;
}

export async function saveDeliverySettingsAction(_prev: DeliverySettingsState, form: FormData): Promise<DeliverySettingsState> {
  await requireAdmin();
  // A hand-made call may pass anything in place of the form.
  if (!(form instanceof FormData)) return { ok: false, message: "delivery.settingsInvalid" };
  const parsed = deliverySettingsSchema.safeParse(deliverySettingsInput(form));
  if (!parsed.success) return { ok: false, message: "delivery.settingsInvalid", errors: fieldErrors(parsed.error) };
  await saveShopSettings(db(), deliverySection, parsed.data);
  revalidatePath("/admin/shop/delivery");
  revalidatePath("/checkout");
  return { ok: true, message: "delivery.settingsSaved" };
}
