// Security headers of every response (set by proxy.ts) and the bounded store of the Content-Security-Policy
// violation reports browsers send to /api/csp-report — PCI DSS v4.0 6.4.3 (only authorized scripts run on the
// payment pages) and 11.6.1 (an unauthorized change is detected and shown to the admins). The scripts the policy
// allows are listed, with their reasons, in docs/script-inventory.md.
//
// No Node-only or server-only imports: proxy.ts, the route handler, the admin page and the tests all use this.
import { z } from "zod";
import { resolveUrls, type EscottMode } from "@/lib/escott/hosts";

export const CSP_REPORT_PATH = "/api/csp-report";
/** Name of the Reporting API endpoint (`report-to` directive, `Reporting-Endpoints` header). */
export const CSP_REPORT_GROUP = "csp-endpoint";

export type EscottTarget = "emulator" | "sps";
/** The card gateway's テストモード as far as the proxy knows it; "both" when it could not be read. */
export type CardModeChoice = EscottMode | "both";

// ---------------------------------------------------------------------------------------------------------------
// e-SCOTT origins
// ---------------------------------------------------------------------------------------------------------------

export interface EscottOrigins {
  /** Origin of e-SCOTT's token script (docs/escott-protocol.md §4), the only third-party script we load. */
  tokenScript: string[];
  /** Origin of the 3-D Secure page the checkout auto-posts to (§6.3). */
  threeDSPage: string[];
  /** Origin of the online payment agency's payment page the CVS checkout sends the shopper to (§7.1). */
  paymentPage: string[];
}

const unique = (values: string[]) => [...new Set(values)];

/**
 * The same URLs the e-SCOTT client builds (lib/escott/hosts.ts resolveUrls, with the emulator URL as override
 * exactly like lib/payments/escott-client.ts baseConfig), reduced to their origins. With the emulator both modes
 * are one origin; with Sony Payment Services' hosts the mode picks www.test.e-scott.jp or www.e-scott.jp.
 */
export function escottOrigins(target: EscottTarget, emulatorUrl: string, cardMode: CardModeChoice): EscottOrigins {
  const override = target === "emulator" ? emulatorUrl : undefined;
  const cardUrls = (cardMode === "both" ? (["test", "production"] as const) : [cardMode]).map((m) => resolveUrls(m, override));
  // The payment page's origin does not depend on the CVS gateway's own test mode (only its path does).
  const cvsUrls = (["test", "production"] as const).map((m) => resolveUrls(m, override));
  return {
    tokenScript: unique(cardUrls.map((u) => new URL(u.tokenScript("x")).origin)),
    threeDSPage: unique(cardUrls.map((u) => new URL(u.threeDSPage).origin)),
    paymentPage: unique(cvsUrls.map((u) => new URL(u.cvsPaymentPage("x", 1)).origin)),
  };
}

/** テストモード from the stored card settings (GatewaySettings.values JSON); the settings' default is on. */
export function cardModeFromStored(values: string | null | undefined): EscottMode {
  if (!values) return "test";
  try {
    const parsed = JSON.parse(values) as { testMode?: unknown };
    return parsed.testMode === false ? "production" : "test";
  } catch {
    return "test";
  }
}

/**
 * Memoizes the card mode for `ttlMs` (the proxy runs on every request; the mode changes only when an admin saves
 * the card settings, so a change reaches the policy within ttlMs). A failing read gives "both" for a shorter time.
 */
export function cachedCardMode(load: () => Promise<EscottMode>, ttlMs: number, now: () => number = Date.now): () => Promise<CardModeChoice> {
  let cached: { value: CardModeChoice; until: number } | null = null;
  let inflight: Promise<CardModeChoice> | null = null;
  return async () => {
    if (cached && cached.until > now()) return cached.value;
    inflight ??= load()
      .then((value): CardModeChoice => {
        cached = { value, until: now() + ttlMs };
        return value;
      })
      .catch((): CardModeChoice => {
        cached = { value: "both", until: now() + Math.min(ttlMs, 1000) };
        return "both";
      })
      .finally(() => {
        inflight = null;
      });
    return inflight;
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Headers
// ---------------------------------------------------------------------------------------------------------------

/** 128 random bits, base64 — a fresh one for every response. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

export interface PolicyInput {
  nonce: string;
  origins: EscottOrigins;
  /** `next dev`: React needs eval for its debugging aids and the dev overlay injects styles without a nonce. */
  dev?: boolean;
  /** SITE_URL is https: ask the browser to upgrade any http: subresource. */
  https?: boolean;
}

export function contentSecurityPolicy({ nonce, origins, dev = false, https = false }: PolicyInput): string {
  const directives: [string, ...string[]][] = [
    ["default-src", "'self'"],
    // No 'strict-dynamic' and no 'unsafe-inline': a script runs when it comes from our origin (the Next.js
    // chunks), carries this response's nonce (Next's inline bootstrap/RSC payload) or is e-SCOTT's token script.
    ["script-src", "'self'", `'nonce-${nonce}'`, ...origins.tokenScript, ...(dev ? ["'unsafe-eval'"] : [])],
    // Tailwind's CSS is a file from our origin; Next puts the nonce on the inline <style> it may emit. Style
    // attributes (next/image's color:transparent) are allowed separately: they cannot load anything or run code.
    ["style-src", "'self'", dev ? "'unsafe-inline'" : `'nonce-${nonce}'`],
    ["style-src-attr", "'unsafe-inline'"],
    ["img-src", "'self'", "data:", "blob:"],
    ["font-src", "'self'"],
    // The token script sends the card data to its own origin (the emulator's uses fetch); an iframe of that
    // origin is allowed too because the real script's internals are not public (docs/script-inventory.md).
    ["connect-src", "'self'", ...origins.tokenScript],
    ["frame-src", ...(origins.tokenScript.length > 0 ? origins.tokenScript : ["'none'"])],
    ["object-src", "'none'"],
    ["base-uri", "'self'"],
    ["form-action", "'self'", ...unique([...origins.threeDSPage, ...origins.paymentPage])],
    ["frame-ancestors", "'none'"],
    ["report-uri", CSP_REPORT_PATH],
  ];
  // The Reporting API (report-to) is used by Chromium instead of report-uri, but only delivers from secure
  // contexts: on an http:// shop (local, e2e) Chromium would then send nothing at all, so report-uri stays alone.
  if (https) directives.push(["report-to", CSP_REPORT_GROUP], ["upgrade-insecure-requests"]);
  return directives.map((d) => d.join(" ")).join("; ");
}

export const PERMISSIONS_POLICY = [
  "accelerometer=()",
  "autoplay=()",
  "bluetooth=()",
  "browsing-topics=()",
  "camera=()",
  "display-capture=()",
  "geolocation=()",
  "gyroscope=()",
  "hid=()",
  "magnetometer=()",
  "microphone=()",
  "midi=()",
  "payment=(self)",
  "screen-wake-lock=()",
  "serial=()",
  "usb=()",
  "xr-spatial-tracking=()",
].join(", ");

export const HSTS = "max-age=63072000; includeSubDomains";

/**
 * The answers of the endpoints only machines call (入金結果通知 from e-SCOTT, load balancers' health
 * checks). proxy.ts skips them — a middleware pass cost more than the whole answer — so they carry
 * these themselves: nothing in them may run, be framed, sniffed or cached.
 */
export const MACHINE_RESPONSE_HEADERS: Readonly<Record<string, string>> = {
  "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
  "X-Content-Type-Options": "nosniff",
  "Cache-Control": "no-store, max-age=0",
};

/**
 * Pages whose URL carries a secret — the order access key, or a single-use account link's token
 * (password reset, e-mail verification, admin setup): it must not leave in a Referer header.
 */
export function carriesAccessKey(pathname: string, searchParams: URLSearchParams): boolean {
  if (/^\/(reset-password|verify-email|setup)\/[^/]+\/?$/.test(pathname)) return true;
  return /^\/order\/[^/]+\/?$/.test(pathname) && searchParams.has("key");
}

export interface HeaderInput extends PolicyInput {
  siteUrl: string;
  pathname: string;
  searchParams: URLSearchParams;
}

/** Every header proxy.ts puts on a response, in one place so the unit tests see what the browser sees. */
export function securityHeaders(input: HeaderInput): Record<string, string> {
  const https = new URL(input.siteUrl).protocol === "https:";
  const headers: Record<string, string> = {
    "Content-Security-Policy": contentSecurityPolicy({ ...input, https }),
    "Referrer-Policy": carriesAccessKey(input.pathname, input.searchParams) ? "no-referrer" : "strict-origin-when-cross-origin",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Permissions-Policy": PERMISSIONS_POLICY,
  };
  if (https) {
    headers["Strict-Transport-Security"] = HSTS;
    headers["Reporting-Endpoints"] = `${CSP_REPORT_GROUP}="${new URL(CSP_REPORT_PATH, input.siteUrl).href}"`;
  }
  return headers;
}

// ---------------------------------------------------------------------------------------------------------------
// Violation reports
// ---------------------------------------------------------------------------------------------------------------

export const CSP_REPORT_MAX_BYTES = 16 * 1024;

const text = z.string().max(CSP_REPORT_MAX_BYTES);
/** Browsers send null or leave out what they do not know. */
const maybeText = text.nullish().transform((v) => v ?? undefined);
const num = z.number().finite().nullish().transform((v) => v ?? undefined);

/** `report-uri`: Content-Type application/csp-report, one report per request. */
const legacyReportSchema = z.object({
  "csp-report": z.object({
    "document-uri": text,
    "blocked-uri": maybeText,
    "effective-directive": maybeText,
    "violated-directive": maybeText,
    disposition: maybeText,
    "source-file": maybeText,
    "line-number": num,
    "script-sample": maybeText,
  }),
});

/** `report-to` (Reporting API): Content-Type application/reports+json, a batch of reports of any type. */
const reportingApiSchema = z
  .array(
    z.object({
      type: text,
      url: maybeText,
      body: z.unknown(),
    }),
  )
  .max(100);

const violationBodySchema = z.object({
  documentURL: text,
  blockedURL: maybeText,
  effectiveDirective: text,
  disposition: maybeText,
  sourceFile: maybeText,
  lineNumber: num,
  sample: maybeText,
});

export interface CspReport {
  /** Page, as origin + path: the query (e.g. an order's access key) is dropped. */
  documentUrl: string;
  /** Blocked resource as origin + path, or the browser's keyword (inline, eval, data…). */
  blockedUri: string;
  directive: string;
  disposition: string;
  sourceFile?: string;
  line?: number;
  sample?: string;
}

/** Origin + path only; keywords such as "inline" or "eval" are kept as they are. */
export function withoutQuery(value: string | undefined): string {
  if (!value) return "";
  try {
    const url = new URL(value);
    if (url.protocol === "http:" || url.protocol === "https:") return (url.origin + url.pathname).slice(0, 300);
    return url.protocol.replace(/:$/, "");
  } catch {
    return value.slice(0, 60);
  }
}

const clip = (value: string | undefined, max: number) => (value ? value.slice(0, max) : undefined);

export type ParsedReports = { ok: true; reports: CspReport[] } | { ok: false };

/** Validates a report body of either format; reports of other types (deprecation…) are accepted and dropped. */
export function parseCspReports(contentType: "csp-report" | "reports+json" | "json", body: unknown): ParsedReports {
  if (contentType !== "reports+json") {
    const legacy = legacyReportSchema.safeParse(body);
    if (legacy.success) {
      const r = legacy.data["csp-report"];
      return {
        ok: true,
        reports: [
          {
            documentUrl: withoutQuery(r["document-uri"]),
            blockedUri: withoutQuery(r["blocked-uri"]),
            directive: clip(r["effective-directive"] ?? r["violated-directive"]?.split(" ")[0], 60) ?? "",
            disposition: clip(r.disposition, 20) ?? "enforce",
            sourceFile: withoutQuery(r["source-file"]) || undefined,
            line: r["line-number"],
            sample: clip(r["script-sample"], 80),
          },
        ],
      };
    }
    if (contentType === "csp-report") return { ok: false };
  }
  const batch = reportingApiSchema.safeParse(body);
  if (!batch.success) return { ok: false };
  const reports: CspReport[] = [];
  for (const item of batch.data) {
    if (item.type !== "csp-violation") continue;
    const b = violationBodySchema.safeParse(item.body);
    if (!b.success) return { ok: false };
    reports.push({
      documentUrl: withoutQuery(b.data.documentURL),
      blockedUri: withoutQuery(b.data.blockedURL),
      directive: clip(b.data.effectiveDirective, 60) ?? "",
      disposition: clip(b.data.disposition, 20) ?? "enforce",
      sourceFile: withoutQuery(b.data.sourceFile) || undefined,
      line: b.data.lineNumber,
      sample: clip(b.data.sample, 80),
    });
  }
  return { ok: true, reports };
}
