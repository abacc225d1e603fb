// The system under test, started the way the e2e suite starts it (e2e/global-setup.ts): a fresh
// database (SQLite file, or a new database on the TEST_PG_URL cluster), the e-SCOTT emulator and
// the built shop served by scripts/serve.mjs (built first when sources changed). On PostgreSQL that
// is two shop instances behind the round-robin proxy, the production layout. BENCH_TIMING=1 makes
// every instance log each request's server time and database statements (scripts/serve.mjs).
import { closeSync, existsSync, openSync, readFileSync, readSync, statSync } from "node:fs";
import path from "node:path";
import globalSetup, { type E2eEngine } from "@/e2e/global-setup";
import globalTeardown from "@/e2e/global-teardown";
import { createDb, type Db } from "@/lib/db";
import { createSecretBox } from "@/lib/security/secret-box";

export type Engine = E2eEngine;

export interface Stack {
  engine: Engine;
  /** The shop's front URL (SITE_URL). */
  baseUrl: string;
  emulatorUrl: string;
  db: Db;
  /** Seals secrets the way the shop does (same APP_ENCRYPTION_KEY). */
  box: ReturnType<typeof createSecretBox>;
  timings: TimingLog;
  /** The last lines every shop instance printed (for a failed run's report). */
  tailLogs(lines?: number): string;
  stop(): Promise<void>;
}

export async function startStack(engine: Engine): Promise<Stack> {
  if (engine === "postgresql" && !process.env.TEST_PG_URL) {
    throw new Error('--engine postgresql needs TEST_PG_URL (a cluster URL): eval "$(scripts/pg/start-test-cluster.sh --env)"');
  }
  process.env.E2E_ENGINE = engine;
  process.env.BENCH_TIMING = "1";
  await globalSetup();
  const db = createDb(process.env.E2E_DATABASE_URL!);
  const logs = (process.env.E2E_SHOP_LOGS ?? "").split(path.delimiter).filter(Boolean);
  let stopped = false;
  return {
    engine,
    baseUrl: process.env.E2E_BASE_URL!,
    emulatorUrl: process.env.E2E_EMULATOR_URL!,
    db,
    box: createSecretBox(process.env.E2E_APP_ENCRYPTION_KEY!),
    timings: new TimingLog(logs),
    tailLogs(lines = 40) {
      return logs
        .filter((file) => existsSync(file))
        .map((file) => `--- ${path.basename(file)}\n${readFileSync(file, "utf8").split("\n").filter((l) => !l.startsWith("[bench-timing]")).slice(-lines).join("\n")}`)
        .join("\n");
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      await db.$disconnect().catch(() => {});
      await globalTeardown();
    },
  };
}

/** One "[bench-timing]" line of scripts/serve.mjs. */
export interface RequestTiming {
  method: string;
  path: string;
  action?: boolean;
  status: number;
  ms: number;
  queries: number;
  transactions: number;
  queryMs: number;
  /** BENCH_TIMING_SQL=1 only. */
  sql?: string[];
}

/** Reads the [bench-timing] lines the shop instances wrote since the last mark(). */
export class TimingLog {
  private offsets = new Map<string, number>();

  constructor(private readonly files: string[]) {}

  mark(): void {
    for (const file of this.files) this.offsets.set(file, existsSync(file) ? statSync(file).size : 0);
  }

  /**
   * The lines since mark() that match, once there are `count` of them: a request's line is written
   * when the shop has finished with it, which can be just after the client got its answer.
   */
  async expect(count: number, match: (t: RequestTiming) => boolean, timeoutMs = 5000): Promise<RequestTiming[]> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const lines = this.since().filter(match);
      if (lines.length >= count || Date.now() > until) return lines;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  since(): RequestTiming[] {
    const out: RequestTiming[] = [];
    for (const file of this.files) {
      if (!existsSync(file)) continue;
      const start = this.offsets.get(file) ?? 0;
      const size = statSync(file).size;
      if (size <= start) continue;
      const buffer = Buffer.alloc(size - start);
      const fd = openSync(file, "r");
      try {
        readSync(fd, buffer, 0, buffer.length, start);
      } finally {
        closeSync(fd);
      }
      for (const line of buffer.toString("utf8").split("\n")) {
        const at = line.indexOf("[bench-timing] ");
        if (at >= 0) out.push(JSON.parse(line.slice(at + "[bench-timing] ".length)) as RequestTiming);
      }
    }
    return out;
  }
}

/** GET/POST/DELETE on the emulator's control API. */
export async function emulatorControl<T>(stack: Pick<Stack, "emulatorUrl">, urlPath: string, method = "GET", body?: unknown): Promise<T> {
  const res = await fetch(`${stack.emulatorUrl}${urlPath}`, {
    method,
    headers: body === undefined ? {} : { "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`emulator ${method} ${urlPath}: HTTP ${res.status}`);
  return (await res.json()) as T;
}
