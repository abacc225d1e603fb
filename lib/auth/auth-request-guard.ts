// A first check of requests to next-auth's routes (/api/auth/*), before next-auth reads them. next-auth
// answers 500 to an unparsable JSON body, to a route it does not have (/api/auth/anything), to a GET
// of the credentials callback, and renders its own error page with 500 for some `error` values. The
// shop uses only the routes below (email + password login, session, logout): any other is 404, its
// pages (sign-in, sign-out, error) are the shop's login page, and a body must be small and flat — a form
// (application/x-www-form-urlencoded) or a JSON object of strings: else 400, 413 over 16 KB.
import { readLimitedBody } from "@/lib/security/body-limit";

export const AUTH_BODY_MAX_BYTES = 16 * 1024;
const MAX_REDIRECT = 2000;

const utf8 = new TextDecoder("utf-8", { fatal: true });

function bad(status: 400 | 413 | 415): Response {
  return new Response(null, { status, headers: { "Cache-Control": "no-store" } });
}

/** What the shop's login form, next-auth's client and its session checks use, by method. */
const ROUTES: Record<string, ReadonlySet<string>> = {
  GET: new Set(["session", "csrf", "providers"]),
  HEAD: new Set(["session", "csrf", "providers"]),
  POST: new Set(["session", "signin/credentials", "callback/credentials", "signout", "_log"]),
};

/**
 * next-auth's own check of a callbackUrl (query parameter or its callback-url cookie): an absolute
 * http(s) URL or a path. It answers anything else with a "server configuration" 500.
 */
export function nextAuthAcceptsCallbackUrl(value: string): boolean {
  try {
    return /^https?:$/.test(new URL(value, value.startsWith("/") ? "http://localhost" : undefined).protocol);
  } catch {
    return false;
  }
}

function cookieValues(header: string | null, suffix: string): string[] {
  if (!header) return [];
  return header
    .split(";")
    .map((c) => c.trim().split("="))
    .filter(([name]) => name !== undefined && (name === suffix || name.endsWith(`.${suffix}`) || name.endsWith(`-${suffix}`)))
    .map(([, ...value]) => {
      const raw = value.join("=");
      try {
        return decodeURIComponent(raw);
      } catch {
        return raw;
      }
    });
}

/** null when next-auth may handle the request; else the refusal. Reads a copy of the body. */
export async function refuseMalformedAuthRequest(request: Request, route: readonly string[]): Promise<Response | null> {
  const name = route.join("/");
  if (request.method === "GET" && (name === "error" || name === "signin" || name === "signout")) {
    // next-auth's own pages (sign-in, sign-out, errors), which it renders with a 500 for some queries:
    // the shop has its login page for all of them (logging out is a POST from the account menu).
    return new Response(null, { status: 303, headers: { Location: "/login", "Cache-Control": "no-store" } });
  }
  if (!ROUTES[request.method]?.has(name)) return new Response(null, { status: 404, headers: { "Cache-Control": "no-store" } });
  const callbackUrls = [...new URL(request.url).searchParams.getAll("callbackUrl"), ...cookieValues(request.headers.get("cookie"), "callback-url")];
  if (!callbackUrls.every(nextAuthAcceptsCallbackUrl)) return bad(400);
  if (request.method !== "POST") return null;
  const mediaType = (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (mediaType !== "application/x-www-form-urlencoded" && mediaType !== "application/json") return bad(415);
  const read = await readLimitedBody(request.clone(), AUTH_BODY_MAX_BYTES);
  if (!read.ok) return bad(read.reason === "too_large" ? 413 : 400);
  let text: string;
  try {
    text = utf8.decode(read.bytes);
  } catch {
    return bad(400);
  }
  if (mediaType === "application/x-www-form-urlencoded") return null; // URLSearchParams takes any text
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return bad(400);
  }
  if (body === null || typeof body !== "object" || Array.isArray(body)) return bad(400);
  return Object.values(body).every((v) => typeof v === "string" || typeof v === "boolean") ? null : bad(400);
}

/**
 * next-auth's redirect callback: where to go after signing in or out. The shop's own paths and URLs
 * only (lib/auth/safe-redirect.ts rules), anything else — another site, a 100 KB callbackUrl — the
 * shop's start page.
 */
export function authRedirect(url: string, baseUrl: string): string {
  if (typeof url !== "string" || url.length > MAX_REDIRECT) return baseUrl;
  let base: URL;
  let target: URL;
  try {
    base = new URL(baseUrl);
    target = new URL(url, base);
  } catch {
    return baseUrl;
  }
  if (/[\u0000-\u001f\u007f-\u009f\\]/.test(url) || target.origin !== base.origin || target.pathname.startsWith("//")) return baseUrl;
  // Percent-encoding can make it up to 9 times longer: the result goes into a cookie, capped alike.
  return target.href.length > MAX_REDIRECT ? baseUrl : target.href;
}
