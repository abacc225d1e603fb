"use server";
// The payment operations of the admin order page, for every gateway: the admin check comes
// first, then the order's gateway runs the operation its admin view offered.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formFields } from "@/lib/forms/form-fields";
import { requireAdmin } from "@/lib/auth/session";
import { getDictionary } from "@/lib/i18n/server";
import "@/lib/payments/gateways";
import { findGateway } from "@/lib/payments/registry";
import type { OperationOutcome } from "@/lib/payments/views";

export type PaymentOperationState = Partial<OperationOutcome>;

const schema = z.object({
  orderId: z.coerce.number().int().positive(),
  gateway: z.string().min(1).max(40),
  operation: z.string().min(1).max(40),
  expectedState: z.string().min(1).max(20),
  amount: z.string().trim().max(12).optional(),
  note: z.string().max(1000).optional(),
  payLimitDate: z.string().trim().max(10).optional(),
  expectedAmount: z.string().trim().max(12).optional(),
});

export async function paymentOperationAction(_prev: PaymentOperationState, form: unknown): Promise<PaymentOperationState> {
  const admin = await requireAdmin();
  const parsed = schema.safeParse(formFields(form));
  if (!parsed.success) return { ok: false, message: "errors.generic" };
  const { orderId, gateway: gatewayId, operation, expectedState, ...fields } = parsed.data;
  const gateway = findGateway(gatewayId);
  if (!gateway) return { ok: false, message: "errors.generic" };
  const { locale } = await getDictionary();
  const outcome = await gateway.operate(orderId, { operation, expectedState, fields }, admin.email, locale);
  revalidatePath(`/admin/orders/${orderId}`);
  return outcome;
}
