import path from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { statementCachingAdapterFactory } from "@/lib/sqlite-statement-cache";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { PrismaClient as PostgresPrismaClient } from "@/lib/generated/prisma-postgresql/client";
import { databaseEngine, type DbEngine } from "@/lib/db-engine";
import { countingAdapterFactory } from "@/lib/db-stats";
import { env } from "@/lib/env";
import { nulSafeAdapterFactory } from "@/lib/nul-safe-adapter";
import { serializedAdapterFactory } from "@/lib/serialized-adapter";

export type { DbEngine } from "@/lib/db-engine";

/**
 * The application's database client, whichever the engine. Typed as the SQLite client: both
 * clients are generated from one model (prisma/schema.prisma; the PostgreSQL schema is derived
 * from it), and every call valid on SQLite is valid on PostgreSQL, whose client accepts more
 * (e.g. more isolation levels, `mode: "insensitive"`). Code that needs such PostgreSQL-only
 * options checks `dbEngine(db)` and uses `asPostgres(db)`.
 */
export type Db = PrismaClient;
/** A transaction client, for functions that must run inside the caller's transaction. */
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
export type PostgresDb = PostgresPrismaClient;

/**
 * A client for DATABASE_URL: `file:…` → SQLite through better-sqlite3, transactions serialized
 * in-process (lib/serialized-adapter.ts); `postgres(ql)://…` → PostgreSQL through node-postgres
 * (a connection pool, real concurrent transactions).
 */
export function createDb(databaseUrl: string): Db {
  const engine = databaseEngine(databaseUrl);
  if (engine === "postgresql") {
    // Each Prisma 7 client is compiled for one provider: the PostgreSQL one has its own generated client.
    // NUL in text would make PostgreSQL refuse the query (a 500): replaced in every argument (lib/nul-safe-adapter.ts).
    return new PostgresPrismaClient({ adapter: countingAdapterFactory(nulSafeAdapterFactory(new PrismaPg(postgresPoolConfig(databaseUrl)))) }) as unknown as Db;
  }
  const raw = databaseUrl.slice("file:".length);
  const file = path.isAbsolute(raw) ? raw : path.join(/*turbopackIgnore: true*/ process.cwd(), raw);
  // WAL and a busy timeout let the web server, jobs and tests share the file safely.
  const adapter = new PrismaBetterSqlite3({ url: file, timeout: 10_000 });
  // Counted (BENCH_TIMING=1) inside the serialization: the driver's time, not the wait for the lock.
  // Compiled statements are reused (lib/sqlite-statement-cache.ts).
  return new PrismaClient({ adapter: serializedAdapterFactory(countingAdapterFactory(statementCachingAdapterFactory(adapter))) });
}

/**
 * node-postgres pool settings for DATABASE_URL.
 * - TimeZone=UTC for every session: @prisma/adapter-pg 7.10 sends times as UTC wall-clock text
 *   without an offset and reads timestamptz by replacing the offset with +00:00, so under any
 *   other session time zone (a server set to Asia/Tokyo) the stored instants would be 9 h off.
 * - A connection attempt gives up after 10 s instead of waiting forever for a database that
 *   does not answer (requests fail, /api/health answers 503).
 */
export function postgresPoolConfig(databaseUrl: string) {
  return { connectionString: databaseUrl, options: "-c TimeZone=UTC", connectionTimeoutMillis: 10_000 };
}

/** The engine behind a client or a transaction client. */
export function dbEngine(db: Db | Tx): DbEngine {
  // The generated client records its schema's provider; transaction clients pass it through.
  const provider = (db as unknown as { _activeProvider?: string })._activeProvider;
  return provider === "postgresql" ? "postgresql" : "sqlite";
}

/** The same client with PostgreSQL's types (throws on SQLite). */
export function asPostgres(db: Db): PostgresDb {
  if (dbEngine(db) !== "postgresql") throw new Error("asPostgres: this client is not connected to PostgreSQL");
  return db as unknown as PostgresDb;
}

const globalForDb = globalThis as unknown as { __db?: Db };

/** The application's client (one per process; survives dev hot reloads). */
export function db(): Db {
  globalForDb.__db ??= createDb(env().DATABASE_URL);
  return globalForDb.__db;
}
