import "server-only";
// The admin order export: the orders of the list's filters, newest first, as CSV bytes. Bounded:
// at most EXPORT_MAX_ROWS data rows (a few MB), read from the database in batches; the rest is left
// out and reported as truncated. Whole orders only: an order's line items are never cut in two.
import type { Db } from "@/lib/db";
import { searchWhere, type OrderFilter } from "@/lib/orders/admin-queries";
import { csvText, encodeCsv, type CsvEncoding, type CsvValue } from "@/lib/orders/export/csv";
import { exportHeader, orderRows, type ExportLabels, type ExportMode, type ExportOrder } from "@/lib/orders/export/order-rows";
import { jstMinute } from "@/lib/escott/dates";

export const EXPORT_MAX_ROWS = 10_000;
const BATCH = 500;

export interface ExportRequest {
  filter: Omit<OrderFilter, "page">;
  mode: ExportMode;
  encoding: CsvEncoding;
  /** Defaults to EXPORT_MAX_ROWS (tests lower it). */
  maxRows?: number;
}

export interface ExportFile {
  bytes: Buffer;
  filename: string;
  rows: number;
  truncated: boolean;
}

/** `orders-YYYYMMDD-HHMM.csv` (Asia/Tokyo), `-items` for one row per line item. */
export function exportFilename(mode: ExportMode, now: Date): string {
  const m = jstMinute(now);
  return `orders-${m.slice(0, 8)}-${m.slice(8)}${mode === "items" ? "-items" : ""}.csv`;
}

/** `labels` from exportLabels() (lib/orders/export/labels.ts): the gateways' titles and state names. */
export async function exportOrders(db: Db, request: ExportRequest, labels: ExportLabels, now = new Date()): Promise<ExportFile> {
  const where = searchWhere(request.filter);
  const rows: CsvValue[][] = [exportHeader(request.mode, labels.dict)];
  const max = request.maxRows ?? EXPORT_MAX_ROWS;
  let truncated = false;
  for (let skip = 0; ; skip += BATCH) {
    const batch: ExportOrder[] = await db.order.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip,
      take: BATCH,
      include: {
        items: { orderBy: { id: "asc" } },
        payments: { orderBy: { createdAt: "desc" }, take: 1, select: { gateway: true, state: true, payLimit: true, transactionCode: true } },
        refunds: { select: { amount: true } },
      },
    });
    for (const order of batch) {
      const more = orderRows(order, request.mode, labels);
      if (rows.length - 1 + more.length > max) {
        truncated = true;
        break;
      }
      rows.push(...more);
    }
    if (truncated || batch.length < BATCH) break;
  }
  return { bytes: encodeCsv(csvText(rows), request.encoding), filename: exportFilename(request.mode, now), rows: rows.length - 1, truncated };
}
