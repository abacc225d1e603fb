"use server";
// 送料の設定. The admin check comes first; invalid input changes nothing. Orders placed before a
// change keep the fee they were charged (Order.shippingFee is frozen by placeOrder).
import { revalidatePath } from "next/cache";
import { requireAdmin } from "@/lib/auth/session";
import { fieldErrors, type FieldErrors } from "@/lib/checkout/address-schema";
import { db } from "@/lib/db";
import type { MessageRef } from "@/lib/i18n";
import { shippingSection, shippingSettingsSchema } from "@/lib/shop/shipping-fees";
import { shippingSettingsInput } from "@/lib/shop/shipping-settings-form";
import { saveShopSettings } from "@/lib/shop/settings/store";

export interface ShippingSettingsState {
  ok: boolean;
  message?: MessageRef;
  errors?: FieldErrors;
}

export async function saveShippingSettingsAction(_prev: ShippingSettingsState, form: FormData): Promise<ShippingSettingsState> {
  await requireAdmin();
  // A hand-made call may pass anything in place of the form.
  if (!(form instanceof FormData)) return { ok: false, message: "shipping.settingsInvalid" };
  const parsed = shippingSettingsSchema.safeParse(shippingSettingsInput(form));
  if (!parsed.success) return { ok: false, message: "shipping.settingsInvalid", errors: fieldErrors(parsed.error) };
  await saveShopSettings(db(), shippingSection, parsed.data);
  revalidatePath("/", "layout");
  return { ok: true, message: "shipping.settingsSaved" };
}
