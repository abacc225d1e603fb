// Runs before every request (Next.js 16's middleware file, Node.js runtime).
// 1. Security headers on every response (lib/security/csp.ts): a Content-Security-Policy with a fresh nonce,
//    Referrer-Policy, HSTS when SITE_URL is https… The policy also goes on the request: Next.js reads the nonce
//    from it and puts it on its own scripts while rendering (pages are rendered per request: app/layout.tsx).
// 2. A first, cheap gate for /admin: anonymous visitors are sent to log in. The real checks are in every admin
//    page, route handler and server action (lib/auth/session.ts requireAdmin).
// 3. Server-action requests (POST with a Next-Action header) whose body Next.js could not decode, or from
//    another origin, get a clean 4xx here instead of a 500 from Next.js (lib/security/action-guard.ts).
import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/env";
import { guardActionRequest, guardFormPost, isMultipart } from "@/lib/security/action-guard";
import { cachedCardMode, cardModeFromStored, escottOrigins, newNonce, securityHeaders, type CardModeChoice } from "@/lib/security/csp";
import { REQUEST_PATH_HEADER } from "@/lib/security/request-path";

// Which e-SCOTT host serves the token script depends on the card gateway's テストモード, kept in the database.
// With the emulator both modes are the same origin and nothing is read. With Sony Payment Services' hosts the
// setting is read at most every 10 s (one primary-key lookup); if it cannot be read, both hosts are allowed.
const storedCardMode = cachedCardMode(async () => {
  const { db } = await import("@/lib/db");
  const row = await db().gatewaySettings.findUnique({ where: { gateway: "card" }, select: { values: true } });
  return cardModeFromStored(row?.values);
}, 10_000);

/** The path and query of the page asked for (without Next.js's own `_rsc` parameter). */
function requestPath(url: URL): string {
  const search = new URLSearchParams(url.search);
  search.delete("_rsc");
  const query = search.toString();
  return url.pathname + (query ? `?${query}` : "");
}

function isAdminPath(pathname: string): boolean {
  return pathname === "/admin" || pathname.startsWith("/admin/");
}

export async function proxy(request: NextRequest) {
  const e = env();
  const nonce = newNonce();
  const mode: CardModeChoice = e.ESCOTT_TARGET === "emulator" ? "test" : await storedCardMode();
  const headers = securityHeaders({
    nonce,
    origins: escottOrigins(e.ESCOTT_TARGET, e.ESCOTT_EMULATOR_URL, mode),
    dev: e.NODE_ENV === "development",
    siteUrl: e.SITE_URL,
    pathname: request.nextUrl.pathname,
    searchParams: request.nextUrl.searchParams,
  });
  const withHeaders = (response: NextResponse) => {
    for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
    return response;
  };

  if (request.method === "POST" && (request.headers.has("next-action") || isMultipart(request))) {
    // A copy of the body: Next.js (or the route handler) still reads the original.
    const verdict = request.headers.has("next-action") ? await guardActionRequest(request.clone(), e.SITE_URL) : await guardFormPost(request.clone());
    if (!verdict.ok) {
      return withHeaders(new NextResponse(verdict.reason, { status: verdict.status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } }));
    }
  }

  if (isAdminPath(request.nextUrl.pathname)) {
    const token = await getToken({ req: request, secret: e.NEXTAUTH_SECRET });
    if (!token) {
      const login = new URL("/login", request.url);
      login.searchParams.set("next", request.nextUrl.pathname + request.nextUrl.search);
      return withHeaders(NextResponse.redirect(login));
    }
  }

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("Content-Security-Policy", headers["Content-Security-Policy"]!);
  requestHeaders.set("x-nonce", nonce);
  // Which page was asked for, for the admin layout: its login and second-factor redirects come back
  // here (a layout is not told its page's path). Always set here, so a client cannot supply its own.
  requestHeaders.set(REQUEST_PATH_HEADER, requestPath(request.nextUrl));
  return withHeaders(NextResponse.next({ request: { headers: requestHeaders } }));
}

// Every request, static files included: nosniff and the rest belong on them too. Except the two
// endpoints only machines call (入金結果通知, health checks): they are answered far more often than
// any page, and set MACHINE_RESPONSE_HEADERS (lib/security/csp.ts) themselves.
export const config = { matcher: "/((?!api/escott/notification|api/health).*)" };
