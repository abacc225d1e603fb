// Label, input slot, hint and error wired together with ids so screen readers announce them.
import { cx } from "@/components/ui/cx";

export function Field({
  id,
  label,
  required,
  requiredLabel,
  optionalLabel,
  hint,
  error,
  children,
  className = "",
}: {
  id: string;
  label: string;
  required?: boolean;
  requiredLabel?: string;
  optionalLabel?: string;
  hint?: string;
  error?: string;
  children: React.ReactNode;
  className?: string;
}) {
  return (
    <div className={className}>
      <label htmlFor={id} className="mb-1 flex items-center gap-2 text-sm font-medium text-stone-800">
        {label}
        {required && requiredLabel && <span aria-hidden="true" className="rounded bg-accent-600 px-1.5 py-0.5 text-[10px] font-bold text-white">{requiredLabel}</span>}
        {!required && optionalLabel && <span aria-hidden="true" className="rounded bg-stone-200 px-1.5 py-0.5 text-[10px] text-stone-600">{optionalLabel}</span>}
      </label>
      {children}
      <FieldMessage id={id} hint={hint} error={error} className="mt-1" />
    </div>
  );
}

/** A field's hint, or its error in place of the hint; ids `${id}-hint` / `${id}-error` (see describedBy). */
export function FieldMessage({ id, hint, error, className }: { id: string; hint?: string; error?: string; className?: string }) {
  if (error) {
    return (
      <p id={`${id}-error`} role="alert" className={cx(className, "text-sm text-accent-600")}>
        {error}
      </p>
    );
  }
  if (hint) {
    return (
      <p id={`${id}-hint`} className={cx(className, "text-xs text-stone-500")}>
        {hint}
      </p>
    );
  }
  return null;
}

export const inputClass =
  "block w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-base shadow-sm focus:border-brand-600 focus:ring-1 focus:ring-brand-600 aria-[invalid=true]:border-accent-600";

export function describedBy(id: string, hint?: string, error?: string): string | undefined {
  if (error) return `${id}-error`;
  if (hint) return `${id}-hint`;
  return undefined;
}

/** An <input> wired to its Field: invalid state, and the hint or error it is described by. */
export function FieldInput({ id, hint, error, className, ...rest }: React.InputHTMLAttributes<HTMLInputElement> & { id: string; hint?: string; error?: string }) {
  return <input id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, hint, error)} className={cx(inputClass, className)} {...rest} />;
}

/**
 * A required text input in its Field: label, hint, error and aria wiring in one place (account
 * forms, the second-factor forms). `onValue` gets the new value; `requiredLabel` shows the 必須 mark.
 */
export function TextField({
  id,
  label,
  requiredLabel,
  hint,
  error,
  value,
  onValue,
  className,
  ...input
}: {
  id: string;
  label: string;
  requiredLabel?: string;
  hint?: string;
  error?: string;
  value: string;
  onValue: (value: string) => void;
  /** Extra classes of the input. */
  className?: string;
} & Omit<React.InputHTMLAttributes<HTMLInputElement>, "id" | "value" | "onChange" | "className" | "required">) {
  return (
    <Field id={id} label={label} required={Boolean(requiredLabel)} requiredLabel={requiredLabel} hint={hint} error={error}>
      <input
        id={id}
        required
        value={value}
        onChange={(e) => onValue(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        className={cx(inputClass, className)}
        {...input}
      />
    </Field>
  );
}
