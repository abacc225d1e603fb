"use client";
// The card operations offered for the payment's state, each behind a confirmation step
// (with the new amount or the admin's note where the operation needs one).
import { useActionState, useState } from "react";
import { cardOperationAction, type CardOperationState } from "@/app/admin/orders/[id]/card-payment/actions";
import { useI18n } from "@/components/i18n-provider";
import { inputClass } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { errorText } from "@/lib/i18n";
import type { CardOperation } from "@/lib/payments/card/operations";

export function CardOperationForms({ orderId, state, operations, amount }: { orderId: number; state: string; operations: CardOperation[]; amount: number }) {
  const { dict } = useI18n();
  const [result, action, pending] = useActionState<CardOperationState, FormData>(cardOperationAction, {});
  const [open, setOpen] = useState<CardOperation | null>(null);
  const label = (op: CardOperation) => dict.card[`op_${op}`];
  return (
    <div className="space-y-3" data-testid="card-operations">
      {operations.length === 0 ? (
        <p className="text-sm text-stone-600">{dict.card.noOperations}</p>
      ) : (
        <div className="flex flex-wrap gap-2">
          {operations.map((op) => (
            <button key={op} type="button" onClick={() => setOpen(op)} aria-expanded={open === op} className="rounded-md border border-stone-300 bg-white px-3 py-1.5 text-sm hover:bg-stone-50">
              {label(op)}
            </button>
          ))}
        </div>
      )}
      {open && (
        <form
          action={(form) => {
            action(form);
            setOpen(null);
          }}
          className="space-y-3 rounded-md border border-amber-400 bg-amber-50 p-3"
          role="alertdialog"
          aria-labelledby="card-op-confirm"
          data-testid="card-operation-confirm"
        >
          <input type="hidden" name="orderId" value={orderId} />
          <input type="hidden" name="operation" value={open} />
          <input type="hidden" name="expectedState" value={state} />
          <p id="card-op-confirm" className="text-sm font-medium">
            {dict.card[`confirm_${open}`]}
          </p>
          {(open === "change" || open === "reauth") && (
            <div>
              <label htmlFor="card-op-amount" className="mb-1 block text-sm">
                {dict.card.newAmount}
              </label>
              <input id="card-op-amount" name="amount" type="number" min={1} step={1} defaultValue={amount} required className={`${inputClass} sm:w-48`} />
            </div>
          )}
          {(open === "markPaid" || open === "markFailed") && (
            <div>
              <label htmlFor="card-op-note" className="mb-1 block text-sm">
                {dict.card.resolutionNote}
              </label>
              <textarea id="card-op-note" name="note" rows={2} required className={inputClass} />
            </div>
          )}
          <div className="flex gap-2">
            <SubmitButton pendingLabel={dict.card.running} variant={open === "void" || open === "markFailed" ? "danger" : "primary"}>
              {dict.card.execute}
            </SubmitButton>
            <button type="button" onClick={() => setOpen(null)} className="rounded-md border border-stone-300 bg-white px-4 py-2">
              {dict.card.cancel}
            </button>
          </div>
        </form>
      )}
      {pending && <p className="text-sm text-stone-600">{dict.card.running}</p>}
      {result.message && !pending && (
        <p role={result.ok ? "status" : "alert"} data-testid="card-operation-result" className={`text-sm ${result.ok ? "text-brand-700" : "text-accent-600"}`}>
          {errorText(dict, result.message, result.values ?? {})}
        </p>
      )}
    </div>
  );
}
