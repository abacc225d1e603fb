"use client";
import { useFormStatus } from "react-dom";

/** A submit button that disables itself and shows a busy label while its form is pending. */
export function SubmitButton({
  children,
  pendingLabel,
  className = "",
  variant = "primary",
  pending: pendingProp,
  ...rest
}: React.ButtonHTMLAttributes<HTMLButtonElement> & { pendingLabel: string; variant?: "primary" | "secondary" | "danger" | "link"; pending?: boolean }) {
  const status = useFormStatus();
  const pending = pendingProp ?? status.pending;
  const styles = {
    primary: "bg-brand-700 text-white hover:bg-brand-800 disabled:bg-stone-400",
    secondary: "border border-stone-300 bg-white text-stone-800 hover:bg-stone-100 disabled:text-stone-400",
    danger: "bg-accent-600 text-white hover:brightness-95 disabled:bg-stone-400",
    link: "text-brand-700 underline hover:text-brand-800 disabled:text-stone-400",
  }[variant];
  const shape = variant === "link" ? "" : "inline-flex items-center justify-center gap-2 rounded-md px-4 py-2 font-medium";
  return (
    <button type="submit" disabled={pending || rest.disabled} aria-busy={pending} className={`${shape} ${styles} ${className}`} {...rest}>
      {pending && variant !== "link" && <span aria-hidden className="size-4 animate-spin rounded-full border-2 border-current border-t-transparent" />}
      {pending ? pendingLabel : children}
    </button>
  );
}
