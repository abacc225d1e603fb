"use client";
import { useActionState } from "react";
import { changeStatusAction, type AdminActionState } from "@/app/admin/orders/[id]/actions";
import { useI18n } from "@/components/i18n-provider";
import { ActionResult } from "@/components/ui/action-result";
import { inputClass } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { errorText } from "@/lib/i18n";
import { isOrderStatus, type OrderStatus } from "@/lib/orders/status";

export function StatusForm({ orderId, current, allowed }: { orderId: number; current: OrderStatus; allowed: readonly OrderStatus[] }) {
  const { dict } = useI18n();
  const [state, action, pending] = useActionState<AdminActionState, FormData>(changeStatusAction, { ok: true });
  if (allowed.length === 0) return <p className="text-sm text-stone-600">{dict.admin.noTransitions}</p>;
  const label = (s: string) => (isOrderStatus(s) ? dict.status[s] : s);
  return (
    <form action={action} className="space-y-3" data-testid="status-form">
      <input type="hidden" name="orderId" value={orderId} />
      <input type="hidden" name="expected" value={current} />
      <div>
        <label htmlFor="new-status" className="mb-1 block text-sm font-medium">
          {dict.admin.newStatus}
        </label>
        <select key={current} id="new-status" name="status" className={inputClass} defaultValue={allowed[0]}>
          {allowed.map((s) => (
            <option key={s} value={s}>
              {dict.status[s]}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="status-note" className="mb-1 block text-sm font-medium">
          {dict.admin.note}
        </label>
        <textarea id="status-note" name="note" rows={2} required placeholder={dict.admin.noteHint} className={inputClass} />
      </div>
      <SubmitButton pendingLabel={dict.admin.applying} pending={pending}>
        {dict.admin.apply}
      </SubmitButton>
      <ActionResult state={state}>
        {errorText(dict, state.message, { from: label(state.values?.from ?? ""), to: label(state.values?.to ?? "") })}
      </ActionResult>
    </form>
  );
}
