"use client";
// 宛名 / 但し書き, chosen once before the first issue (app/actions/receipts.ts).
import { useActionState, useState } from "react";
import { fixReceiptAddresseeAction, type AddresseeState } from "@/app/actions/receipts";
import { useI18n } from "@/components/i18n-provider";
import { ActionResult } from "@/components/ui/action-result";
import { Field, FieldInput, TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { errorText } from "@/lib/i18n";

export function AddresseeForm({ orderId, accessKey, defaultAddressee }: { orderId: number; accessKey?: string; defaultAddressee: string }) {
  const { dict } = useI18n();
  const t = dict.receipts;
  const [state, action, pending] = useActionState<AddresseeState, FormData>(fixReceiptAddresseeAction, { ok: true });
  const [addressee, setAddressee] = useState(defaultAddressee);
  const [purpose, setPurpose] = useState("");
  const err = (key: string) => errorText(dict, state.errors?.[key]) || undefined;
  return (
    <form action={action} noValidate className="space-y-3" data-testid="receipt-addressee-form">
      <input type="hidden" name="orderId" value={orderId} />
      {accessKey && <input type="hidden" name="key" value={accessKey} />}
      <TextField id="receipt-addressee" name="addressee" label={t.addressee} hint={t.addresseeHint} error={err("addressee")} value={addressee} onValue={setAddressee} maxLength={60} />
      <Field id="receipt-purpose" label={t.purpose} hint={t.purposeHint} error={err("purpose")}>
        <FieldInput id="receipt-purpose" name="purpose" hint={t.purposeHint} error={err("purpose")} value={purpose} onChange={(e) => setPurpose(e.target.value)} maxLength={40} />
      </Field>
      <SubmitButton pendingLabel={t.fixing} pending={pending} variant="secondary">
        {t.fixButton}
      </SubmitButton>
      <ActionResult state={state}>{errorText(dict, state.message)}</ActionResult>
    </form>
  );
}
