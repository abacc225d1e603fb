"use server";
// The customer's one-time choice of the 領収書's 宛名 and 但し書き (lib/receipts/issue.ts fixAddressee),
// from the order page (owner or order key) or My Account. Same access rule as the order page.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { fieldErrors, type FieldErrors } from "@/lib/checkout/address-schema";
import { getCurrentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { formFields } from "@/lib/forms/form-fields";
import type { MessageRef } from "@/lib/i18n";
import { canViewOrder } from "@/lib/orders/access";
import { addresseeSchema, fixAddressee } from "@/lib/receipts/issue";

export interface AddresseeState {
  ok: boolean;
  message?: MessageRef;
  errors?: FieldErrors;
}

const target = z.object({ orderId: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER), key: z.string().max(200).optional() });

export async function fixReceiptAddresseeAction(_prev: AddresseeState, form: FormData): Promise<AddresseeState> {
  // A hand-made call may pass anything in place of the form: read it as a (possibly empty) form.
  const f = formFields(form);
  const t = target.safeParse({ orderId: f.orderId, key: f.key || undefined });
  if (!t.success) return { ok: false, message: "receipts.unavailable" };
  const [user, order] = await Promise.all([getCurrentUser(), db().order.findUnique({ where: { id: t.data.orderId }, select: { userId: true, accessKey: true } })]);
  // Someone else's order answers like a missing one.
  if (!order || !canViewOrder(order, user, t.data.key)) return { ok: false, message: "receipts.unavailable" };
  const parsed = addresseeSchema.safeParse({ addressee: String(f.addressee ?? ""), purpose: String(f.purpose ?? "") });
  if (!parsed.success) return { ok: false, message: "receipts.settingsInvalid", errors: fieldErrors(parsed.error) };
  const result = await fixAddressee(db(), t.data.orderId, parsed.data);
  if (!result.ok) return { ok: false, message: result.reason === "fixed" ? "receipts.addresseeFixed" : "receipts.unavailable" };
  revalidatePath(`/order/${t.data.orderId}`);
  revalidatePath(`/account/orders/${t.data.orderId}`);
  return { ok: true, message: "receipts.addresseeSaved" };
}
