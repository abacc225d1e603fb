// Applies every pending migration of the DATABASE_URL's provider (prisma/migrations for SQLite,
// prisma/postgresql/migrations for PostgreSQL) to that database. Idempotent.
import { mkdir } from "node:fs/promises";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { databaseEngine } from "../../lib/db-engine";
import { listMigrations, noFilters, openEngine, sqliteFilePath } from "./engine";

export async function applyMigrations(databaseUrl: string): Promise<string[]> {
  if (databaseEngine(databaseUrl) === "postgresql") return applyPostgresMigrations(databaseUrl);
  const file = sqliteFilePath(databaseUrl);
  if (file !== ":memory:") await mkdir(path.dirname(file), { recursive: true });
  try {
    return await runEngine(databaseUrl);
  } finally {
    enableWriteAheadLog(file);
  }
}

async function runEngine(databaseUrl: string): Promise<string[]> {
  const provider = databaseEngine(databaseUrl);
  const { engine, close } = await openEngine(databaseUrl);
  try {
    const out = await engine.applyMigrations({ migrationsList: await listMigrations(provider), filters: noFilters });
    return out.appliedMigrationNames;
  } finally {
    await close();
  }
}

// Several instances starting at once may migrate together: the schema engine itself holds
// PostgreSQL's advisory lock 72707369 while it applies migrations (as `prisma migrate deploy`).
async function applyPostgresMigrations(databaseUrl: string): Promise<string[]> {
  await ensurePostgresDatabase(databaseUrl);
  return runEngine(databaseUrl);
}

/** Creates the database named in the URL when it does not exist yet (as `prisma migrate deploy` does). */
export async function ensurePostgresDatabase(databaseUrl: string): Promise<void> {
  const probe = new pg.Client({ connectionString: databaseUrl });
  try {
    await probe.connect();
    return;
  } catch (err) {
    if ((err as { code?: string }).code !== "3D000") throw err; // 3D000: invalid_catalog_name
  } finally {
    await probe.end().catch(() => {});
  }
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.slice(1));
  url.pathname = "/postgres";
  const admin = new pg.Client({ connectionString: url.href });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
    console.log(`Created PostgreSQL database ${name}`);
  } catch (err) {
    if ((err as { code?: string }).code !== "42P04") throw err; // 42P04: created meanwhile by another process
  } finally {
    await admin.end();
  }
}

// WAL lets readers proceed while a checkout writes; the setting is stored in the file.
function enableWriteAheadLog(file: string): void {
  if (file === ":memory:") return;
  const sqlite = new Database(file);
  try {
    sqlite.pragma("journal_mode = WAL");
  } finally {
    sqlite.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const url = process.env.DATABASE_URL || "file:./data/shop.db";
  applyMigrations(url).then(
    (names) => {
      console.log(names.length ? `Applied migrations: ${names.join(", ")}` : "Database is up to date.");
    },
    (err) => {
      console.error("Migration failed:", err instanceof Error ? err.message : err);
      process.exit(1);
    },
  );
}
