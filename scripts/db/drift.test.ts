// One model source, two providers: prisma/schema.prisma (SQLite) is the source,
// prisma/postgresql/schema.prisma is derived from it, and each provider's migrations must build
// exactly its schema. A model change that misses the derived schema or one provider's migration
// fails here (fix: npm run db:migration -- <name>, which writes both).
import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { pendingMigrationSql, withSqliteScratch } from "./create-migration";
import { PROVIDERS, derivePostgresSchema, migrationLock } from "./providers";

const pgUrl = process.env.TEST_PG_URL;
// CI always has a cluster (.ci/run starts one); a developer without PostgreSQL skips those checks.
const needsPostgres = pgUrl ? it : process.env.CI ? it : it.skip;

async function migrationNames(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  return entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
}

/** The source schema with one more field on Order, as a model change would add. */
function withExtraField(schema: string): string {
  const changed = schema.replace(/^(model Order \{\n)/m, "$1  driftProbe String?\n");
  expect(changed).not.toBe(schema);
  return changed;
}

describe("database schema and migrations (SQLite and PostgreSQL)", () => {
  it("prisma/postgresql/schema.prisma is prisma/schema.prisma derived (npm run db:schema)", async () => {
    const source = await readFile(PROVIDERS.sqlite.schemaPath, "utf8");
    const committed = await readFile(PROVIDERS.postgresql.schemaPath, "utf8");
    expect(committed, "prisma/postgresql/schema.prisma is out of date: run npm run db:schema").toBe(derivePostgresSchema(source));
  });

  it("the derived schema keeps money integer and stores every time as timestamptz", () => {
    const derived = derivePostgresSchema(
      'generator client {\n  output = "../lib/generated/prisma"\n}\ndatasource db {\n  provider = "sqlite"\n}\nmodel A {\n  id Int @id\n  amount Int\n  at DateTime @default(now()) // c\n  paidAt DateTime?\n}\n',
    );
    expect(derived).toContain('provider = "postgresql"');
    expect(derived).toContain('output = "../../lib/generated/prisma-postgresql"');
    expect(derived).toContain("  amount Int\n");
    expect(derived).toContain("  at DateTime @db.Timestamptz(3) @default(now()) // c\n");
    expect(derived).toContain("  paidAt DateTime? @db.Timestamptz(3)\n");
    expect(() =>
      derivePostgresSchema('generator client {\n  output = "../lib/generated/prisma"\n}\ndatasource db {\n  provider = "sqlite"\n}\nmodel A {\n  at DateTime @db.Date\n}\n'),
    ).toThrow(/native types belong to one provider/);
  });

  it("both providers have the same migrations, each with its lock file", async () => {
    const sqlite = await migrationNames(PROVIDERS.sqlite.migrationsDir);
    const postgresql = await migrationNames(PROVIDERS.postgresql.migrationsDir);
    expect(sqlite.length).toBeGreaterThan(0);
    expect(postgresql, "every migration needs its PostgreSQL twin (npm run db:migration writes both)").toEqual(sqlite);
    for (const provider of ["sqlite", "postgresql"] as const) {
      const lock = await readFile(path.join(PROVIDERS[provider].migrationsDir, "migration_lock.toml"), "utf8");
      expect(lock).toBe(migrationLock(provider));
    }
  });

  it("SQLite: the migrations build exactly prisma/schema.prisma, and a model change without a migration is caught", async () => {
    const source = await readFile(PROVIDERS.sqlite.schemaPath, "utf8");
    await withSqliteScratch(async (url) => {
      expect(await pendingMigrationSql("sqlite", url), "prisma/migrations lag behind prisma/schema.prisma").toBe("");
      expect(await pendingMigrationSql("sqlite", url, withExtraField(source))).toMatch(/ALTER TABLE "Order" ADD COLUMN "driftProbe" TEXT/);
    });
  });

  needsPostgres("PostgreSQL: the migrations build exactly prisma/postgresql/schema.prisma, and a model change without a migration is caught", async () => {
    expect(pgUrl, "TEST_PG_URL must point at a PostgreSQL cluster in CI (scripts/pg/start-test-cluster.sh)").toBeTruthy();
    const source = await readFile(PROVIDERS.sqlite.schemaPath, "utf8");
    expect(await pendingMigrationSql("postgresql", pgUrl!), "prisma/postgresql/migrations lag behind its schema").toBe("");
    const changed = derivePostgresSchema(withExtraField(source));
    expect(await pendingMigrationSql("postgresql", pgUrl!, changed)).toMatch(/ALTER TABLE "Order" ADD COLUMN\s+"driftProbe" TEXT/);
  });
});
