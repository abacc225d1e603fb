"use client";
// A form of required text boxes sent to a server action as one record (register, change or set a
// password): the values, the field errors the action answered, and field(), which draws one box
// bound to both — so each form only says which boxes it has and what its action does.
import { useState } from "react";
import { useI18n } from "@/components/i18n-provider";
import { TextField } from "@/components/ui/field";
import type { FieldErrors } from "@/lib/checkout/address-schema";
import { errorText } from "@/lib/i18n";

/** What a box says about itself; its id is `${idPrefix}-${name}`, its value and error come from the form. */
export interface BoxProps {
  label: string;
  hint?: string;
  type?: string;
  autoComplete: string;
  minLength?: number;
}

export function useFieldValues<N extends string>(idPrefix: string, initial: Record<N, string>) {
  const { dict } = useI18n();
  const [values, setValues] = useState<Record<N, string>>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const field = (name: N, box: BoxProps) => (
    <TextField
      id={`${idPrefix}-${name}`}
      requiredLabel={dict.common.required}
      error={errorText(dict, errors[name]) || undefined}
      value={values[name]}
      onValue={(value) => setValues((v) => ({ ...v, [name]: value }))}
      {...box}
    />
  );
  return { values, setValues, errors, setErrors, field };
}
