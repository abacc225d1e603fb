// Generators and checks for e2e/fuzz.spec.ts: a seeded PRNG (the same seed gives the same requests,
// FUZZ_SEED replays a run), hostile values, and what a clean refusal looks like.
import { readFileSync } from "node:fs";
import path from "node:path";
import type { APIResponse } from "@playwright/test";
import type { Db } from "@/lib/db";

/** encodeURIComponent that does not throw on lone surrogates (made well-formed first). */
export const enc = (value: string) => encodeURIComponent(value.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD"));

/** mulberry32: small, fast, good enough to pick test inputs; deterministic for one seed. */
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[int(0, items.length - 1)]!;
  return { next, int, pick };
}
export type Rng = ReturnType<typeof prng>;

/** The run's seed: FUZZ_SEED to replay one, else a fresh one (printed by the spec). */
export function fuzzSeed(): number {
  const given = process.env.FUZZ_SEED;
  if (given && /^\d+$/.test(given)) return Number(given);
  return Math.floor(Math.random() * 2 ** 31);
}

const SPECIALS = [
  "",
  " ",
  "\u0000",
  "a\u0000b",
  "%E0%A4%A",
  "%",
  "%zz",
  "%00",
  "%C3%28",
  "\uFEFF",
  "\uD800", // a lone surrogate
  "💳",
  "カード番号",
  "../../etc/passwd",
  "<script>alert(1)</script>",
  "' OR 1=1 --",
  "${jndi:ldap://x}",
  "{{7*7}}",
  "$@1",
  "$K1",
  "$h0",
  "$undefined",
  "__proto__",
  "constructor",
  "-1",
  "0",
  "1e309",
  "NaN",
  "99999999999999999999999",
  "-9223372036854775809",
  "0x7fffffff",
  "true",
  "null",
  "[]",
  "{}",
];

/** One hostile string: a special, random bytes (as Latin-1 text), a long run, or a mix. */
export function hostileString(rng: Rng, maxLength = 2000): string {
  switch (rng.int(0, 4)) {
    case 0:
      return rng.pick(SPECIALS);
    case 1:
      return Array.from({ length: rng.int(1, 64) }, () => String.fromCharCode(rng.int(0, 255))).join("");
    case 2:
      return rng.pick(["a", "9", "あ", "%", "\u0000", "/"]).repeat(rng.int(1, maxLength));
    case 3:
      return Array.from({ length: rng.int(1, 6) }, () => rng.pick(SPECIALS)).join(rng.pick(["", "&", "=", "/", "?"]));
    default:
      return Array.from({ length: rng.int(1, 40) }, () => String.fromCodePoint(rng.int(0, 0x2ffff) & 0x10ffff)).join("");
  }
}

/** A hostile JSON value where a string, number or form was expected. */
export function hostileValue(rng: Rng, depth = 0): unknown {
  switch (rng.int(0, 8)) {
    case 0:
      return null;
    case 1:
      return rng.pick([0, -1, 1.5, 2 ** 53, -(2 ** 63), 1e308, Number.MAX_SAFE_INTEGER + 2]);
    case 2:
      return rng.pick([true, false]);
    case 3:
      return depth < 3 ? Array.from({ length: rng.int(0, 4) }, () => hostileValue(rng, depth + 1)) : [];
    case 4:
      return depth < 3 ? Object.fromEntries(Array.from({ length: rng.int(0, 4) }, () => [rng.pick(["productId", "quantity", "email", "password", "code", "__proto__", hostileString(rng, 20)]), hostileValue(rng, depth + 1)])) : {};
    default:
      return hostileString(rng, 500);
  }
}

/** A query string with duplicated parameters, arrays, malformed escapes (written raw, not re-encoded). */
export function hostileQuery(rng: Rng, names: readonly string[]): string {
  const parts: string[] = [];
  for (let i = rng.int(1, 6); i > 0; i--) {
    const name = rng.pick([...names, `${rng.pick(names.length ? names : ["x"])}[]`, hostileString(rng, 20)]);
    const raw = rng.int(0, 2) === 0 ? rng.pick(["%E0%A4%A", "%", "%00", "%FF%FE", "%C3%28", "a%2", "%%"]) : enc(hostileString(rng, 300)).replace(/%25/g, rng.pick(["%25", "%"]));
    parts.push(`${enc(name)}=${raw}`);
  }
  return parts.join("&");
}

/** A path segment: well-encoded hostile text, or raw malformed escapes. */
export function hostileSegment(rng: Rng): string {
  return rng.int(0, 3) === 0 ? rng.pick(["%E0%A4%A", "%", "%zz", "%00", "%C3%28", "%2e%2e", "..%2f..%2f", "%FF"]) : enc(hostileString(rng, 400)) || "x";
}

/** JSON nested deeper than the action guard allows. */
export const deepJson = (levels: number) => "[".repeat(levels) + "]".repeat(levels);

/** Signs of internals in a response body: stack frames, source paths, error class names, Prisma. */
const LEAKS = [/\n\s+at [^\n]*:\d+:\d+/, /\/work\//, /node_modules[\\/]/, /webpack-internal:/, /\.(?:ts|tsx|mjs):\d+/, /\b(?:TypeError|SyntaxError|RangeError|URIError|ReferenceError): /, /Prisma(?:Client)?[A-Z]\w*Error/, /Invalid `prisma/, /invalid byte sequence/i];

export function leakIn(body: string): string | null {
  for (const pattern of LEAKS) {
    const m = pattern.exec(body);
    if (m) return `${pattern} → ${JSON.stringify(body.slice(Math.max(0, m.index - 60), m.index + 120))}`;
  }
  return null;
}

/** One request's verdict: null when clean (status below 500, no internals in the body). */
export async function dirtyAnswer(response: APIResponse): Promise<string | null> {
  const status = response.status();
  const body = await response.text().catch(() => "");
  if (status >= 500) return `status ${status}: ${JSON.stringify(body.slice(0, 200))}`;
  const leak = leakIn(body);
  return leak ? `status ${status}, internals in the body: ${leak}` : null;
}

/** Rows of the tables a refused request must not touch. */
export const GUARDED_TABLES = ["order", "payment", "paymentLog", "cart", "cartItem", "user", "emailMessage", "orderNote"] as const;
/** Tables a refused request must not add to; the shop's housekeeping prunes used or expired rows meanwhile. */
export const NOT_GROWING_TABLES = ["authToken", "userSession"] as const;

export async function rowCounts(db: Db): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of [...GUARDED_TABLES, ...NOT_GROWING_TABLES, "throttleCounter"] as const) {
    counts[table] = await (db[table] as unknown as { count: () => Promise<number> }).count();
  }
  return counts;
}

/** The server actions of the build: id → a page path that serves it (dynamic segments filled in). */
export function serverActions(): Array<{ id: string; page: string; name: string }> {
  const file = path.join(process.cwd(), process.env.NEXT_DIST_DIR || ".next", "server", "server-reference-manifest.json");
  const manifest = JSON.parse(readFileSync(file, "utf8")) as { node: Record<string, { workers: Record<string, unknown>; exportedName?: string; filename?: string }> };
  return Object.entries(manifest.node).map(([id, entry]) => {
    const worker = Object.keys(entry.workers).find((w) => w.endsWith("/page")) ?? "app/page";
    const page =
      worker
        .replace(/^app/, "")
        .replace(/\/page$/, "")
        .replace(/\/\([^)]+\)/g, "")
        .replace(/\[[^\]]+\]/g, "x") || "/";
    return { id, page, name: `${entry.filename ?? "?"}#${entry.exportedName ?? "?"}` };
  });
}
