// Where login and registration send the user afterwards (?next=…): only a path of this shop.
// Checked by parsing, as the browser will: a string that merely starts with "/" can still leave
// the site ("/\t/evil.example" becomes "//evil.example" once the browser drops the tab).
const CONTROL_OR_BACKSLASH = /[\u0000-\u001f\u007f-\u009f\\]/;

export function safeReturnPath(value: unknown, fallback = "/account", siteUrl = "http://localhost"): string {
  if (typeof value !== "string" || value.length === 0 || value.length > 2000) return fallback;
  if (CONTROL_OR_BACKSLASH.test(value) || !value.startsWith("/") || value.startsWith("//")) return fallback;
  let base: URL;
  let url: URL;
  try {
    base = new URL(siteUrl);
    url = new URL(value, base);
  } catch {
    return fallback;
  }
  if (url.origin !== base.origin) return fallback;
  // Dot segments can collapse into a protocol-relative path ("/.//evil" → "//evil").
  if (url.pathname.startsWith("//")) return fallback;
  // What the browser will follow is exactly what was checked.
  return `${url.pathname}${url.search}${url.hash}`;
}
