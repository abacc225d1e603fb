"use client";
// お届け日時のご指定: optional for the shopper (指定なし first). The server offers the dates and slots
// and checks the submitted ones again (lib/shop/delivery.ts parseDeliveryChoice).
import { useI18n } from "@/components/i18n-provider";
import { cx } from "@/components/ui/cx";
import { describedBy, Field, inputClass } from "@/components/ui/field";
import { panelClass } from "@/components/ui/panel";
import type { FieldErrors } from "@/lib/checkout/address-schema";
import { errorText } from "@/lib/i18n";
import type { DeliveryOptions } from "@/lib/shop/delivery-options";

export function DeliveryFields({
  options,
  values,
  errors,
  onChange,
}: {
  options: DeliveryOptions;
  values: { deliveryDate: string; deliverySlot: string };
  errors: FieldErrors;
  onChange: (field: "deliveryDate" | "deliverySlot", value: string) => void;
}) {
  const { dict } = useI18n();
  const t = dict.delivery;
  const common = { requiredLabel: dict.common.required, optionalLabel: dict.common.optional };
  const select = (field: "deliveryDate" | "deliverySlot", label: string, choices: { value: string; label: string }[]) => {
    const error = errorText(dict, errors[field]) || undefined;
    return (
      <Field id={field} label={label} {...common} error={error}>
        <select
          id={field}
          name={field}
          value={values[field]}
          onChange={(e) => onChange(field, e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(field, undefined, error)}
          className={inputClass}
        >
          <option value="">{t.none}</option>
          {choices.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </select>
      </Field>
    );
  };
  return (
    <fieldset className={cx("space-y-4", panelClass)}>
      <legend className="px-1 text-lg font-bold">{t.checkoutTitle}</legend>
      <div className="grid gap-4 sm:grid-cols-2">
        {options.dates.length > 0 && select("deliveryDate", t.date, options.dates)}
        {options.slots.length > 0 && select("deliverySlot", t.slot, options.slots)}
      </div>
      <p className="text-xs text-stone-500">{t.checkoutHint}</p>
    </fieldset>
  );
}
