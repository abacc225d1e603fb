// A first check of requests to next-auth's routes (/api/auth/*), before next-auth reads them: it
// parses a JSON body without catching (an unparsable one was a 500) and takes any value in the
// fields it reads. What the shop's own login form and next-auth's client send is small and flat:
// a form (application/x-www-form-urlencoded) or a JSON object of strings. Anything else is 400,
// larger bodies 413.
import { readLimitedBody } from "@/lib/security/body-limit";

export const AUTH_BODY_MAX_BYTES = 16 * 1024;

const utf8 = new TextDecoder("utf-8", { fatal: true });

function bad(status: 400 | 413 | 415): Response {
  return new Response(null, { status, headers: { "Cache-Control": "no-store" } });
}

/** null when next-auth may handle the request; else the refusal. Reads a copy of the body. */
export async function refuseMalformedAuthRequest(request: Request): Promise<Response | null> {
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
  if (typeof url !== "string" || url.length > 2000) return baseUrl;
  let base: URL;
  let target: URL;
  try {
    base = new URL(baseUrl);
    target = new URL(url, base);
  } catch {
    return baseUrl;
  }
  if (/[\u0000-\u001f\u007f-\u009f\\]/.test(url) || target.origin !== base.origin || target.pathname.startsWith("//")) return baseUrl;
  return target.href;
}
