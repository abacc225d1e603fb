// Lighthouse on the built shop: home, a product, the cart with an item and the checkout with a
// cart, each run `RUNS` times in a fresh headless system Chromium with Lighthouse's default
// settings — the mobile preset with *simulated* throttling (Moto G Power, slow 4G, 4× CPU), so the
// scores compare with what PageSpeed Insights shows. The performance issue's goal: performance
// ≥ 95 on every page; a page below it is reported as fail (like the JavaScript budgets in
// pages.ts), the run is still recorded. Medians per value; the findings (what makes LCP/TBT high)
// and the saved HTML report come from the run whose performance score is the median.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import * as chromeLauncher from "chrome-launcher";
import lighthouse, { generateReport, type Result } from "lighthouse";
import { newCart, PRODUCT_SLUG } from "./shop";
import type { Stack } from "./stack";

export const PERFORMANCE_GOAL = 95;
export const RUNS = 3;

/** One Lighthouse run of one page, in Lighthouse's display units (scores 0–100, times in ms). */
export interface LighthouseSample {
  performance: number | null;
  bestPractices: number | null;
  fcpMs: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  speedIndexMs: number;
  /** Lighthouse's own measure of the machine's speed at the time (higher is faster). */
  benchmarkIndex: number;
  /** Lighthouse's runtimeError (the page could not be loaded), if any. */
  error?: string;
}

/** An audit that costs the page, as Lighthouse words it (opportunities and diagnostics). */
export interface Finding {
  id: string;
  title: string;
  displayValue: string;
  /** Estimated saving on LCP / TBT in ms, when Lighthouse gives one. */
  lcpSavingsMs: number;
  tbtSavingsMs: number;
  score: number | null;
  /** The audit's biggest items ("chunks/x.js 606 ms", "Style & Layout 1617 ms"), when it lists any. */
  top: string[];
}

export interface LighthousePage {
  name: string;
  path: string;
  runs: number;
  /** Medians over the runs (errored runs left out). */
  median: Omit<LighthouseSample, "error">;
  /** Lowest and highest performance score of the runs. */
  performanceRange: [number, number] | null;
  pass: boolean;
  /** From the median run: the LCP element and its phases, the costly audits, failed best-practice audits. */
  lcp: { element: string; phases: { phase: string; ms: number }[] };
  findings: Finding[];
  bestPracticesFailed: string[];
  errors: string[];
  /** The median run's HTML report (relative to the project root). */
  report?: string;
}

export interface LighthouseRun {
  runsPerPage: number;
  lighthouseVersion: string;
  chromium: string;
  pages: LighthousePage[];
  reportsDir?: string;
}

/** The middle value (the mean of the two middle ones for an even count); NaN when empty. */
export function median(values: number[]): number {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Index of the run whose performance score is the median one (the lower middle for an even count); -1 when none scored. */
export function medianRunIndex(samples: LighthouseSample[]): number {
  const scored = samples.map((s, i) => ({ s, i })).filter(({ s }) => s.performance !== null && !s.error);
  if (scored.length === 0) return -1;
  // Ties on the score: the run with the middle LCP among them comes out in the middle too.
  scored.sort((a, b) => a.s.performance! - b.s.performance! || a.s.lcpMs - b.s.lcpMs);
  return scored[Math.floor((scored.length - 1) / 2)]!.i;
}

/** The median of every value over the runs that produced a score, and the verdict against the goal. */
export function summarizeRuns(samples: LighthouseSample[]): Pick<LighthousePage, "median" | "performanceRange" | "pass" | "errors"> {
  const ok = samples.filter((s) => !s.error && s.performance !== null);
  const pick = (get: (s: LighthouseSample) => number | null) => median(ok.map(get).filter((v): v is number => v !== null));
  const scores = ok.map((s) => s.performance!);
  const m = {
    performance: ok.length ? pick((s) => s.performance) : null,
    bestPractices: ok.length ? pick((s) => s.bestPractices) : null,
    fcpMs: pick((s) => s.fcpMs),
    lcpMs: pick((s) => s.lcpMs),
    tbtMs: pick((s) => s.tbtMs),
    cls: pick((s) => s.cls),
    speedIndexMs: pick((s) => s.speedIndexMs),
    benchmarkIndex: pick((s) => s.benchmarkIndex),
  };
  return {
    median: m,
    performanceRange: scores.length ? [Math.min(...scores), Math.max(...scores)] : null,
    pass: meetsGoal(m.performance),
    errors: samples.flatMap((s) => (s.error ? [s.error] : [])),
  };
}

/** The goal is on the score Lighthouse displays (a whole number). */
export function meetsGoal(performance: number | null): boolean {
  return performance !== null && Math.round(performance) >= PERFORMANCE_GOAL;
}

const score100 = (score: number | null | undefined) => (typeof score === "number" ? score * 100 : null);

export function sampleOf(lhr: Result): LighthouseSample {
  const num = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
  return {
    performance: score100(lhr.categories.performance?.score),
    bestPractices: score100(lhr.categories["best-practices"]?.score),
    fcpMs: num("first-contentful-paint"),
    lcpMs: num("largest-contentful-paint"),
    tbtMs: num("total-blocking-time"),
    cls: num("cumulative-layout-shift"),
    speedIndexMs: num("speed-index"),
    benchmarkIndex: lhr.environment?.benchmarkIndex ?? NaN,
    error: lhr.runtimeError ? `${lhr.runtimeError.code}: ${lhr.runtimeError.message}` : undefined,
  };
}

/**
 * The performance audits that cost this page (Lighthouse's "diagnostics" group, which in v12 holds
 * the opportunities too): those that did not pass or that estimate a saving on LCP or TBT, the
 * largest saving first.
 */
export function findingsOf(lhr: Result, limit = 8): Finding[] {
  const refs = lhr.categories.performance?.auditRefs ?? [];
  const out: Finding[] = [];
  for (const ref of refs) {
    if (ref.group !== "diagnostics") continue;
    const audit = lhr.audits[ref.id];
    if (!audit || audit.scoreDisplayMode === "notApplicable" || audit.scoreDisplayMode === "error") continue;
    const savings = audit.metricSavings ?? {};
    const lcpSavingsMs = savings.LCP ?? 0;
    const tbtSavingsMs = savings.TBT ?? 0;
    // A passed audit can still carry a saving estimate (dom-size at 53 elements "saves" TBT): left
    // out. Informative ones (long tasks, the LCP element) have no pass mark: kept when they estimate one.
    const informative = audit.scoreDisplayMode === "informative" || audit.scoreDisplayMode === "manual";
    const failed = !informative && typeof audit.score === "number" && audit.score < 0.9;
    if (!failed && !(informative && (lcpSavingsMs > 0 || tbtSavingsMs > 0))) continue;
    out.push({ id: ref.id, title: audit.title, displayValue: audit.displayValue ?? "", lcpSavingsMs, tbtSavingsMs, score: audit.score, top: topItems(audit.details) });
  }
  out.sort((a, b) => Math.max(b.lcpSavingsMs, b.tbtSavingsMs) - Math.max(a.lcpSavingsMs, a.tbtSavingsMs) || (a.score ?? 1) - (b.score ?? 1));
  return out.slice(0, limit);
}

/** The first items of an audit's table, labelled by URL path, group or node, with their main number. */
export function topItems(details: unknown, limit = 3): string[] {
  const items = (details as { items?: unknown[] } | undefined)?.items;
  if (!Array.isArray(items)) return [];
  const out: string[] = [];
  for (const raw of items) {
    const item = raw as Record<string, unknown>;
    const node = item.node as { nodeLabel?: string; selector?: string } | undefined;
    let label = typeof item.url === "string" ? item.url.replace(/^https?:\/\/[^/]+/, "") || item.url : typeof item.groupLabel === "string" ? item.groupLabel : (node?.selector ?? node?.nodeLabel ?? "");
    if (!label) continue;
    label = label.length > 60 ? `${label.slice(0, 57)}…` : label;
    const value =
      typeof item.total === "number"
        ? `${item.total.toFixed(0)} ms${typeof item.scripting === "number" ? ` (scripting ${item.scripting.toFixed(0)})` : ""}`
        : typeof item.duration === "number"
          ? `${item.duration.toFixed(0)} ms`
          : typeof item.wastedMs === "number"
            ? `${item.wastedMs.toFixed(0)} ms`
            : typeof item.wastedBytes === "number"
              ? `${(item.wastedBytes / 1024).toFixed(1)} KiB wasted`
              : typeof item.totalBytes === "number"
                ? `${(item.totalBytes / 1024).toFixed(1)} KiB`
                : "";
    out.push(value ? `${label} ${value}` : label);
    if (out.length >= limit) break;
  }
  return out;
}

/** The LCP element and how its time splits (TTFB, load delay, load time, render delay). */
export function lcpOf(lhr: Result): LighthousePage["lcp"] {
  const details = lhr.audits["largest-contentful-paint-element"]?.details as { type?: string; items?: unknown[] } | undefined;
  let element = "";
  const phases: { phase: string; ms: number }[] = [];
  // v12: a "list" of two tables — the element, then its phases.
  const tables = details?.type === "list" ? (details.items as { items?: Record<string, unknown>[] }[]) : [details as { items?: Record<string, unknown>[] }];
  for (const table of tables) {
    for (const item of table?.items ?? []) {
      const node = item.node as { snippet?: string; nodeLabel?: string } | undefined;
      if (node && !element) element = node.nodeLabel ? `${node.nodeLabel} — ${node.snippet ?? ""}` : (node.snippet ?? "");
      if (typeof item.phase === "string" && typeof item.timing === "number") phases.push({ phase: item.phase, ms: item.timing });
    }
  }
  return { element: element.replace(/\s+/g, " ").slice(0, 160), phases };
}

/** Best-practice audits that failed ("Browser errors were logged to the console", …), with what they found. */
export function bestPracticesFailedOf(lhr: Result): string[] {
  const refs = lhr.categories["best-practices"]?.auditRefs ?? [];
  return refs
    .filter((ref) => ref.weight > 0)
    .map((ref) => lhr.audits[ref.id])
    .filter((a): a is NonNullable<typeof a> => !!a && typeof a.score === "number" && a.score < 1)
    .map((a) => {
      const items = ((a.details as { items?: { description?: string; url?: string; source?: string }[] } | undefined)?.items ?? [])
        .map((i) => i.description ?? i.url ?? "")
        .filter(Boolean)
        .slice(0, 3)
        .map((s) => s.replace(/\s+/g, " ").slice(0, 140));
      return items.length ? `${a.title}: ${items.join("; ")}` : a.title;
    });
}

function chromePath(): string {
  return process.env.CHROME_PATH || process.env.CHROMIUM_PATH || "/usr/bin/chromium";
}

// chrome-launcher's own Ctrl-C handler would exit at once, before run.ts has stopped the shop; so
// it is off, and whatever Chromium is still open when the bench exits (Ctrl-C, SIGTERM) is killed
// then (killAll is synchronous: it kills the process group and removes the profile directory).
let exitHookInstalled = false;
function killChromesOnExit(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once("exit", () => chromeLauncher.killAll());
}

/** One Lighthouse run in a Chromium of its own (no cache or state left from the previous run). */
async function runOnce(url: string, cookie: string | undefined): Promise<{ lhr: Result; browser: string }> {
  const chromeFlags = ["--headless=new", "--disable-gpu", "--disable-dev-shm-usage"];
  // Chromium refuses to start its sandbox as root (containers, CI).
  if (process.getuid?.() === 0) chromeFlags.push("--no-sandbox");
  killChromesOnExit();
  const chrome = await chromeLauncher.launch({ chromePath: chromePath(), chromeFlags, logLevel: "error", handleSIGINT: false });
  try {
    // "HeadlessChrome/150.0.7871.100" (the user agent in the report says 150.0.0.0).
    const browser = ((await (await fetch(`http://127.0.0.1:${chrome.port}/json/version`)).json()) as { Browser?: string }).Browser ?? "";
    const result = await lighthouse(url, {
      port: chrome.port,
      logLevel: "error",
      output: "json",
      onlyCategories: ["performance", "best-practices"],
      // The cart cookie (the shopper's cart); sent with every request the page makes to the shop.
      extraHeaders: cookie ? { Cookie: cookie } : undefined,
    });
    if (!result) throw new Error(`Lighthouse gave no result for ${url}`);
    return { lhr: result.lhr, browser };
  } finally {
    chrome.kill();
  }
}

export async function benchLighthouse(
  stack: Stack,
  options: { productId: string; smoke: boolean; runs?: number; reportsDir?: string; log: (line: string) => void },
): Promise<LighthouseRun> {
  const cart = await newCart(stack, options.productId);
  const cookie = `cart=${cart.token}`;
  const all = [
    { name: "home", path: "/" },
    { name: "product", path: `/products/${PRODUCT_SLUG}` },
    { name: "cart", path: "/cart", cookie },
    { name: "checkout", path: "/checkout", cookie },
  ];
  // A smoke run only checks that Lighthouse runs: one page, once.
  const targets = options.smoke ? all.slice(0, 1) : all;
  const runs = options.smoke ? 1 : (options.runs ?? RUNS);
  if (options.smoke) options.log("lighthouse: smoke run — home page only, one run");
  if (options.reportsDir) mkdirSync(options.reportsDir, { recursive: true });

  let lighthouseVersion = "";
  let chromium = "";
  const pages: LighthousePage[] = [];
  for (const target of targets) {
    const url = `${stack.baseUrl}${target.path}`;
    // Lighthouse's simulation uses the server response time it observes: warm the route first so a
    // cold first render does not count against the page.
    await (await fetch(url, { headers: target.cookie ? { Cookie: target.cookie } : {} })).arrayBuffer();
    const lhrs: Result[] = [];
    for (let i = 0; i < runs; i++) {
      const { lhr, browser } = await runOnce(url, target.cookie);
      lhrs.push(lhr);
      chromium = browser.replace(/^\D+\//, "");
      const s = sampleOf(lhr);
      options.log(
        `lighthouse ${target.name} run ${i + 1}/${runs}: ${s.error ?? `performance ${s.performance?.toFixed(0)}, LCP ${(s.lcpMs / 1000).toFixed(2)} s, TBT ${s.tbtMs.toFixed(0)} ms, CLS ${s.cls.toFixed(3)}, best practices ${s.bestPractices?.toFixed(0)}`}`,
      );
    }
    const samples = lhrs.map(sampleOf);
    const summary = summarizeRuns(samples);
    const mid = medianRunIndex(samples);
    const lhr = lhrs[mid] ?? lhrs[0]!;
    lighthouseVersion = lhr.lighthouseVersion;
    let report: string | undefined;
    if (options.reportsDir) {
      report = path.join(options.reportsDir, `${target.name}.html`);
      writeFileSync(report, generateReport(lhr, "html"));
      writeFileSync(path.join(options.reportsDir, `${target.name}.json`), JSON.stringify(lhr));
    }
    const page: LighthousePage = {
      name: target.name,
      path: target.path,
      runs,
      ...summary,
      lcp: lcpOf(lhr),
      findings: findingsOf(lhr),
      bestPracticesFailed: bestPracticesFailedOf(lhr),
      report,
    };
    pages.push(page);
    const m = page.median;
    options.log(
      `lighthouse ${page.name} ${page.path}: performance ${m.performance?.toFixed(0) ?? "–"} (median of ${runs}; goal ${PERFORMANCE_GOAL}) ${page.pass ? "pass" : "FAIL"}; LCP ${(m.lcpMs / 1000).toFixed(2)} s, TBT ${m.tbtMs.toFixed(0)} ms, CLS ${m.cls.toFixed(3)}, best practices ${m.bestPractices?.toFixed(0) ?? "–"}`,
    );
    if (!page.pass) {
      options.log(`  LCP element: ${page.lcp.element || "?"}; ${page.lcp.phases.map((p) => `${p.phase} ${p.ms.toFixed(0)} ms`).join(", ")}`);
      for (const f of page.findings) options.log(`  - ${findingText(f)}`);
    }
    for (const b of page.bestPracticesFailed) options.log(`  best practices: ${b}`);
  }
  return { runsPerPage: runs, lighthouseVersion, chromium, pages, reportsDir: options.reportsDir };
}

/** "Reduce JavaScript execution time (1.9 s) — est. TBT −1000 ms: /_next/static/chunks/a.js 738 ms, …" */
export function findingText(f: Finding): string {
  return `${f.title}${f.displayValue ? ` (${f.displayValue})` : ""}${savingsText(f)}${f.top.length ? `: ${f.top.join(", ")}` : ""}`;
}

export function savingsText(f: Finding): string {
  const parts = [f.lcpSavingsMs > 0 ? `LCP −${f.lcpSavingsMs.toFixed(0)} ms` : "", f.tbtSavingsMs > 0 ? `TBT −${f.tbtSavingsMs.toFixed(0)} ms` : ""].filter(Boolean);
  return parts.length ? ` — est. ${parts.join(", ")}` : "";
}
