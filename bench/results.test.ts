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
