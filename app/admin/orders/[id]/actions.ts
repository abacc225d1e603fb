"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formFields } from "@/lib/forms/form-fields";
import { requireAdmin } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { msg, toMessageRef, type MessageKey, type MessageRef } from "@/lib/i18n";
import { OrderError } from "@/lib/orders/errors";
import { ORDER_STATUSES } from "@/lib/orders/status";
import { addOrderNote, changeOrderStatus } from "@/lib/orders/transition";
import "@/lib/payments/gateways";
import { findGateway } from "@/lib/payments/registry";

export interface AdminActionState {
  ok: boolean;
  message?: MessageRef;
  values?: Record<string, string>;
}

const statusSchema = z.object({
  orderId: z.coerce.number().int().positive(),
  status: z.enum(ORDER_STATUSES),
  expected: z.enum(ORDER_STATUSES),
  note: z.string().trim().min(1, msg("admin.noteRequired")).max(1000, msg("errors.tooLong:1000")),
});

export async function changeStatusAction(_prev: AdminActionState, formData: unknown): Promise<AdminActionState> {
  const admin = await requireAdmin();
  const parsed = statusSchema.safeParse(formFields(formData));
  if (!parsed.success) return { ok: false, message: toMessageRef(parsed.error.issues[0]?.message) };
  const { orderId, status, expected, note } = parsed.data;
  // A status that says what happened to the money must come from the gateway's own operation.
  const order = await db().order.findUnique({ where: { id: orderId }, select: { paymentMethod: true } });
  const blocked = order?.paymentMethod ? await findGateway(order.paymentMethod)?.statusChangeBlock(orderId, status) : null;
  if (blocked) return { ok: false, message: blocked };
  try {
    // expectFrom: the admin decided looking at `expected`; if someone else changed it meanwhile, refuse.
    await changeOrderStatus(db(), orderId, status, { note, author: admin.email, expectFrom: [expected] });
  } catch (err) {
    if (err instanceof OrderError) {
      const key = ({ invalid_transition: "admin.invalidTransition", conflict: "admin.conflict", out_of_stock: "admin.outOfStock", not_found: "errors.generic" } satisfies Record<OrderError["code"], MessageKey>)[err.code];
      return { ok: false, message: key, values: { from: expected, to: status } };
    }
    throw err;
  }
  revalidatePath(`/admin/orders/${orderId}`);
  return { ok: true, message: "admin.statusChanged" };
}

const noteSchema = z.object({
  orderId: z.coerce.number().int().positive(),
  note: z.string().trim().min(1, msg("admin.noteRequired")).max(1000, msg("errors.tooLong:1000")),
  customerVisible: z.literal("on").optional(),
});

export async function addNoteAction(_prev: AdminActionState, formData: unknown): Promise<AdminActionState> {
  const admin = await requireAdmin();
  const parsed = noteSchema.safeParse(formFields(formData));
  if (!parsed.success) return { ok: false, message: toMessageRef(parsed.error.issues[0]?.message) };
  const { orderId, note, customerVisible } = parsed.data;
  const exists = await db().order.count({ where: { id: orderId } });
  if (!exists) return { ok: false, message: "errors.generic" };
  await addOrderNote(db(), orderId, note, { author: admin.email, customerVisible: customerVisible === "on" });
  revalidatePath(`/admin/orders/${orderId}`);
  return { ok: true, message: "admin.noteAdded" };
}
