import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { LighthousePage } from "./lighthouse";
import { recordRun, renderRun } from "./results";

let dir: string;
beforeEach(() => (dir = mkdtempSync(path.join(tmpdir(), "bench-results-"))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("RESULTS.md history", () => {
  it("creates the file, then adds runs newest first and keeps the hand-written findings", () => {
    const file = path.join(dir, "RESULTS.md");
    recordRun(file, "### run 1\n\nfirst\n");
    expect(readFileSync(file, "utf8")).toMatch(/## Findings and next steps[\s\S]*## History\n\n### run 1/);
    writeFileSync(file, readFileSync(file, "utf8").replace("(Hand-written; `npm run bench` keeps this part as it is.)", "Our findings."));
    recordRun(file, "### run 2\n\nsecond\n");
    const text = readFileSync(file, "utf8");
    expect(text).toContain("Our findings.");
    expect(text.indexOf("### run 2")).toBeLessThan(text.indexOf("### run 1"));
    expect(text.match(/## History/g)).toHaveLength(1);
  });
});

describe("the Lighthouse table", () => {
  const page = (name: string, performance: number, pass: boolean): LighthousePage => ({
    name,
    path: `/${name}`,
    runs: 3,
    median: { performance, bestPractices: 100, fcpMs: 1200, lcpMs: 3370, tbtMs: 1550.4, cls: 0, speedIndexMs: 2000, benchmarkIndex: 2026 },
    performanceRange: [performance - 5, performance + 3],
    pass,
    lcp: { element: "div", phases: [{ phase: "TTFB", ms: 521 }, { phase: "Render Delay", ms: 2852 }] },
    findings: [{ id: "bootup-time", title: "Reduce JavaScript execution time", displayValue: "1.4 s", lcpSavingsMs: 0, tbtSavingsMs: 650, score: 0.3, top: ["/_next/static/chunks/a.js 1065 ms"] }],
    bestPracticesFailed: [],
    errors: [],
  });

  it("shows each page's medians and verdict, and what costs a failing page", () => {
    const text = renderRun(
      {
        startedAt: new Date("2026-12-03T10:26:00Z"),
        durationS: 246,
        engine: "sqlite",
        smoke: false,
        lighthouse: { runsPerPage: 3, lighthouseVersion: "12.8.2", chromium: "150.0.7871.100", pages: [page("checkout", 67, false), page("home", 97, true)] },
      },
      "test machine",
    );
    expect(text).toContain("median of 3 runs per page; goal performance ≥ 95");
    expect(text).toContain("| checkout | `/checkout` | 67 | 62–70 | **fail** | 3.37 | 1550 | 0.000 | 1.20 | 100 | 2026 |");
    expect(text).toContain("| home | `/home` | 97 | 92–100 | pass |");
    expect(text).toContain("- checkout: LCP TTFB 521 ms, Render Delay 2852 ms; Reduce JavaScript execution time (1.4 s) — est. TBT −650 ms: /_next/static/chunks/a.js 1065 ms");
    expect(text).not.toContain("- home:");
    expect(text).not.toContain("JavaScript per page");
  });
});

describe("the checkout table", () => {
  const summary = (p50: number) => ({ n: 60, p50, p90: p50 + 5, p99: p50 + 9, mean: p50 });
  const run = (latencyMs: number, server: number, gateway: number) => ({
    latencyMs,
    n: 60,
    server: summary(server),
    gateway: summary(gateway),
    overhead: summary(server - gateway),
    overheadShare: summary((server - gateway) / server),
    client: summary(server + 1),
    gatewayCalls: 2,
    queries: summary(30),
    transactions: summary(3),
    queryMs: summary(4),
  });
  const report = (actionFloor?: ReturnType<typeof summary>) => ({ startedAt: new Date("2026-12-03T14:00:00Z"), durationS: 60, engine: "sqlite", smoke: false, checkout: [run(0, 30, 2), run(150, 330, 302)], actionFloor });

  it("sets the overhead against the do-nothing server action when it was measured", () => {
    const text = renderRun(report(summary(12)), "machine");
    expect(text).toContain("server p50 12.0, p90 17.0. Overhead above it at 0 ms latency: 16.0");
  });

  it("says nothing of a floor that was not measured", () => {
    expect(renderRun(report(), "machine")).not.toContain("Framework floor");
  });
});
