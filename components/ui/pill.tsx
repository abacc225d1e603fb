// A small coloured label for a state (order status, payment status…). The colours come from the
// caller, which knows its states.
import type { ReactNode } from "react";
import { cx } from "@/components/ui/cx";

export function Pill({ className = "bg-stone-100", children, ...rest }: React.HTMLAttributes<HTMLSpanElement> & { children: ReactNode; "data-testid"?: string }) {
  return (
    <span className={cx("inline-block rounded px-2 py-0.5 text-xs font-medium", className)} {...rest}>
      {children}
    </span>
  );
}
