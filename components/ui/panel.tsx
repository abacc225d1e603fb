// A white card: the box most sections of the shop and the admin are drawn in.
import type { ReactNode } from "react";
import { cx } from "@/components/ui/cx";

export const panelClass = "rounded-lg border border-stone-200 bg-white p-4";

type PanelTag = "section" | "div" | "li" | "aside";

/**
 * A titled card. With `titleId` the heading gets that id and the element is labelled by it
 * (`aria-labelledby`), which makes a `<section>` a named region.
 */
export function Panel({
  title,
  titleId,
  as: Tag = "section",
  className = "",
  children,
  ...rest
}: Omit<React.HTMLAttributes<HTMLElement>, "title"> & {
  title?: ReactNode;
  titleId?: string;
  as?: PanelTag;
  "data-testid"?: string;
}) {
  return (
    <Tag className={cx(panelClass, className)} aria-labelledby={titleId} {...rest}>
      {title && (
        <h2 id={titleId} className="mb-3 font-bold">
          {title}
        </h2>
      )}
      {children}
    </Tag>
  );
}

/** "Nothing here" in a card of its own, where a list or table would otherwise stand. */
export function EmptyState({ children, className = "", ...rest }: React.HTMLAttributes<HTMLParagraphElement> & { "data-testid"?: string }) {
  return (
    <p className={cx(panelClass, className)} {...rest}>
      {children}
    </p>
  );
}

/** A collapsible part (`<details>`): the summary reads like a link, the content shows on click. */
export function DetailsPanel({
  summary,
  children,
  className,
  open,
  ...rest
}: React.DetailsHTMLAttributes<HTMLDetailsElement> & { summary: ReactNode; "data-testid"?: string }) {
  return (
    <details className={className} open={open} {...rest}>
      <summary className="cursor-pointer text-sm text-brand-700">{summary}</summary>
      {children}
    </details>
  );
}
