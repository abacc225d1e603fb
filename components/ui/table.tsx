// A data table from typed columns and rows. "card" is the admin list look (its own bordered
// box that scrolls sideways, a shaded header); "plain" sits inside a Panel (order items, the
// customer's orders). With no rows it shows `empty` instead of an empty table.
import type { Key, ReactNode } from "react";
import { EmptyState } from "@/components/ui/panel";
import { cx } from "@/components/ui/cx";

export interface Column<T> {
  /** React key of the column; its index by default. */
  key?: string;
  /** Header cell; none for a column of actions. */
  header?: ReactNode;
  cell: (row: T) => ReactNode;
  align?: "left" | "right";
  /** Extra classes of each body cell. */
  className?: string;
  /** data-testid of each body cell. */
  testId?: string;
}

const LOOK = {
  card: { head: "bg-stone-50 text-left text-stone-500", th: "px-3 py-2 font-normal", td: "px-3 py-2" },
  plain: { head: "text-left text-stone-500", th: "py-1 font-normal", td: "py-2" },
} as const;

export function Table<T>({
  columns,
  rows,
  rowKey,
  rowTestId,
  empty,
  variant = "card",
  alignTop = false,
  "data-testid": testId,
}: {
  columns: Column<T>[];
  rows: readonly T[];
  rowKey: (row: T) => Key;
  rowTestId?: string;
  /** Shown instead of the table when there are no rows. */
  empty?: ReactNode;
  variant?: keyof typeof LOOK;
  /** Align cells to the top (rows of differing heights). */
  alignTop?: boolean;
  "data-testid"?: string;
}) {
  if (rows.length === 0 && empty !== undefined) {
    return variant === "card" ? <EmptyState>{empty}</EmptyState> : <p className="text-sm">{empty}</p>;
  }
  const look = LOOK[variant];
  const right = (c: Column<T>) => c.align === "right" && "text-right";
  const table = (
    <table className="w-full text-sm" data-testid={testId}>
      <thead className={look.head}>
        <tr>
          {columns.map((c, i) =>
            c.header === undefined ? (
              <th key={c.key ?? i} />
            ) : (
              <th key={c.key ?? i} className={cx(look.th, right(c))}>
                {c.header}
              </th>
            ),
          )}
        </tr>
      </thead>
      <tbody className={cx("divide-y divide-stone-100", alignTop && "align-top")}>
        {rows.map((row) => (
          <tr key={rowKey(row)} data-testid={rowTestId}>
            {columns.map((c, i) => (
              <td key={c.key ?? i} className={cx(look.td, right(c), c.className)} data-testid={c.testId}>
                {c.cell(row)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
  return variant === "card" ? <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white">{table}</div> : table;
}
