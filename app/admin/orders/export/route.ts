// GET /admin/orders/export?status=&q=&mode=orders|items&encoding=utf8|sjis: the admin order list's
// filtered orders as a CSV download (lib/orders/export). Admins only: anyone else gets 403.
import { requireAdmin } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { getLocale } from "@/lib/i18n/server";
import { exportOrders } from "@/lib/orders/export/export-orders";
import { exportLabels } from "@/lib/orders/export/labels";
import { parseExportQuery } from "@/lib/orders/export/request";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  await requireAdmin();
  const query = parseExportQuery(new URL(request.url).searchParams);
  const file = await exportOrders(db(), { filter: { status: query.status, q: query.q }, mode: query.mode, encoding: query.encoding }, await exportLabels(await getLocale()));
  return new Response(new Uint8Array(file.bytes), {
    headers: {
      "Content-Type": `text/csv; charset=${query.encoding === "sjis" ? "Shift_JIS" : "utf-8"}`,
      "Content-Disposition": `attachment; filename="${file.filename}"`,
      "Cache-Control": "no-store",
      "X-Export-Rows": String(file.rows),
      "X-Export-Truncated": file.truncated ? "1" : "0",
    },
  });
}
