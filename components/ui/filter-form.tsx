// The filter bar above an admin list: a GET form (the filters end up in the URL, so the list
// can be linked to and paged), its fields side by side, the submit button last.
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { panelClass } from "@/components/ui/panel";
import { cx } from "@/components/ui/cx";

export function FilterForm({ submitLabel, children, ...rest }: React.FormHTMLAttributes<HTMLFormElement> & { submitLabel: string; "data-testid"?: string }) {
  return (
    <form method="get" role="search" className={cx("flex flex-wrap items-end gap-3", panelClass)} {...rest}>
      {children}
      <Button type="submit">{submitLabel}</Button>
    </form>
  );
}

/** One filter: a small label above its input or select. */
export function FilterField({ id, label, className, children }: { id: string; label: string; className?: string; children: ReactNode }) {
  return (
    <div className={className}>
      <label htmlFor={id} className="mb-1 block text-xs text-stone-600">
        {label}
      </label>
      {children}
    </div>
  );
}
