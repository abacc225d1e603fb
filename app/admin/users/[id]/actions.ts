"use server";
// 「カード会員情報を削除」 from the admin user page: 4MemInval → 4MemDel regardless of the
// customer's orders (the admin checked them), after the warning was acknowledged.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formFields } from "@/lib/forms/form-fields";
import { requireAdmin } from "@/lib/auth/session";
import { msg, toMessageRef, type MessageRef } from "@/lib/i18n";
import { loadCardContext } from "@/lib/payments/card/context";
import { deleteCard } from "@/lib/payments/card/member-service";

export interface AdminCardState {
  ok: boolean;
  message?: MessageRef;
}

const schema = z.object({ userId: z.string().min(1).max(64), confirm: z.literal("on", { error: msg("cardAdmin.adminDeleteConfirmRequired") }) });

export async function deleteCardMemberAction(_prev: AdminCardState, form: unknown): Promise<AdminCardState> {
  await requireAdmin();
  const parsed = schema.safeParse(formFields(form));
  if (!parsed.success) return { ok: false, message: toMessageRef(parsed.error.issues[0]?.message) };
  const c = await loadCardContext();
  if (!c) return { ok: false, message: "card.deleteFailed" };
  const result = await deleteCard(c, parsed.data.userId, "admin");
  revalidatePath(`/admin/users/${parsed.data.userId}`);
  return result.ok ? { ok: true, message: "card.deleted" } : { ok: false, message: result.notice };
}
