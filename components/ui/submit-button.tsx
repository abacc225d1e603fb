"use client";
import { useFormStatus } from "react-dom";
import { buttonClass, type ButtonVariant } from "@/components/ui/button";

/** A submit button that disables itself and shows a busy label while its form is pending. */
export function SubmitButton({
  children,
  pendingLabel,
  className = "",
  variant = "primary",
  pending: pendingProp,
  ...rest
}: React.ButtonHTMLAttributes<HTMLButtonElement> & { pendingLabel: string; variant?: ButtonVariant; pending?: boolean }) {
  const status = useFormStatus();
  const pending = pendingProp ?? status.pending;
  return (
    <button type="submit" disabled={pending || rest.disabled} aria-busy={pending} className={buttonClass(variant, className)} {...rest}>
      {pending && variant !== "link" && <span aria-hidden className="size-4 animate-spin rounded-full border-2 border-current border-t-transparent" />}
      {pending ? pendingLabel : children}
    </button>
  );
}
