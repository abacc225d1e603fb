// The export's query string (?status=&q=&mode=&encoding=), checked: the list's filters plus the
// file's shape. Anything unknown falls back to the defaults rather than failing the download.
import { z } from "zod";
import { CSV_ENCODINGS } from "@/lib/orders/export/csv";
import { EXPORT_MODES } from "@/lib/orders/export/order-rows";

const schema = z.object({
  status: z.string().max(40).optional().catch(undefined),
  q: z.string().max(200).optional().catch(undefined),
  mode: z.enum(EXPORT_MODES).catch("orders"),
  encoding: z.enum(CSV_ENCODINGS).catch("utf8"),
});

export type ExportQuery = z.infer<typeof schema>;

export function parseExportQuery(params: URLSearchParams): ExportQuery {
  return schema.parse({ status: params.get("status") ?? undefined, q: params.get("q") ?? undefined, mode: params.get("mode") ?? undefined, encoding: params.get("encoding") ?? undefined });
}
