import { createHmac } from "node:crypto";
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

/**
 * What an order stores of its client: a keyed hash of the IP address (the key keeps anyone with the
 * database from testing the 2^32 IPv4 addresses against it). Equal addresses give equal keys.
 */
export function clientKey(ip: string, secret: string): string {
  return createHmac("sha256", `client-key:${secret}`).update(ip).digest("base64url").slice(0, 22);
}
