"use client";
import { useActionState } from "react";
import { deleteCardMemberAction, type AdminCardState } from "@/app/admin/users/[id]/actions";
import { useI18n } from "@/components/i18n-provider";
import { ActionResult } from "@/components/ui/action-result";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import { errorText } from "@/lib/i18n";

export function AdminDeleteCardForm({ userId }: { userId: string }) {
  const { dict } = useI18n();
  const [state, action, pending] = useActionState<AdminCardState, FormData>(deleteCardMemberAction, { ok: true });
  return (
    <form action={action} className="space-y-3" data-testid="admin-delete-card">
      <input type="hidden" name="userId" value={userId} />
      <Notice tone="warning" role="note" className="text-sm">
        {dict.cardAdmin.adminDeleteWarning}
      </Notice>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="confirm" className="size-4" required />
        {dict.cardAdmin.adminDeleteConfirm}
      </label>
      <SubmitButton pending={pending} pendingLabel={dict.card.deleting} variant="danger">
        {dict.card.deleteButton}
      </SubmitButton>
      <ActionResult state={state}>{errorText(dict, state.message)}</ActionResult>
    </form>
  );
}
