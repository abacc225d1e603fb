// The one answer a public payment endpoint gives to bad input, whatever was wrong with it: a small
// HTML page (Japanese or English by the language cookie) with a link back to checkout. The reason
// goes to the server log only, so a prober learns nothing from the answer.
import { DEFAULT_LOCALE, dictionaryFor, isLocale, LOCALE_COOKIE, type Locale } from "@/lib/i18n";

export function localeOfRequest(request: Request): Locale {
  for (const part of (request.headers.get("cookie") ?? "").split(";")) {
    const [name, ...rest] = part.trim().split("=");
    if (name === LOCALE_COOKIE) {
      const value = rest.join("=");
      return isLocale(value) ? value : DEFAULT_LOCALE;
    }
  }
  return DEFAULT_LOCALE;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function paymentErrorHtml(locale: Locale): string {
  const t = dictionaryFor(locale).paymentError;
  return [
    "<!doctype html>",
    `<html lang="${locale}">`,
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex">',
    `<title>${escapeHtml(t.title)}</title></head>`,
    `<body><main><h1>${escapeHtml(t.title)}</h1><p>${escapeHtml(t.body)}</p><p><a href="/checkout">${escapeHtml(t.back)}</a></p></main></body>`,
    "</html>",
  ].join("\n");
}

/** The uniform error answer (400 for bad input; 405/413 keep their status and get the same page). */
export function paymentErrorResponse(request: Request, status: 400 | 405 | 413, headers: Record<string, string> = {}): Response {
  const body = request.method === "HEAD" ? null : paymentErrorHtml(localeOfRequest(request));
  return new Response(body, {
    status,
    headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store", ...headers },
  });
}
