import type { Result } from "lighthouse";
import { describe, expect, it } from "vitest";
import { bestPracticesFailedOf, findingsOf, findingText, lcpOf, median, medianRunIndex, meetsGoal, sampleOf, summarizeRuns, type LighthouseSample } from "./lighthouse";

const sample = (performance: number | null, lcpMs: number, extra: Partial<LighthouseSample> = {}): LighthouseSample => ({
  performance,
  bestPractices: 100,
  fcpMs: 900,
  lcpMs,
  tbtMs: 50,
  cls: 0,
  speedIndexMs: 1000,
  benchmarkIndex: 2000,
  ...extra,
});

describe("median", () => {
  it("takes the middle value, the mean of the two middle ones for an even count, and ignores non-numbers", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(median([NaN, 7])).toBe(7);
    expect(median([])).toBeNaN();
  });
});

describe("the goal", () => {
  it("is met at a displayed score of 95 or more, not below, and never without a score", () => {
    expect(meetsGoal(95)).toBe(true);
    expect(meetsGoal(94.6)).toBe(true); // Lighthouse shows 95
    expect(meetsGoal(94.4)).toBe(false);
    expect(meetsGoal(null)).toBe(false);
  });

  it("is judged on the median of the runs, and a page whose runs all failed fails with the errors kept", () => {
    const s = summarizeRuns([sample(97, 1500), sample(90, 2500), sample(93, 2000)]);
    expect(s.median.performance).toBe(93);
    expect(s.median.lcpMs).toBe(2000);
    expect(s.performanceRange).toEqual([90, 97]);
    expect(s.pass).toBe(false);
    expect(summarizeRuns([sample(99, 1000), sample(96, 1200), sample(80, 4000)]).pass).toBe(true);

    const broken = summarizeRuns([sample(null, NaN, { error: "ERRORED_DOCUMENT_REQUEST: 500" })]);
    expect(broken.pass).toBe(false);
    expect(broken.median.performance).toBeNull();
    expect(broken.errors).toEqual(["ERRORED_DOCUMENT_REQUEST: 500"]);
  });

  it("leaves an errored run out of the median", () => {
    const s = summarizeRuns([sample(96, 1000), sample(null, NaN, { error: "NO_FCP: x" }), sample(98, 900)]);
    expect(s.median.performance).toBe(97);
    expect(s.errors).toHaveLength(1);
  });
});

describe("medianRunIndex", () => {
  it("picks the run with the median performance score, skipping errored runs", () => {
    expect(medianRunIndex([sample(90, 1), sample(99, 1), sample(95, 1)])).toBe(2);
    expect(medianRunIndex([sample(null, 1, { error: "x" }), sample(80, 1), sample(70, 1)])).toBe(2);
    expect(medianRunIndex([sample(null, 1, { error: "x" })])).toBe(-1);
  });
});

// The parts of a Lighthouse result the bench reads, shaped as Lighthouse 12 writes them.
const lhr = {
  lighthouseVersion: "12.8.2",
  environment: { benchmarkIndex: 1500, hostUserAgent: "HeadlessChrome/150.0.0.0", networkUserAgent: "" },
  categories: {
    performance: {
      score: 0.88,
      auditRefs: [
        { id: "first-contentful-paint", weight: 10, group: "metrics" },
        { id: "largest-contentful-paint", weight: 25, group: "metrics" },
        { id: "render-blocking-resources", weight: 0, group: "diagnostics" },
        { id: "unused-javascript", weight: 0, group: "diagnostics" },
        { id: "bootup-time", weight: 0, group: "diagnostics" },
        { id: "uses-http2", weight: 0, group: "diagnostics" },
        { id: "dom-size", weight: 0, group: "diagnostics" },
        { id: "long-tasks", weight: 0, group: "diagnostics" },
        { id: "network-rtt", weight: 0, group: "hidden" },
        { id: "critical-request-chains", weight: 0, group: "diagnostics" },
        { id: "largest-contentful-paint-element", weight: 0, group: "diagnostics" },
      ],
    },
    "best-practices": {
      score: 0.96,
      auditRefs: [
        { id: "errors-in-console", weight: 1, group: "best-practices-general" },
        { id: "is-on-https", weight: 5, group: "best-practices-trust-safety" },
      ],
    },
  },
  audits: {
    "first-contentful-paint": { numericValue: 1200 },
    "largest-contentful-paint": { numericValue: 3100 },
    "total-blocking-time": { numericValue: 240 },
    "cumulative-layout-shift": { numericValue: 0.012 },
    "speed-index": { numericValue: 1800 },
    "render-blocking-resources": { title: "Eliminate render-blocking resources", score: 0, scoreDisplayMode: "metricSavings", displayValue: "Est savings of 600 ms", metricSavings: { LCP: 600, FCP: 600 } },
    "unused-javascript": { title: "Reduce unused JavaScript", score: 0.5, scoreDisplayMode: "metricSavings", displayValue: "Est savings of 40 KiB", metricSavings: { LCP: 150 } },
    "bootup-time": {
      title: "Reduce JavaScript execution time",
      score: 0.4,
      scoreDisplayMode: "numeric",
      displayValue: "1.9 s",
      metricSavings: { TBT: 900 },
      details: {
        type: "table",
        items: [
          { url: "http://localhost:3000/_next/static/chunks/a.js", total: 738.2, scripting: 606.7 },
          { url: "Unattributable", total: 300 },
          { url: "http://localhost:3000/", total: 200, scripting: 20 },
          { url: "http://localhost:3000/_next/static/chunks/b.js", total: 100, scripting: 90 },
        ],
      },
    },
    "long-tasks": { title: "Avoid long main-thread tasks", score: 1, scoreDisplayMode: "informative", displayValue: "12 long tasks found", metricSavings: { TBT: 700 }, details: { type: "table", items: [{ url: "http://localhost:3000/", duration: 831 }] } },
    "network-rtt": { title: "Network Round Trip Times", score: 1, scoreDisplayMode: "informative", metricSavings: { TBT: 5000 } },
    "critical-request-chains": { title: "Avoid chaining critical requests", score: 1, scoreDisplayMode: "informative", displayValue: "1 chain found" },
    "uses-http2": { title: "Use HTTP/2", score: null, scoreDisplayMode: "notApplicable", metricSavings: { LCP: 999 } },
    "dom-size": { title: "Avoids an excessive DOM size", score: 1, scoreDisplayMode: "numeric", displayValue: "300 elements", metricSavings: { TBT: 0 } },
    "largest-contentful-paint-element": {
      title: "Largest Contentful Paint element",
      score: 0,
      scoreDisplayMode: "metricSavings",
      displayValue: "3,100 ms",
      details: {
        type: "list",
        items: [
          { type: "table", items: [{ node: { type: "node", nodeLabel: "Shizuoka sencha", snippet: '<h1 class="text-2xl">' } }] },
          {
            type: "table",
            items: [
              { phase: "TTFB", timing: 600 },
              { phase: "Render Delay", timing: 2500 },
            ],
          },
        ],
      },
    },
    "errors-in-console": {
      title: "Browser errors were logged to the console",
      score: 0,
      details: { items: [{ source: "network", description: "Failed to load resource: the server responded with a status of 404 ()", url: "http://x/favicon.ico" }] },
    },
    "is-on-https": { title: "Uses HTTPS", score: 1 },
  },
} as unknown as Result;

describe("reading a Lighthouse result", () => {
  it("takes the scores in Lighthouse's display units and the metrics", () => {
    const s = sampleOf(lhr);
    expect(s.performance).toBeCloseTo(88);
    expect(s.bestPractices).toBeCloseTo(96);
    expect([s.fcpMs, s.lcpMs, s.tbtMs, s.cls, s.benchmarkIndex]).toEqual([1200, 3100, 240, 0.012, 1500]);
    expect(s.error).toBeUndefined();
  });

  it("lists the costly audits, largest saving first, without passed or not-applicable ones", () => {
    const ids = findingsOf(lhr).map((f) => f.id);
    // dom-size passed (its TBT estimate is left out), uses-http2 does not apply, the chains estimate
    // nothing, network-rtt is not a diagnostic.
    expect(ids).toEqual(["bootup-time", "long-tasks", "render-blocking-resources", "unused-javascript", "largest-contentful-paint-element"]);
    expect(findingsOf(lhr)[0]).toMatchObject({ tbtSavingsMs: 900, displayValue: "1.9 s" });
    expect(findingText(findingsOf(lhr)[0]!)).toBe(
      "Reduce JavaScript execution time (1.9 s) — est. TBT −900 ms: /_next/static/chunks/a.js 738 ms (scripting 607), Unattributable 300 ms, / 200 ms (scripting 20)",
    );
    expect(findingText(findingsOf(lhr)[1]!)).toBe("Avoid long main-thread tasks (12 long tasks found) — est. TBT −700 ms: / 831 ms");
  });

  it("finds the LCP element and its phases", () => {
    expect(lcpOf(lhr)).toEqual({
      element: 'Shizuoka sencha — <h1 class="text-2xl">',
      phases: [
        { phase: "TTFB", ms: 600 },
        { phase: "Render Delay", ms: 2500 },
      ],
    });
  });

  it("names the failed best-practice audits with what they found", () => {
    expect(bestPracticesFailedOf(lhr)).toEqual(["Browser errors were logged to the console: Failed to load resource: the server responded with a status of 404 ()"]);
  });
});
