// A settings checkbox as the manual lays them out: the setting's name, the box with its label,
// and a hint or the field error (wired with aria-describedby).
import { describedBy, FieldMessage } from "@/components/ui/field";

export function CheckboxField({
  name,
  legend,
  label,
  hint,
  error,
  checked,
  onChange,
}: {
  name: string;
  legend: string;
  label: string;
  hint?: string;
  error?: string;
  checked: boolean;
  onChange: (e: React.ChangeEvent<HTMLInputElement>) => void;
}) {
  return (
    <fieldset className="space-y-1">
      <legend className="text-sm font-medium text-stone-800">{legend}</legend>
      <label className="flex items-center gap-2">
        <input
          type="checkbox"
          name={name}
          checked={checked}
          onChange={onChange}
          className="size-4"
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(name, hint, error)}
        />
        {label}
      </label>
      <FieldMessage id={name} hint={hint} error={error} />
    </fieldset>
  );
}
