// The shop's buttons. `buttonClass` is shared with SubmitButton (a client component) and with
// links that look like buttons.
import { cx } from "@/components/ui/cx";

export type ButtonVariant = "primary" | "secondary" | "danger" | "link";

const VARIANTS: Record<ButtonVariant, string> = {
  primary: "bg-brand-700 text-white hover:bg-brand-800 disabled:bg-stone-400",
  secondary: "border border-stone-300 bg-white text-stone-800 hover:bg-stone-100 disabled:text-stone-400",
  danger: "bg-accent-600 text-white hover:brightness-95 disabled:bg-stone-400",
  link: "text-brand-700 underline hover:text-brand-800 disabled:text-stone-400",
};

export function buttonClass(variant: ButtonVariant = "primary", className = ""): string {
  const shape = variant !== "link" && "inline-flex items-center justify-center gap-2 rounded-md px-4 py-2 font-medium";
  return cx(shape, VARIANTS[variant], className);
}

/** A plain button (type="button" unless given); for submits that show progress use SubmitButton. */
export function Button({ variant = "primary", className = "", type = "button", ...rest }: React.ButtonHTMLAttributes<HTMLButtonElement> & { variant?: ButtonVariant }) {
  return <button type={type} className={buttonClass(variant, className)} {...rest} />;
}
