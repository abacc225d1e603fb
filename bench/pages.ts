// JavaScript each page makes the browser download, from the build the shop serves: the page's
// HTML is fetched, and every script it loads from /_next/static (<script src>, plus the chunks it
// preloads as scripts; not the nomodule polyfills) is fetched and gzipped here (level 9 — roughly what a CDN sends).
// Chunks loaded later on demand (dynamic import) are not counted. The performance issue's budgets:
// home 110 KB, product 110 KB, checkout with a cart 140 KB (KB = 1024 bytes). The HTML itself is weighed
// too (not budgeted): its inline RSC payload — the props of the client components, the dictionary groups
// among them (lib/i18n/client-payload.ts) — is parsed on the main thread before the page is interactive.
import { gzipSync } from "node:zlib";
import { newCart, PRODUCT_SLUG } from "./shop";
import type { Stack } from "./stack";

export interface PageWeight {
  name: string;
  path: string;
  status: number;
  scripts: number;
  /** Bytes as served (uncompressed). */
  rawBytes: number;
  gzipBytes: number;
  /** The HTML document, as served and gzipped (level 9). */
  htmlBytes: number;
  htmlGzipBytes: number;
  budgetBytes: number;
  pass: boolean;
  /** The HTML request's server time and database statements (scripts/serve.mjs, BENCH_TIMING=1). */
  serverMs: number;
  statements: number;
}

export const BUDGETS_KB = { home: 110, product: 110, checkout: 140 } as const;

export function scriptUrls(html: string): string[] {
  const urls = new Set<string>();
  for (const m of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"[^>]*>/g)) {
    // The legacy polyfills (nomodule): modern browsers never download them.
    if (!/\bnomodule\b/i.test(m[0])) urls.add(m[1]!);
  }
  for (const m of html.matchAll(/<link\b[^>]*\brel="preload"[^>]*\bas="script"[^>]*>|<link\b[^>]*\bas="script"[^>]*\brel="preload"[^>]*>/g)) {
    const href = /\bhref="([^"]+)"/.exec(m[0]);
    if (href) urls.add(href[1]!);
  }
  return [...urls].map((u) => u.replace(/&amp;/g, "&")).filter((u) => u.startsWith("/_next/static/"));
}

async function weigh(stack: Stack, name: keyof typeof BUDGETS_KB, path: string, cookie?: string): Promise<PageWeight> {
  stack.timings.mark();
  const res = await fetch(`${stack.baseUrl}${path}`, { headers: cookie ? { Cookie: cookie } : {} });
  const htmlBody = Buffer.from(await res.arrayBuffer());
  const html = htmlBody.toString("utf8");
  const [timing] = await stack.timings.expect(1, (t) => t.method === "GET" && t.path === path);
  const urls = scriptUrls(html);
  let rawBytes = 0;
  let gzipBytes = 0;
  for (const url of urls) {
    const body = Buffer.from(await (await fetch(`${stack.baseUrl}${url}`)).arrayBuffer());
    rawBytes += body.length;
    gzipBytes += gzipSync(body, { level: 9 }).length;
  }
  const budgetBytes = BUDGETS_KB[name] * 1024;
  return {
    name,
    path,
    status: res.status,
    scripts: urls.length,
    rawBytes,
    gzipBytes,
    htmlBytes: htmlBody.length,
    htmlGzipBytes: gzipSync(htmlBody, { level: 9 }).length,
    budgetBytes,
    pass: res.status === 200 && gzipBytes <= budgetBytes,
    serverMs: timing?.ms ?? NaN,
    statements: timing?.queries ?? NaN,
  };
}

export async function benchPages(stack: Stack, options: { productId: string; log: (line: string) => void }): Promise<{ pages: PageWeight[]; favicon: number }> {
  const cart = await newCart(stack, options.productId);
  const pages = [
    await weigh(stack, "home", "/"),
    await weigh(stack, "product", `/products/${PRODUCT_SLUG}`),
    await weigh(stack, "checkout", "/checkout", `cart=${cart.token}`),
  ];
  const favicon = (await fetch(`${stack.baseUrl}/favicon.ico`)).status;
  for (const p of pages) options.log(`page ${p.name} ${p.path}: ${(p.gzipBytes / 1024).toFixed(1)} KB gzip in ${p.scripts} scripts (budget ${BUDGETS_KB[p.name as keyof typeof BUDGETS_KB]} KB) ${p.pass ? "pass" : "FAIL"}; HTML ${(p.htmlBytes / 1024).toFixed(1)} KB, ${(p.htmlGzipBytes / 1024).toFixed(1)} KB gzip`);
  return { pages, favicon };
}
