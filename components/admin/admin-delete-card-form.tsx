"use client";
import { useActionState } from "react";
import { deleteCardMemberAction, type AdminCardState } from "@/app/admin/users/[id]/actions";
import { useI18n } from "@/components/i18n-provider";
import { SubmitButton } from "@/components/ui/submit-button";
import { errorText } from "@/lib/i18n";

export function AdminDeleteCardForm({ userId }: { userId: string }) {
  const { dict } = useI18n();
  const [state, action, pending] = useActionState<AdminCardState, FormData>(deleteCardMemberAction, { ok: true });
  return (
    <form action={action} className="space-y-3" data-testid="admin-delete-card">
      <input type="hidden" name="userId" value={userId} />
      <p role="note" className="rounded-md border border-amber-500 bg-amber-50 p-3 text-sm text-amber-900">
        {dict.card.adminDeleteWarning}
      </p>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="confirm" className="size-4" required />
        {dict.card.adminDeleteConfirm}
      </label>
      <SubmitButton pending={pending} pendingLabel={dict.card.deleting} variant="danger">
        {dict.card.deleteButton}
      </SubmitButton>
      {state.message && (
        <p role={state.ok ? "status" : "alert"} className={`text-sm ${state.ok ? "text-brand-700" : "text-accent-600"}`}>
          {errorText(dict, state.message)}
        </p>
      )}
    </form>
  );
}
