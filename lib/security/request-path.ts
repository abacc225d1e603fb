// The page a request asked for, as proxy.ts passes it on to the server components (a layout is not
// told its page's path). No Node-only imports: proxy.ts uses this too.
export const REQUEST_PATH_HEADER = "x-shop-path";

/** The header's path if it is one under `prefix` (else `prefix`): only ever used as a same-site return path. */
export function requestPathUnder(value: string | null, prefix: string): string {
  if (!value || !value.startsWith("/") || value.startsWith("//")) return prefix;
  const pathname = value.split(/[?#]/, 1)[0]!;
  return pathname === prefix || pathname.startsWith(`${prefix}/`) ? value : prefix;
}
