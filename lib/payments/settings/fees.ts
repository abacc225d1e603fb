// 決済手数料: rows of (合計金額 from, to, fee). "to" empty = no upper bound.
import { z } from "zod";
import { msg } from "@/lib/i18n/keys";

export interface FeeRow {
  from: number;
  to: number | null;
  fee: number;
}

/** The manual's example, offered when the fee is first enabled. */
export const PRESET_FEE_ROWS: FeeRow[] = [
  { from: 0, to: 1100, fee: 0 },
  { from: 1101, to: 5500, fee: 330 },
  { from: 5501, to: null, fee: 550 },
];

const yen = z.coerce.number({ error: msg("settings.feeNumber") }).int(msg("settings.feeNumber")).min(0, msg("settings.feeFromMin")).max(99_999_999, msg("settings.feeNumber"));

export const feeRowSchema = z.object({
  from: yen,
  to: z.preprocess((v) => (v === "" || v === null || v === undefined ? null : v), yen.nullable()),
  fee: yen,
});

export const feeRowsSchema = z.array(feeRowSchema).superRefine((rows, ctx) => {
  rows.forEach((r, i) => {
    if (r.to !== null && r.to < r.from) ctx.addIssue({ code: "custom", path: [i, "to"], message: msg("settings.feeToBeforeFrom") });
  });
  const sorted = rows.map((r, i) => ({ ...r, i })).sort((a, b) => a.from - b.from);
  for (let k = 1; k < sorted.length; k++) {
    const prev = sorted[k - 1]!;
    const cur = sorted[k]!;
    if (prev.to === null || cur.from <= prev.to) {
      ctx.addIssue({ code: "custom", path: [cur.i, "from"], message: msg("settings.feeOverlap") });
    }
  }
});

/**
 * The fee for an order total (incl. shipping and tax), as the vendor's WooCommerce plugins look it up: the row
 * whose range contains the total; no row → no fee.
 */
export function feeFor(total: number, rows: FeeRow[]): number {
  const row = rows.find((r) => r.from <= total && (r.to === null || total <= r.to));
  return row?.fee ?? 0;
}
