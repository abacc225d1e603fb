"use client";
// Card number, expiry, security code and カード名義. None of these inputs has a name: they are
// never part of a form submission; the values are handed to e-SCOTT's token script only.
import { useI18n } from "@/components/i18n-provider";
import { Field, FieldInput, inputClass } from "@/components/ui/field";
import type { FieldErrors } from "@/lib/checkout/address-schema";
import { errorText } from "@/lib/i18n";
import { HOLDER_NAME } from "@/lib/payments/card/client-data";

export interface CardValues {
  number: string;
  month: string;
  year: string;
  securityCode: string;
  holderName: string;
}

export const emptyCard: CardValues = { number: "", month: "", year: "", securityCode: "", holderName: "" };

export function cardDigits(number: string): string {
  return number.replace(/[\s-]/g, "");
}

/** Checks before the token script is called (the vendor's WooCommerce plugins check the same, docs/escott-protocol.md §4.2: digits, A–Z name). */
export function validateCard(v: CardValues, securityCode: boolean): FieldErrors {
  const errors: FieldErrors = {};
  const digits = cardDigits(v.number);
  if (!digits) errors["payment.cardNumber"] = "card.numberRequired";
  else if (!/^\d{13,19}$/.test(digits)) errors["payment.cardNumber"] = "card.numberFormat";
  if (!/^\d{2}$/.test(v.month) || !/^\d{2}$/.test(v.year)) errors["payment.expiry"] = "card.expiryRequired";
  if (securityCode && !/^\d{3,4}$/.test(v.securityCode)) errors["payment.securityCode"] = "card.securityCodeFormat";
  const holder = v.holderName.trim();
  if (!holder) errors["payment.holderName"] = "card.holderRequired";
  else if (!HOLDER_NAME.test(holder.replace(/\s+/g, " "))) errors["payment.holderName"] = "card.holderFormat";
  return errors;
}

const MONTHS = Array.from({ length: 12 }, (_, i) => String(i + 1).padStart(2, "0"));

export function CardFields({
  values,
  onChange,
  errors,
  securityCode,
  expiryYears,
}: {
  values: CardValues;
  onChange(values: CardValues): void;
  errors: FieldErrors;
  securityCode: boolean;
  expiryYears: string[];
}) {
  const { dict } = useI18n();
  const set = (field: keyof CardValues) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => onChange({ ...values, [field]: e.target.value });
  const err = (key: string) => errorText(dict, errors[`payment.${key}`]) || undefined;
  const numberError = err("cardNumber");
  const expiryError = err("expiry");
  const codeError = err("securityCode");
  const holderError = err("holderName");
  return (
    <div className="grid gap-4 sm:grid-cols-2" data-testid="card-fields">
      <Field id="card-number" label={dict.card.cardNumber} required requiredLabel={dict.common.required} hint={dict.card.cardNumberHint} error={numberError} className="sm:col-span-2">
        <FieldInput
          id="card-number"
          type="text"
          inputMode="numeric"
          autoComplete="cc-number"
          maxLength={23}
          value={values.number}
          onChange={set("number")}
          hint={dict.card.cardNumberHint}
          error={numberError}
        />
      </Field>
      <fieldset className="sm:col-span-1" aria-describedby={expiryError ? "card-expiry-error" : undefined}>
        <legend className="mb-1 text-sm font-medium text-stone-800">{dict.card.expiry}</legend>
        <div className="flex items-center gap-2">
          <select id="card-exp-month" aria-label={dict.card.expiryMonth} autoComplete="cc-exp-month" value={values.month} onChange={set("month")} aria-invalid={expiryError ? true : undefined} className={inputClass}>
            <option value="">--</option>
            {MONTHS.map((m) => (
              <option key={m} value={m}>
                {m}
              </option>
            ))}
          </select>
          <span aria-hidden>{dict.card.expiryMonth}</span>
          <select id="card-exp-year" aria-label={dict.card.expiryYear} autoComplete="cc-exp-year" value={values.year} onChange={set("year")} aria-invalid={expiryError ? true : undefined} className={inputClass}>
            <option value="">--</option>
            {expiryYears.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
          <span aria-hidden>{dict.card.expiryYear}</span>
        </div>
        {expiryError && (
          <p id="card-expiry-error" role="alert" className="mt-1 text-sm text-accent-600">
            {expiryError}
          </p>
        )}
      </fieldset>
      {securityCode && (
        <Field id="card-security-code" label={dict.card.securityCode} required requiredLabel={dict.common.required} hint={dict.card.securityCodeHint} error={codeError}>
          <FieldInput
            id="card-security-code"
            type="password"
            inputMode="numeric"
            autoComplete="cc-csc"
            maxLength={4}
            value={values.securityCode}
            onChange={set("securityCode")}
            hint={dict.card.securityCodeHint}
            error={codeError}
          />
        </Field>
      )}
      <Field id="card-holder" label={dict.card.holderName} required requiredLabel={dict.common.required} hint={dict.card.holderNameHint} error={holderError} className="sm:col-span-2">
        <FieldInput
          id="card-holder"
          type="text"
          autoComplete="cc-name"
          maxLength={45}
          value={values.holderName}
          onChange={set("holderName")}
          onBlur={() => onChange({ ...values, holderName: values.holderName.toUpperCase() })}
          hint={dict.card.holderNameHint}
          error={holderError}
        />
      </Field>
    </div>
  );
}
