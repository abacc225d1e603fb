// Label/value facts (order number, status, e-mail…) as a <dl>. "columns": each label above its
// value, in a grid of 2–4 columns; "inline": labels in a column beside their values.
import { Fragment, type ReactNode } from "react";
import { panelClass } from "@/components/ui/panel";
import { cx } from "@/components/ui/cx";

export interface DescriptionItem {
  label: ReactNode;
  value: ReactNode;
  key?: string;
  /** Classes of the value (<dd>). */
  className?: string;
  "data-testid"?: string;
}

const COLUMNS = { 2: "grid-cols-2", 3: "grid-cols-2 sm:grid-cols-3", 4: "grid-cols-2 sm:grid-cols-4" } as const;

export function DescriptionList({
  items,
  layout = "columns",
  columns = 2,
  card = false,
  className = "",
  ...rest
}: React.HTMLAttributes<HTMLDListElement> & {
  /** Falsy entries are skipped, so optional facts can be written inline: `cond && {…}`. */
  items: (DescriptionItem | false | null | undefined)[];
  layout?: "columns" | "inline";
  columns?: keyof typeof COLUMNS;
  /** Draw the list as a card of its own. */
  card?: boolean;
  "data-testid"?: string;
}) {
  const shown = items.filter((i): i is DescriptionItem => Boolean(i));
  const grid = layout === "columns" ? cx("grid", COLUMNS[columns], "gap-3") : "grid grid-cols-[max-content_1fr] gap-x-3";
  return (
    <dl className={cx(grid, "text-sm", card && panelClass, className)} {...rest}>
      {shown.map((item, i) => {
        const key = item.key ?? (typeof item.label === "string" ? item.label : i);
        const dt = <dt className="text-stone-500">{item.label}</dt>;
        const dd = (
          <dd className={item.className} data-testid={item["data-testid"]}>
            {item.value}
          </dd>
        );
        return layout === "columns" ? (
          <div key={key}>
            {dt}
            {dd}
          </div>
        ) : (
          <Fragment key={key}>
            {dt}
            {dd}
          </Fragment>
        );
      })}
    </dl>
  );
}
