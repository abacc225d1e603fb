// Query and transaction counters for the benchmark (npm run bench): with BENCH_TIMING=1 every
// client createDb makes counts what it sends to the database, and scripts/serve.mjs logs the
// difference per request. Off (not even wrapped) otherwise. The counters live on globalThis
// under a registered symbol so scripts/serve.mjs, outside the Next bundle, reads the same object.
import type { SqlDriverAdapter, SqlDriverAdapterFactory, Transaction } from "@prisma/driver-adapter-utils";

export interface DbStats {
  /** Statements sent (inside transactions or not). */
  queries: number;
  /** Interactive transactions started (Prisma's $transaction, nested writes). */
  transactions: number;
  /** Time the driver took for those statements, ms (not the time spent waiting to run them). */
  queryMs: number;
  /** BENCH_TIMING_SQL=1: the statements themselves (start of their SQL), newest last, at most SQL_KEPT. */
  sql: string[];
}

const SQL_KEPT = 1_000;

const KEY = Symbol.for("escott-storefront.dbStats");

export function dbStats(): DbStats {
  const g = globalThis as unknown as Record<symbol, DbStats | undefined>;
  return (g[KEY] ??= { queries: 0, transactions: 0, queryMs: 0, sql: [] });
}

export function dbStatsEnabled(): boolean {
  return process.env.BENCH_TIMING === "1";
}

async function timed<T>(sql: string, run: () => Promise<T>): Promise<T> {
  const stats = dbStats();
  stats.queries += 1;
  if (process.env.BENCH_TIMING_SQL === "1") {
    stats.sql.push(sql.replace(/\s+/g, " ").slice(0, 160));
    if (stats.sql.length > SQL_KEPT) stats.sql.splice(0, stats.sql.length - SQL_KEPT);
  }
  const started = performance.now();
  try {
    return await run();
  } finally {
    stats.queryMs += performance.now() - started;
  }
}

function countStatements<T extends SqlDriverAdapter | Transaction>(target: T): T {
  return new Proxy(target, {
    get(t, prop, receiver) {
      if (prop === "queryRaw" || prop === "executeRaw") {
        return (query: Parameters<T["queryRaw"]>[0]) => timed(query.sql, () => (t[prop] as (q: typeof query) => Promise<unknown>).call(t, query));
      }
      const value = Reflect.get(t, prop, receiver);
      return typeof value === "function" ? value.bind(t) : value;
    },
  });
}

function countingAdapter(adapter: SqlDriverAdapter): SqlDriverAdapter {
  const counted = countStatements(adapter);
  return new Proxy(counted, {
    get(t, prop, receiver) {
      if (prop === "startTransaction") {
        return async (isolationLevel?: Parameters<SqlDriverAdapter["startTransaction"]>[0]) => {
          dbStats().transactions += 1;
          return countStatements(await adapter.startTransaction(isolationLevel));
        };
      }
      return Reflect.get(t, prop, receiver);
    },
  });
}

/** The factory as it is, or (BENCH_TIMING=1) one whose connections count their statements. */
export function countingAdapterFactory<F extends SqlDriverAdapterFactory>(factory: F): F {
  if (!dbStatsEnabled()) return factory;
  return new Proxy(factory, {
    get(target, prop, receiver) {
      if (prop === "connect") return async () => countingAdapter(await target.connect());
      const value = Reflect.get(target, prop, receiver);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}
