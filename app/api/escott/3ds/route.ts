// e-SCOTT's 3-D Secure page posts EncryptValue here (checkout and My Account card registration).
// Deliberately session-free: see lib/payments/card/three-d-secure-return.ts.
import { NextResponse } from "next/server";
import { threeDSReturnedValue } from "@/lib/escott";
import { loadCardContext } from "@/lib/payments/card/context";
import { handleThreeDSReturn, type ReturnResponse } from "@/lib/payments/card/three-d-secure-return";

function respond(res: ReturnResponse): Response {
  if (res.status === 400) return new NextResponse(res.reason, { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  return NextResponse.redirect(res.location, 303);
}

export async function POST(request: Request): Promise<Response> {
  const form = await request.formData().catch(() => null);
  return respond(await handleThreeDSReturn(await loadCardContext(), threeDSReturnedValue(form)));
}

/** The vendor's WooCommerce plugins also accept the value in the query string (docs/escott-protocol.md §6.3 step 7). */
export async function GET(request: Request): Promise<Response> {
  return respond(await handleThreeDSReturn(await loadCardContext(), threeDSReturnedValue(new URL(request.url).searchParams)));
}
