// `npm run bench [-- --smoke] [-- --engine postgresql] [-- --checkouts N] [-- --notifications N] [-- --no-record] [-- --note "…"] [-- --sql] [-- --only PART] [-- --cpu-prof]`  (PART: checkout, notifications, pages, card-flows, lighthouse)
// Starts the whole shop (bench/stack.ts), measures card checkouts, 入金結果通知 under load and the
// JavaScript per page and Lighthouse per page, prints the numbers and (full runs) adds them to bench/RESULTS.md.
// Exit 1 when a notification invariant breaks or a step fails.
import path from "node:path";
import { parseArgs } from "node:util";
import { projectRoot } from "@/scripts/launch/prepare";
import { benchCardFlows } from "./card-flows";
import { benchActionFloor, benchCheckout } from "./checkout";
import { benchNotifications } from "./notifications";
import { benchLighthouse } from "./lighthouse";
import { benchPages } from "./pages";
import { machine, recordRun, renderRun, type BenchReport } from "./results";
import { enableGateways, stockUp } from "./shop";
import { startStack, type Engine, type Stack } from "./stack";

const USAGE =
  "usage: npm run bench -- [--smoke] [--engine sqlite|postgresql] [--checkouts N] [--notifications N] [--no-record] [--note TEXT] [--sql] [--only checkout|notifications|pages|card-flows|lighthouse] [--cpu-prof]";
const PARTS = ["checkout", "notifications", "pages", "card-flows", "lighthouse"] as const;
type Part = (typeof PARTS)[number];

function options() {
  const { values } = parseArgs({
    options: {
      smoke: { type: "boolean", default: false },
      engine: { type: "string", default: "sqlite" },
      checkouts: { type: "string" },
      notifications: { type: "string" },
      "no-record": { type: "boolean", default: false },
      note: { type: "string" },
      sql: { type: "boolean", default: false },
      only: { type: "string", multiple: true },
      "cpu-prof": { type: "boolean", default: false },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const engine = values.engine.toLowerCase().replace(/^postgres$/, "postgresql");
  if (engine !== "sqlite" && engine !== "postgresql") throw new Error(`--engine must be sqlite or postgresql\n${USAGE}`);
  const count = (raw: string | undefined, fallback: number) => {
    if (raw === undefined) return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 1 || n > 100_000) throw new Error(`counts must be whole numbers from 1 to 100000\n${USAGE}`);
    return n;
  };
  const only = values.only ?? [];
  for (const part of only) if (!PARTS.includes(part as Part)) throw new Error(`--only takes ${PARTS.join(", ")}\n${USAGE}`);
  return {
    engine: engine as Engine,
    smoke: values.smoke,
    checkouts: count(values.checkouts, values.smoke ? 3 : 60),
    notifications: count(values.notifications, values.smoke ? 20 : 300),
    parts: new Set<Part>(only.length > 0 ? (only as Part[]) : PARTS),
    // Smoke runs check that the bench works; their numbers mean nothing and are not recorded, and
    // neither are partial or profiled runs (a profiler slows the shop down).
    record: !values.smoke && !values["no-record"] && only.length === 0 && !values["cpu-prof"],
    cpuProf: values["cpu-prof"],
    note: values.note,
    sql: values.sql,
  };
}

async function main(): Promise<number> {
  const opts = options();
  // The shop instances inherit it: each checkout's statements are printed (bench/checkout.ts).
  if (opts.sql) process.env.BENCH_TIMING_SQL = "1";
  // Each shop instance writes a V8 CPU profile there when it stops (scripts/e2e/instances.ts);
  // `npx tsx bench/profile-summary.ts DIR` lists where the time went.
  const profileDir = path.join(projectRoot, "bench/.profiles", new Date().toISOString().replace(/[:.]/g, "-"));
  if (opts.cpuProf) process.env.SHOP_CPU_PROF_DIR = profileDir;
  const log = (line: string) => console.log(`[bench] ${line}`);
  const startedAt = new Date();
  const machineLine = machine();
  log(`${opts.smoke ? "smoke run" : "run"} on ${opts.engine}; ${machineLine}`);
  let stack: Stack | undefined;
  const stop = () => {
    void (stack?.stop() ?? Promise.resolve()).finally(() => process.exit(130));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  try {
    log("starting the database, the emulator and the built shop (builds first when sources changed)…");
    stack = await startStack(opts.engine);
    await enableGateways(stack);
    const productId = await stockUp(stack);

    const want = (part: Part) => opts.parts.has(part);
    const checkout = want("checkout") ? await benchCheckout(stack, { n: opts.checkouts, latencies: [0, 150], productId, warmup: opts.smoke ? 1 : 5, log }) : undefined;
    const actionFloor = want("checkout") ? await benchActionFloor(stack, { n: opts.checkouts, productId, warmup: opts.smoke ? 1 : 5 }) : undefined;
    const notifications = want("notifications") ? await benchNotifications(stack, { n: opts.notifications, concurrency: 20, productId, log }) : undefined;
    const pages = want("pages") ? await benchPages(stack, { productId, log }) : undefined;
    const cardFlows = want("card-flows") ? await benchCardFlows(stack, { n: opts.checkouts, latencies: [0, 150], productId, warmup: opts.smoke ? 1 : 5, log }) : undefined;
    // Each page's report (HTML and JSON of the median run) is kept for reading: what to fix first.
    const lighthouseDir = path.join(projectRoot, "bench/.lighthouse", startedAt.toISOString().replace(/[:.]/g, "-"));
    const lighthouse = want("lighthouse") ? await benchLighthouse(stack, { productId, smoke: opts.smoke, reportsDir: lighthouseDir, log }) : undefined;

    const report: BenchReport = { startedAt, durationS: (Date.now() - startedAt.getTime()) / 1000, engine: opts.engine, smoke: opts.smoke, checkout, actionFloor, notifications, pages, cardFlows, lighthouse, note: opts.note };
    const section = renderRun(report, machineLine);
    console.log(`\n${section}`);
    if (lighthouse) log(`Lighthouse reports (median run per page): ${path.relative(process.cwd(), lighthouseDir)}`);
    if (opts.record) {
      const file = path.join(projectRoot, "bench/RESULTS.md");
      recordRun(file, section);
      log(`recorded in ${path.relative(process.cwd(), file)}`);
    }
    const broken = notifications?.invariants.filter((i) => !i.ok) ?? [];
    if (broken.length > 0) {
      for (const b of broken) console.error(`[bench] INVARIANT BROKEN: ${b.name} — ${b.detail}`);
      return 1;
    }
    return 0;
  } catch (err) {
    if (stack) console.error(`[bench] the shop's log before the failure:\n${stack.tailLogs()}`);
    throw err;
  } finally {
    await stack?.stop();
    if (opts.cpuProf) log(`CPU profiles in ${path.relative(process.cwd(), profileDir)}: npx tsx bench/profile-summary.ts ${path.relative(process.cwd(), profileDir)}`);
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error("[bench] failed:", err instanceof Error ? err.stack : err, err instanceof Error && err.cause ? err.cause : "");
    process.exit(1);
  },
);
