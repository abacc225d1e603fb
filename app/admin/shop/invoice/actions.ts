"use server";
// The invoice (領収書) settings form. The admin check comes first; lib/receipts/settings-update.ts
// validates everything and saves nothing on any error.
import { revalidatePath } from "next/cache";
import { requireAdmin } from "@/lib/auth/session";
import type { FieldErrors } from "@/lib/checkout/address-schema";
import { db } from "@/lib/db";
import type { MessageRef } from "@/lib/i18n";
import { updateInvoiceSettings } from "@/lib/receipts/settings-update";
import { SEAL_MAX_BYTES } from "@/lib/receipts/settings";

export interface InvoiceSettingsState {
  ok: boolean;
  message?: MessageRef;
  errors?: FieldErrors;
}

const text = (form: FormData, name: string) => {
  const v = form.get(name);
  return typeof v === "string" ? v : "";
};

export async function saveInvoiceSettingsAction(_prev: InvoiceSettingsState, form: FormData): Promise<InvoiceSettingsState> {
  await requireAdmin();
  // A hand-made call may pass anything in place of the form.
  if (!(form instanceof FormData)) return { ok: false, message: "receipts.settingsInvalid" };
  const file = form.get("seal");
  // Read no more than the cap allows: a larger file is refused by its size alone.
  const sealFile = file instanceof File && file.size > 0 ? (file.size > SEAL_MAX_BYTES ? new Uint8Array(SEAL_MAX_BYTES + 1) : new Uint8Array(await file.arrayBuffer())) : null;
  const result = await updateInvoiceSettings(db(), {
    issuerName: text(form, "issuerName"),
    registrationNumber: text(form, "registrationNumber"),
    address: text(form, "address"),
    phone: text(form, "phone"),
    sealFile,
    removeSeal: form.get("removeSeal") === "on",
  });
  if (!result.ok) return { ok: false, message: "receipts.settingsInvalid", errors: result.errors };
  revalidatePath("/admin/shop/invoice");
  return { ok: true, message: "receipts.settingsSaved" };
}
