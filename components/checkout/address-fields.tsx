"use client";
import { useI18n } from "@/components/i18n-provider";
import { describedBy, Field, inputClass } from "@/components/ui/field";
import { PREFECTURES } from "@/lib/address/prefectures";
import type { FieldErrors } from "@/lib/checkout/address-schema";
import { errorText } from "@/lib/i18n";

export const ADDRESS_FIELDS = ["lastName", "firstName", "lastNameKana", "firstNameKana", "postalCode", "prefecture", "city", "address1", "address2", "phone"] as const;
export type AddressField = (typeof ADDRESS_FIELDS)[number];
export type AddressValues = Record<AddressField, string>;

export const emptyAddress: AddressValues = Object.fromEntries(ADDRESS_FIELDS.map((f) => [f, ""])) as AddressValues;

/** 姓・名・セイ・メイ・〒・都道府県・市区町村・番地・建物名・電話番号, in the order Japanese forms use. */
export function AddressFields({
  prefix,
  values,
  errors,
  onChange,
  onBlur,
}: {
  prefix: "billing" | "shipping";
  values: AddressValues;
  errors: FieldErrors;
  onChange: (field: AddressField, value: string) => void;
  onBlur: (field: AddressField) => void;
}) {
  const { dict, locale } = useI18n();
  const c = dict.checkout;
  const common = { requiredLabel: dict.common.required, optionalLabel: dict.common.optional };

  const hints: Partial<Record<AddressField, string>> = { postalCode: c.postalCodeHint, phone: c.phoneHint };
  const input = (field: AddressField, props: React.InputHTMLAttributes<HTMLInputElement> = {}) => {
    const id = `${prefix}-${field}`;
    const error = errorText(dict, errors[`${prefix}.${field}`]);
    return (
      <input
        id={id}
        name={`${prefix}.${field}`}
        value={values[field]}
        onChange={(e) => onChange(field, e.target.value)}
        onBlur={() => onBlur(field)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hints[field], error)}
        className={inputClass}
        {...props}
      />
    );
  };
  const err = (field: AddressField) => errorText(dict, errors[`${prefix}.${field}`]) || undefined;

  return (
    <div className="grid grid-cols-2 gap-4">
      <Field id={`${prefix}-lastName`} label={c.lastName} required {...common} error={err("lastName")}>
        {input("lastName", { autoComplete: `${prefix === "shipping" ? "shipping " : ""}family-name`, required: true })}
      </Field>
      <Field id={`${prefix}-firstName`} label={c.firstName} required {...common} error={err("firstName")}>
        {input("firstName", { autoComplete: `${prefix === "shipping" ? "shipping " : ""}given-name`, required: true })}
      </Field>
      <Field id={`${prefix}-lastNameKana`} label={c.lastNameKana} required {...common} error={err("lastNameKana")}>
        {input("lastNameKana", { required: true, title: c.kanaHint })}
      </Field>
      <Field id={`${prefix}-firstNameKana`} label={c.firstNameKana} required {...common} error={err("firstNameKana")}>
        {input("firstNameKana", { required: true, title: c.kanaHint })}
      </Field>
      <p className="col-span-2 -mt-2 text-xs text-stone-500">{c.kanaHint}</p>
      <Field id={`${prefix}-postalCode`} label={c.postalCode} required {...common} hint={c.postalCodeHint} error={err("postalCode")}>
        {input("postalCode", { autoComplete: `${prefix === "shipping" ? "shipping " : ""}postal-code`, inputMode: "numeric", required: true, placeholder: "100-0001" })}
      </Field>
      <Field id={`${prefix}-prefecture`} label={c.prefecture} required {...common} error={err("prefecture")}>
        <select
          id={`${prefix}-prefecture`}
          name={`${prefix}.prefecture`}
          value={values.prefecture}
          onChange={(e) => onChange("prefecture", e.target.value)}
          onBlur={() => onBlur("prefecture")}
          aria-invalid={err("prefecture") ? true : undefined}
          aria-describedby={err("prefecture") ? `${prefix}-prefecture-error` : undefined}
          autoComplete={`${prefix === "shipping" ? "shipping " : ""}address-level1`}
          required
          className={inputClass}
        >
          <option value="">{c.selectPrefecture}</option>
          {PREFECTURES.map((p) => (
            <option key={p.code} value={p.code}>
              {p[locale]}
            </option>
          ))}
        </select>
      </Field>
      <Field id={`${prefix}-city`} label={c.city} required {...common} error={err("city")} className="col-span-2">
        {input("city", { autoComplete: `${prefix === "shipping" ? "shipping " : ""}address-level2`, required: true })}
      </Field>
      <Field id={`${prefix}-address1`} label={c.address1} required {...common} error={err("address1")} className="col-span-2">
        {input("address1", { autoComplete: `${prefix === "shipping" ? "shipping " : ""}address-line1`, required: true })}
      </Field>
      <Field id={`${prefix}-address2`} label={c.address2} {...common} error={err("address2")} className="col-span-2">
        {input("address2", { autoComplete: `${prefix === "shipping" ? "shipping " : ""}address-line2` })}
      </Field>
      <Field id={`${prefix}-phone`} label={c.phone} required {...common} hint={c.phoneHint} error={err("phone")} className="col-span-2 sm:col-span-1">
        {input("phone", { type: "tel", autoComplete: `${prefix === "shipping" ? "shipping " : ""}tel`, inputMode: "tel", required: true })}
      </Field>
    </div>
  );
}
