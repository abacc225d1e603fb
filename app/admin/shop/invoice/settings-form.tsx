"use client";
// 領収書・インボイス設定: the issuer printed on every receipt, and the seal image.
import { useActionState, useState } from "react";
import { saveInvoiceSettingsAction, type InvoiceSettingsState } from "@/app/admin/shop/invoice/actions";
import { useI18n } from "@/components/i18n-provider";
import { ActionResult } from "@/components/ui/action-result";
import { cx } from "@/components/ui/cx";
import { Field, FieldInput } from "@/components/ui/field";
import { panelClass } from "@/components/ui/panel";
import { SubmitButton } from "@/components/ui/submit-button";
import { errorText } from "@/lib/i18n";

export interface InvoiceFormValues {
  issuerName: string;
  registrationNumber: string;
  address: string;
  phone: string;
}

type TextName = keyof InvoiceFormValues;

export function InvoiceSettingsForm({ initial, sealDataUrl }: { initial: InvoiceFormValues; sealDataUrl: string | null }) {
  const { dict } = useI18n();
  const t = dict.receipts;
  const [state, action, pending] = useActionState<InvoiceSettingsState, FormData>(saveInvoiceSettingsAction, { ok: true });
  const [v, setV] = useState(initial);
  const err = (key: string) => errorText(dict, state.errors?.[key]) || undefined;

  const text = (name: TextName, label: string, hint: string, props: React.InputHTMLAttributes<HTMLInputElement> = {}) => (
    <Field id={name} label={label} hint={hint} error={err(name)}>
      <FieldInput id={name} name={name} hint={hint} error={err(name)} value={v[name]} onChange={(e) => setV((s) => ({ ...s, [name]: e.target.value }))} {...props} />
    </Field>
  );

  return (
    <form action={action} noValidate className={cx("space-y-6", panelClass)} data-testid="invoice-settings-form">
      <ActionResult state={state} variant="box">
        {errorText(dict, state.message)}
      </ActionResult>
      {text("issuerName", t.issuerName, t.issuerNameHint, { maxLength: 100 })}
      {text("registrationNumber", t.registrationNumber, t.registrationNumberHint, { maxLength: 20, autoComplete: "off" })}
      {text("address", t.address, t.addressHint, { maxLength: 200 })}
      {text("phone", t.phone, t.phoneHint, { maxLength: 20, inputMode: "tel" })}
      <Field id="seal" label={t.seal} hint={t.sealHint} error={err("seal")}>
        <FieldInput id="seal" name="seal" type="file" accept="image/png,image/jpeg" hint={t.sealHint} error={err("seal")} />
      </Field>
      {sealDataUrl && (
        <div className="space-y-2 text-sm">
          <p>{t.sealCurrent}</p>
          {/* eslint-disable-next-line @next/next/no-img-element -- a data: URL from the settings, not an optimizable asset */}
          <img src={sealDataUrl} alt={t.sealCurrent} className="h-16 w-16 object-contain" data-testid="seal-preview" />
          <label className="flex items-center gap-2">
            <input type="checkbox" name="removeSeal" /> {t.sealRemove}
          </label>
        </div>
      )}
      <SubmitButton pendingLabel={dict.common.saving} pending={pending}>
        {dict.common.save}
      </SubmitButton>
    </form>
  );
}
