"use client";
// The operations a gateway offers on an order's payment (売上計上, 取消, 照会, 変更…), each behind
// a confirmation step that asks for what the operation needs (a new amount, a date, a note).
// One server action runs them all through the gateway's operate().
import { useActionState, useState } from "react";
import { paymentOperationAction, type PaymentOperationState } from "@/app/admin/orders/[id]/payment/actions";
import { useI18n } from "@/components/i18n-provider";
import { Facts } from "@/components/payments/facts";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import { errorText } from "@/lib/i18n";
import type { OperationField, OperationView } from "@/lib/payments/views";

function FieldInput({ field }: { field: OperationField }) {
  const id = `payment-op-${field.name}`;
  if (field.kind === "hidden") return <input type="hidden" name={field.name} value={field.value} />;
  return (
    <div>
      <label htmlFor={id} className="mb-1 block text-sm">
        {field.label}
      </label>
      {field.kind === "text" ? (
        <textarea id={id} name={field.name} rows={2} required maxLength={field.maxLength} className={inputClass} />
      ) : field.kind === "date" ? (
        <input id={id} name={field.name} type="date" defaultValue={field.defaultValue} required className={`${inputClass} sm:w-48`} />
      ) : (
        <input id={id} name={field.name} type="number" min={1} step={1} defaultValue={field.defaultValue} required className={`${inputClass} sm:w-48`} />
      )}
    </div>
  );
}

export function PaymentOperations({
  orderId,
  gateway,
  testIdPrefix,
  expectedState,
  operations,
  empty,
}: {
  orderId: number;
  gateway: string;
  testIdPrefix: string;
  expectedState: string;
  operations: OperationView[];
  empty: string;
}) {
  const { dict } = useI18n();
  const t = dict.payment;
  const [result, action, pending] = useActionState<PaymentOperationState, FormData>(paymentOperationAction, {});
  const [openId, setOpenId] = useState<string | null>(null);
  const open = operations.find((op) => op.id === openId);
  return (
    <div className="space-y-3" data-testid={`${testIdPrefix}-operations`}>
      {operations.length === 0 ? (
        empty && <p className="text-sm text-stone-600">{empty}</p>
      ) : (
        <div className="flex flex-wrap gap-2">
          {operations.map((op) => (
            <Button key={op.id} variant="secondary" className="px-3 py-1.5 text-sm" onClick={() => setOpenId(op.id)} aria-expanded={openId === op.id} title={op.hint}>
              {op.label}
            </Button>
          ))}
        </div>
      )}
      {open && (
        <form
          action={(form) => {
            action(form);
            setOpenId(null);
          }}
          className="space-y-3 rounded-md border border-amber-400 bg-amber-50 p-3"
          role="alertdialog"
          aria-labelledby="payment-op-confirm"
          data-testid={`${testIdPrefix}-operation-confirm`}
        >
          <input type="hidden" name="orderId" value={orderId} />
          <input type="hidden" name="gateway" value={gateway} />
          <input type="hidden" name="operation" value={open.id} />
          <input type="hidden" name="expectedState" value={expectedState} />
          <p id="payment-op-confirm" className="text-sm font-medium">
            {open.confirm}
          </p>
          {open.hint && <p className="text-xs text-stone-600">{open.hint}</p>}
          {open.fields.map((field) => (
            <FieldInput key={field.name} field={field} />
          ))}
          <div className="flex gap-2">
            <SubmitButton pendingLabel={t.running} variant={open.danger ? "danger" : "primary"}>
              {t.execute}
            </SubmitButton>
            <Button variant="secondary" onClick={() => setOpenId(null)}>
              {t.cancel}
            </Button>
          </div>
        </form>
      )}
      {pending && <p className="text-sm text-stone-600">{t.running}</p>}
      {result.message && !pending && (
        <div className="space-y-2">
          <Notice variant="text" tone={result.ok ? "success" : "error"} className="text-sm" data-testid={`${testIdPrefix}-operation-result`}>
            {errorText(dict, result.message, result.values ?? {})}
          </Notice>
          {result.facts && result.facts.length > 0 && <Facts facts={result.facts} data-testid={`${testIdPrefix}-operation-facts`} />}
        </div>
      )}
    </div>
  );
}
