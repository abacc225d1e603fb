// GET /order/[id]/receipt(?key=…): the order's 領収書 as a PDF, each download recorded as an issue.
// Who may: the same rule as the order page (owner, admin, or the order's secret key); anyone else
// gets the same 404 as for a missing order. The PDF is made with Node's fs and pdfkit: Node runtime.
import { NextResponse, type NextRequest } from "next/server";
import { getCurrentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { errorText } from "@/lib/i18n";
import { getDictionary } from "@/lib/i18n/server";
import { canViewOrder } from "@/lib/orders/access";
import { downloadReceipt } from "@/lib/receipts/download";
import { MAX_ISSUES } from "@/lib/receipts/issue";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function GET(request: NextRequest, ctx: RouteContext<"/order/[id]/receipt">): Promise<Response> {
  // Every download writes an issue row: a page on another site must not spend the customer's issues.
  const site = request.headers.get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") return new NextResponse(null, { status: 403 });
  const { id } = await ctx.params;
  const orderId = Number(id);
  const key = request.nextUrl.searchParams.get("key") ?? undefined;
  const [user, order] = await Promise.all([
    getCurrentUser(),
    Number.isSafeInteger(orderId) && orderId > 0 ? db().order.findUnique({ where: { id: orderId }, select: { userId: true, accessKey: true } }) : null,
  ]);
  if (!order || !canViewOrder(order, user, key)) return new NextResponse(null, { status: 404 });

  const issuedBy = user?.role === "admin" ? user.email : user && order.userId === user.id ? "customer" : "guest";
  const result = await downloadReceipt(db(), orderId, issuedBy);
  if (!result.ok) {
    if (result.reason === "missing") return new NextResponse(null, { status: 404 });
    const { dict } = await getDictionary();
    const text = errorText(dict, result.reason === "limit" ? "receipts.limitReached" : "receipts.unavailable", { limit: MAX_ISSUES });
    return new NextResponse(text, { status: 409, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });
  }
  return new NextResponse(new Uint8Array(result.pdf), {
    headers: {
      "content-type": "application/pdf",
      "content-disposition": `attachment; filename="receipt-${orderId}-${result.number}.pdf"`,
      "cache-control": "private, no-store",
    },
  });
}
