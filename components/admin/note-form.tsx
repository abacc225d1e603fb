"use client";
import { useActionState } from "react";
import { addNoteAction, type AdminActionState } from "@/app/admin/orders/[id]/actions";
import { useI18n } from "@/components/i18n-provider";
import { ActionResult } from "@/components/ui/action-result";
import { inputClass } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { errorText } from "@/lib/i18n";

export function NoteForm({ orderId }: { orderId: number }) {
  const { dict } = useI18n();
  const [state, action, pending] = useActionState<AdminActionState, FormData>(addNoteAction, { ok: true });
  return (
    <form action={action} className="space-y-3" data-testid="note-form">
      <input type="hidden" name="orderId" value={orderId} />
      <label htmlFor="order-note" className="block text-sm font-medium">
        {dict.admin.addNote}
      </label>
      <textarea id="order-note" name="note" rows={2} required className={inputClass} />
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="customerVisible" /> {dict.admin.customerVisible}
      </label>
      <SubmitButton pendingLabel={dict.common.saving} pending={pending} variant="secondary">
        {dict.admin.addNote}
      </SubmitButton>
      <ActionResult state={state}>{errorText(dict, state.message)}</ActionResult>
    </form>
  );
}
