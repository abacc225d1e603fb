// Creates the migration <timestamp>_<name> for both providers from the difference between each
// provider's migrations and its schema (like `prisma migrate dev --create-only`):
//   prisma/migrations/<timestamp>_<name>/migration.sql             (SQLite)
//   prisma/postgresql/migrations/<timestamp>_<name>/migration.sql  (PostgreSQL)
// It first rewrites prisma/postgresql/schema.prisma from prisma/schema.prisma (npm run db:schema).
//
// The engine replays the existing migrations in a shadow database to compute the diff. SQLite's is
// a scratch file. PostgreSQL's is a temporary database on SHADOW_PG_URL or TEST_PG_URL (any
// cluster where the role may CREATE DATABASE); when neither is set, a throw-away cluster is
// started with scripts/pg/start-test-cluster.sh (needs Debian's postgresql package) and stopped.
import { execFileSync } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { DbEngine } from "../../lib/db-engine";
import { listMigrations, noFilters, openEngine, readSchema } from "./engine";
import { PROVIDERS, migrationLock, projectRoot } from "./providers";
import { writePostgresSchema } from "./schema";

function timestamp(d = new Date()): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getUTCFullYear()}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}`;
}

/**
 * The SQL that brings the provider's migrations to its schema (or to `schema`, a schema text
 * given instead of the file); "" when there is nothing to do.
 */
export async function pendingMigrationSql(provider: DbEngine, shadowUrl: string, schema?: string): Promise<string> {
  const { engine, close } = await openEngine(shadowUrl);
  try {
    const files = await readSchema(provider);
    if (schema !== undefined) files.files = [{ path: PROVIDERS[provider].schemaPath, content: schema }];
    const result = await engine.diff({
      from: { tag: "migrations", ...(await listMigrations(provider)) },
      to: { tag: "schemaDatamodel", ...files },
      script: true,
      exitCode: true,
      filters: noFilters,
    });
    return result.exitCode === 2 ? (result.stdout ?? "") : "";
  } finally {
    await close();
  }
}

export async function withSqliteScratch<T>(fn: (url: string) => Promise<T>): Promise<T> {
  const scratch = await mkdtemp(path.join(tmpdir(), "migration-"));
  try {
    return await fn(`file:${path.join(scratch, "scratch.db")}`);
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

export async function withPostgresShadow<T>(fn: (url: string) => Promise<T>): Promise<T> {
  const given = process.env.SHADOW_PG_URL || process.env.TEST_PG_URL;
  if (given) return fn(given);
  console.log("Starting a throw-away PostgreSQL cluster for the shadow database…");
  const out = execFileSync(path.join(projectRoot, "scripts/pg/start-test-cluster.sh"), ["--env"], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  });
  const url = /TEST_PG_URL=(\S+)/.exec(out)?.[1];
  const dir = /TEST_PG_DIR=(\S+)/.exec(out)?.[1];
  if (!url || !dir) throw new Error(`unexpected output of start-test-cluster.sh: ${out}`);
  try {
    return await fn(url!);
  } finally {
    execFileSync(path.join(projectRoot, "scripts/pg/stop-test-cluster.sh"), [dir!], { stdio: "inherit" });
  }
}

async function main() {
  const name = (process.argv[2] ?? "").trim();
  if (!/^[a-z0-9_]+$/i.test(name)) {
    console.error("Usage: npm run db:migration -- <name>   (letters, digits and _ only)");
    process.exit(2);
  }
  if (await writePostgresSchema()) console.log("Updated prisma/postgresql/schema.prisma from prisma/schema.prisma");
  const scripts: Record<DbEngine, string> = {
    sqlite: await withSqliteScratch((url) => pendingMigrationSql("sqlite", url)),
    postgresql: await withPostgresShadow((url) => pendingMigrationSql("postgresql", url)),
  };
  const dirName = `${timestamp()}_${name}`;
  if (!scripts.sqlite && !scripts.postgresql) {
    console.log("No schema changes: no migration created.");
    return;
  }
  // Both providers get the migration, so their histories keep the same names (checked by
  // scripts/db/drift.test.ts), even when a change only touches one of them.
  for (const provider of ["sqlite", "postgresql"] as const) {
    const { migrationsDir } = PROVIDERS[provider];
    await mkdir(migrationsDir, { recursive: true });
    await writeFile(path.join(migrationsDir, "migration_lock.toml"), migrationLock(provider));
    const dir = path.join(migrationsDir, dirName);
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, "migration.sql"), scripts[provider] || `-- No change on ${provider}.\n`);
    console.log(`Created ${path.relative(projectRoot, dir)}/migration.sql`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((err) => {
    console.error("Creating the migration failed:", err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
