// Prisma's better-sqlite3 adapter prepares every query afresh: SQLite parses and plans the same
// few dozen SQL texts on every request (4–5 % of the shop's CPU in a checkout profile,
// bench/RESULTS.md). This keeps them compiled, a bounded number, keyed by their text; only the
// parameters change between uses.
//
// The adapter binds parameters with `prepare(sql).bind(args)`, which fixes them on the statement
// for good, so the cached statement itself is never bound: callers get a small view that passes
// the parameters at run time instead. better-sqlite3 runs each statement to completion
// synchronously, so one compiled statement can serve every request in turn.
import type { SqlDriverAdapter, SqlDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import type { Database, Statement } from "better-sqlite3";

export const STATEMENT_CACHE_SIZE = 256;

type Params = unknown[];

/** What the adapter uses of a better-sqlite3 statement, with the parameters given at run time. */
class BoundStatement {
  constructor(
    private readonly statement: Statement<Params>,
    private readonly params: Params,
  ) {}

  get reader(): boolean {
    return this.statement.reader;
  }

  bind(params: Params): BoundStatement {
    return new BoundStatement(this.statement, params);
  }

  columns() {
    return this.statement.columns();
  }

  raw(on = true): this {
    this.statement.raw(on);
    return this;
  }

  run() {
    return this.statement.run(...this.params);
  }

  all() {
    return this.statement.all(...this.params);
  }

  get() {
    return this.statement.get(...this.params);
  }
}

/** Makes `database.prepare` answer from a cache of compiled statements (least recently used out). */
export function cacheStatements(database: Pick<Database, "prepare">, limit = STATEMENT_CACHE_SIZE): void {
  const compile = database.prepare.bind(database) as (sql: string) => Statement<Params>;
  const cache = new Map<string, Statement<Params>>();
  const prepare = (sql: string) => {
    let statement = cache.get(sql);
    if (statement) {
      cache.delete(sql);
    } else {
      statement = compile(sql);
      if (cache.size >= limit) cache.delete(cache.keys().next().value!);
    }
    cache.set(sql, statement);
    return new BoundStatement(statement, []);
  };
  (database as { prepare: unknown }).prepare = prepare;
}

/** The adapter factory with the cache on each connection it opens (the better-sqlite3 adapter's `client`). */
export function statementCachingAdapterFactory(factory: SqlDriverAdapterFactory): SqlDriverAdapterFactory {
  return new Proxy(factory, {
    get(target, prop, receiver) {
      if (prop === "connect") {
        return async (): Promise<SqlDriverAdapter> => {
          const adapter = await target.connect();
          const client = (adapter as unknown as { client?: Database }).client;
          if (!client || typeof client.prepare !== "function") throw new Error("statementCachingAdapterFactory: not a better-sqlite3 adapter");
          cacheStatements(client);
          return adapter;
        };
      }
      const value = Reflect.get(target, prop, receiver);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}
