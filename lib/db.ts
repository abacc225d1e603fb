import path from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";
import { serializedAdapterFactory } from "@/lib/serialized-adapter";

export type Db = PrismaClient;
/** A transaction client, for functions that must run inside the caller's transaction. */
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

export function createDb(databaseUrl: string): PrismaClient {
  if (!databaseUrl.startsWith("file:")) {
    throw new Error("Only SQLite (file:) is wired up so far; PostgreSQL comes with its own adapter.");
  }
  const raw = databaseUrl.slice("file:".length);
  const file = path.isAbsolute(raw) ? raw : path.join(/*turbopackIgnore: true*/ process.cwd(), raw);
  // WAL and a busy timeout let the web server, jobs and tests share the file safely.
  const adapter = new PrismaBetterSqlite3({ url: file, timeout: 10_000 });
  return new PrismaClient({ adapter: serializedAdapterFactory(adapter) });
}

const globalForDb = globalThis as unknown as { __db?: PrismaClient };

/** The application's client (one per process; survives dev hot reloads). */
export function db(): PrismaClient {
  globalForDb.__db ??= createDb(env().DATABASE_URL);
  return globalForDb.__db;
}
