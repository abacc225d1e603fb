"use server";
// Card operations from the admin order page (売上計上, 取消, 利用額変更, 再オーソリ, 取引照会,
// and settling an unknown outcome). The admin check comes first.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireAdmin } from "@/lib/auth/session";
import { loadCardContext } from "@/lib/payments/card/context";
import { GATEWAY_OPERATIONS, RESOLUTIONS, runCardOperation, type OperationResult } from "@/lib/payments/card/operations";

export type CardOperationState = Partial<OperationResult> & { operation?: string };

const schema = z.object({
  orderId: z.coerce.number().int().positive(),
  operation: z.enum([...GATEWAY_OPERATIONS, ...RESOLUTIONS]),
  expectedState: z.string().min(1).max(20),
  amount: z.string().trim().max(12).optional(),
  note: z.string().max(1000).optional(),
});

export async function cardOperationAction(_prev: CardOperationState, form: FormData): Promise<CardOperationState> {
  const admin = await requireAdmin();
  const parsed = schema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return { ok: false, message: "errors.generic" };
  const { orderId, amount, ...rest } = parsed.data;
  const request = { ...rest, amount: amount ? Number(amount) : undefined };
  const c = await loadCardContext();
  if (!c) return { ok: false, message: "settings.missingMerchantId", operation: request.operation };
  const result = await runCardOperation(c, orderId, request, admin.email);
  revalidatePath(`/admin/orders/${orderId}`);
  return { ...result, operation: request.operation };
}
