// bench/RESULTS.md: the hand-written findings at the top are kept as they are; each recorded run
// is added to the history below them, newest first, with the machine it ran on.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import type { CardFlowsRun, FlowRun } from "./card-flows";
import type { CheckoutRun } from "./checkout";
import { findingText, PERFORMANCE_GOAL, type LighthouseRun } from "./lighthouse";
import type { NotificationRun } from "./notifications";
import type { PageWeight } from "./pages";
import { ms, type Summary } from "./stats";

export interface BenchReport {
  startedAt: Date;
  durationS: number;
  engine: string;
  smoke: boolean;
  /** Each part is missing when the run left it out (`--only`). */
  checkout?: CheckoutRun[];
  /** Server time of a server action that does nothing, posted like the checkout (bench/checkout.ts). */
  actionFloor?: Summary;
  notifications?: NotificationRun;
  pages?: { pages: PageWeight[]; favicon: number };
  cardFlows?: CardFlowsRun;
  lighthouse?: LighthouseRun;
  note?: string;
}

const HISTORY = "## History";

const HEADER = `# Benchmark results

Written by \`npm run bench\` (bench/README.md). The numbers come from one machine at one time: compare
runs of the same machine, not across machines.

## Findings and next steps

(Hand-written; \`npm run bench\` keeps this part as it is.)

${HISTORY}
`;

export function machine(): string {
  const cpus = os.cpus();
  const commit = (() => {
    try {
      return execFileSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8" }).trim();
    } catch {
      return "unknown";
    }
  })();
  const load = os.loadavg().map((l) => l.toFixed(2)).join(" / ");
  return `${cpus.length} × ${cpus[0]?.model.trim() ?? "unknown CPU"}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ${os.platform()} ${os.release()}, Node ${process.version}, load average at start ${load}, commit ${commit}`;
}

const kb = (bytes: number) => (bytes / 1024).toFixed(1);

export function renderRun(report: BenchReport, machineLine: string): string {
  const lines: string[] = [];
  const when = report.startedAt.toISOString().replace("T", " ").slice(0, 16);
  lines.push(`### ${when} UTC — ${report.engine}${report.smoke ? " (smoke)" : ""}`, "");
  lines.push(`- Machine: ${machineLine}`);
  lines.push(`- Engine: ${report.engine}; whole run ${report.durationS.toFixed(0)} s`);
  if (report.note) lines.push(`- Note: ${report.note}`);
  lines.push("");

  if (report.checkout) renderCheckout(lines, report.checkout, report.actionFloor);
  if (report.notifications) renderNotifications(lines, report.notifications);
  if (report.pages) renderPages(lines, report.pages);
  if (report.cardFlows) renderCardFlows(lines, report.cardFlows);
  if (report.lighthouse) renderLighthouse(lines, report.lighthouse);
  return lines.join("\n");
}

function renderCheckout(lines: string[], checkout: CheckoutRun[], floor: Summary | undefined): void {
  lines.push("**Card checkout** (place-order request, token → 1TokenSearch → 1Gathering, no 3-D Secure; sequential; ms)", "");
  lines.push("| gateway latency | n | server p50 | server p90 | gateway p50 | gateway p90 | overhead p50 | overhead p90 | overhead share p50 | statements | transactions | driver time p50 |");
  lines.push("|---|---|---|---|---|---|---|---|---|---|---|---|");
  for (const c of checkout) {
    lines.push(
      `| ${c.latencyMs} ms | ${c.n} | ${ms(c.server.p50)} | ${ms(c.server.p90)} | ${ms(c.gateway.p50)} | ${ms(c.gateway.p90)} | ${ms(c.overhead.p50)} | ${ms(c.overhead.p90)} | ${(c.overheadShare.p50 * 100).toFixed(0)} % | ${c.queries.p50} | ${c.transactions.p50} | ${ms(c.queryMs.p50)} |`,
    );
  }
  lines.push("", "Server = the shop's time for the request (scripts/serve.mjs); gateway = the e-SCOTT calls of that checkout as the emulator timed them (latency included); overhead = server − gateway.", "");
  const instant = checkout.find((c) => c.latencyMs === 0);
  if (floor && instant) {
    lines.push(
      `Framework floor: a server action that does nothing, posted to /checkout the same way (n=${floor.n}): server p50 ${ms(floor.p50)}, p90 ${ms(floor.p90)}. Overhead above it at 0 ms latency: ${ms(instant.overhead.p50 - floor.p50)} (p50s subtracted).`,
      "",
    );
  }
}

function renderNotifications(lines: string[], n: NotificationRun): void {
  lines.push(`**入金結果通知** (${n.kinds.genuine.count} genuine + ${n.kinds.duplicate.count} duplicates + ${n.kinds.forged.count} forged, shuffled, concurrency ${n.concurrency}): ${n.rate.toFixed(1)} requests/s`, "");
  lines.push("| kind | count | p50 ms | p90 ms | p99 ms | statements / request | transactions / request | server ms alone |");
  lines.push("|---|---|---|---|---|---|---|---|");
  for (const kind of ["genuine", "duplicate", "forged"] as const) {
    const k = n.kinds[kind];
    lines.push(`| ${kind} | ${k.count} | ${ms(k.latency.p50)} | ${ms(k.latency.p90)} | ${ms(k.latency.p99)} | ${k.queries.toFixed(1)} | ${k.transactions.toFixed(1)} | ${ms(k.aloneMs)} |`);
  }
  for (const [name, path] of [["health", "/api/health"], ["csrf", "/api/auth/csrf"]] as const) {
    const a = n.anchors[name];
    lines.push(`| anchor ${path} | ${a.latency.n} | ${ms(a.latency.p50)} | ${ms(a.latency.p90)} | ${ms(a.latency.p99)} | ${a.queries.toFixed(1)} | – | ${ms(a.aloneMs)} |`);
  }
  const ratio = n.kinds.genuine.latency.p50 / n.anchors.health.latency.p50;
  lines.push("", `Genuine notification p50 ÷ /api/health p50 = ${ratio.toFixed(1)}; anchors' rates ${n.anchors.health.rate.toFixed(0)} and ${n.anchors.csrf.rate.toFixed(0)} requests/s. Statements per request and "server ms alone" from a sequential pass (one request at a time, the shop's own clock).`, "");
  if (n.retried > 0) lines.push(`${n.retried} notification(s) met a failed connection and were sent again (as e-SCOTT would).`, "");
  lines.push("Invariants:", "");
  for (const inv of n.invariants) lines.push(`- ${inv.ok ? "✔" : "✘ BROKEN"} ${inv.name} — ${inv.detail}`);
  lines.push("");
}

function renderPages(lines: string[], pages: NonNullable<BenchReport["pages"]>): void {
  lines.push("**JavaScript per page** (gzip, scripts in the HTML)", "");
  lines.push("| page | path | scripts | raw KB | gzip KB | budget KB | | HTML KB (gzip) | HTML server ms (one request) | statements |");
  lines.push("|---|---|---|---|---|---|---|---|---|---|");
  for (const p of pages.pages) {
    lines.push(`| ${p.name} | \`${p.path}\` | ${p.scripts} | ${kb(p.rawBytes)} | ${kb(p.gzipBytes)} | ${kb(p.budgetBytes)} | ${p.pass ? "pass" : "**fail**"} | ${kb(p.htmlBytes)} (${kb(p.htmlGzipBytes)}) | ${ms(p.serverMs)} | ${p.statements} |`);
  }
  lines.push("", `/favicon.ico answers ${pages.favicon}.`, "");
}

function renderCardFlows(lines: string[], flows: CardFlowsRun): void {
  const parts: [string, FlowRun[]][] = [
    ["**3-D Secure return** (POST /api/escott/3ds from e-SCOTT's page, frictionless card, no cookies; sequential; ms)", flows.threeDSReturn],
    ["**Saved-card payment** (place-order request of a logged-in customer paying with the saved card, no 3-D Secure; sequential; ms)", flows.savedCard],
  ];
  for (const [title, runs] of parts) {
    lines.push(title, "");
    lines.push("| gateway latency | n | server p50 | server p90 | gateway p50 | gateway p90 | overhead p50 | overhead p90 | overhead share p50 | e-SCOTT calls | statements | transactions | driver time p50 |");
    lines.push("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
    for (const r of runs) {
      lines.push(
        `| ${r.latencyMs} ms | ${r.n} | ${ms(r.server.p50)} | ${ms(r.server.p90)} | ${ms(r.gateway.p50)} | ${ms(r.gateway.p90)} | ${ms(r.overhead.p50)} | ${ms(r.overhead.p90)} | ${(r.overheadShare.p50 * 100).toFixed(0)} % | ${r.operations} | ${r.queries.p50} | ${r.transactions.p50} | ${ms(r.queryMs.p50)} |`,
      );
    }
    lines.push("");
  }
  lines.push("Server = the shop's time for that one request; gateway = the e-SCOTT calls made while it ran, as the emulator timed them (latency included); overhead = server − gateway.", "");
}

export function renderLighthouse(lines: string[], run: LighthouseRun): void {
  lines.push(
    `**Lighthouse** ${run.lighthouseVersion}, Chromium ${run.chromium}, mobile preset (simulated throttling); median of ${run.runsPerPage} run${run.runsPerPage === 1 ? "" : "s"} per page; goal performance ≥ ${PERFORMANCE_GOAL}`,
    "",
  );
  lines.push("| page | path | performance | runs' range | | LCP s | TBT ms | CLS | FCP s | best practices | benchmark index |");
  lines.push("|---|---|---|---|---|---|---|---|---|---|---|");
  const num = (v: number | null, digits = 0) => (v !== null && Number.isFinite(v) ? v.toFixed(digits) : "–");
  for (const p of run.pages) {
    const m = p.median;
    const range = p.performanceRange ? `${p.performanceRange[0].toFixed(0)}–${p.performanceRange[1].toFixed(0)}` : "–";
    lines.push(
      `| ${p.name} | \`${p.path}\` | ${num(m.performance)} | ${range} | ${p.pass ? "pass" : "**fail**"} | ${num(m.lcpMs / 1000, 2)} | ${num(m.tbtMs)} | ${num(m.cls, 3)} | ${num(m.fcpMs / 1000, 2)} | ${num(m.bestPractices)} | ${num(m.benchmarkIndex)} |`,
    );
  }
  lines.push(
    "",
    "Each value is the median over the runs on its own (an errored run left out); the LCP phases and diagnostics below come from the run with the median score, estimated savings as Lighthouse gives them, main-thread times as simulated (4× the observed CPU time).",
    "",
  );
  for (const p of run.pages) {
    for (const e of p.errors) lines.push(`- ${p.name}: Lighthouse error ${e}`);
    if (!p.pass && p.findings.length > 0) {
      const phases = p.lcp.phases.map((x) => `${x.phase} ${x.ms.toFixed(0)} ms`).join(", ");
      lines.push(`- ${p.name}: ${phases ? `LCP ${phases}; ` : ""}${p.findings.slice(0, 4).map(findingText).join("; ")}`);
    }
    for (const b of p.bestPracticesFailed) lines.push(`- ${p.name}, best practices: ${b}`);
  }
  if (lines.at(-1) !== "") lines.push("");
}

/** Adds the run to the history (newest first), keeping everything above it. */
export function recordRun(file: string, section: string): void {
  const current = existsSync(file) ? readFileSync(file, "utf8") : HEADER;
  const at = current.indexOf(HISTORY);
  const text = at < 0 ? `${current.trimEnd()}\n\n${HISTORY}\n\n${section}` : `${current.slice(0, at + HISTORY.length)}\n\n${section}\n${current.slice(at + HISTORY.length).replace(/^\n+/, "")}`;
  writeFileSync(file, `${text.trimEnd()}\n`);
}
