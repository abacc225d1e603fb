// The client's IP address, for the throttles. scripts/serve.mjs (what `npm start` runs) works it
// out from the connection (and TRUSTED_PROXY_HOPS) and passes it as x-shop-client-ip, replacing
// any such header a client sent. Without it (`next dev`, or `next start` run by hand) the
// rightmost X-Forwarded-For entry is used: Next.js sets it to the peer when the request has none.
export const CLIENT_IP_HEADER = "x-shop-client-ip";

type HeaderSource = Headers | Record<string, string | string[] | undefined>;

function header(source: HeaderSource, name: string): string | undefined {
  if (source instanceof Headers) return source.get(name) ?? undefined;
  const value = source[name];
  return Array.isArray(value) ? value.join(",") : value;
}

export function clientIp(source: HeaderSource): string {
  const trusted = header(source, CLIENT_IP_HEADER)?.trim();
  if (trusted) return trusted.slice(0, 64);
  const forwarded = header(source, "x-forwarded-for")?.split(",").map((s) => s.trim()).filter(Boolean);
  return forwarded?.at(-1)?.slice(0, 64) ?? "unknown";
}
