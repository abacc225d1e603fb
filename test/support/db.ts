// A real database per test file, migrated with the project's migrations.
//   SQLite (default): a copy of a migrated template file in a temp dir.
//   PostgreSQL (TEST_DB_ENGINE=postgresql and TEST_PG_URL=postgresql://…/postgres, e.g. from
//   scripts/pg/start-test-cluster.sh): a fresh `CREATE DATABASE … TEMPLATE` of a database migrated
//   once per set of migrations, dropped again by cleanup().
import { createHash, randomBytes } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { createDb, type Db, type DbEngine } from "@/lib/db";
import { applyMigrations } from "@/scripts/db/migrate";
import { PROVIDERS } from "@/scripts/db/providers";

/** The engine the tests run on: TEST_DB_ENGINE=postgresql (or postgres) selects PostgreSQL. */
export function testDbEngine(): DbEngine {
  const value = (process.env.TEST_DB_ENGINE ?? "sqlite").toLowerCase();
  if (value === "sqlite" || value === "") return "sqlite";
  if (value === "postgresql" || value === "postgres") return "postgresql";
  throw new Error(`TEST_DB_ENGINE must be sqlite or postgresql, not ${value}`);
}

export interface TestDb {
  db: Db;
  url: string;
  engine: DbEngine;
  cleanup(): Promise<void>;
}

export async function createTestDb(): Promise<TestDb> {
  return testDbEngine() === "postgresql" ? createPostgresTestDb() : createSqliteTestDb();
}

// The migrated SQLite template, kept on disk under a name that carries a hash of the migrations: every
// test file runs in a fresh module context (Vitest isolates files), and migrating through the schema
// engine costs ≈0.5 s of CPU each time, so only the first file of a run (or of a changed migration) pays.
const SQLITE_TEMPLATES = path.join(tmpdir(), "shop-test-templates");
let template: string | undefined;

async function migratedTemplate(): Promise<string> {
  if (template && existsSync(template)) return template;
  const file = path.join(SQLITE_TEMPLATES, `${migrationsHash("sqlite")}.db`);
  if (!existsSync(file)) {
    // Built in a folder of its own and renamed into place when complete: a worker never copies a
    // half-migrated file, and two workers building at once just replace one complete file with another.
    mkdirSync(SQLITE_TEMPLATES, { recursive: true });
    const dir = mkdtempSync(path.join(SQLITE_TEMPLATES, "building-"));
    try {
      const building = path.join(dir, "template.db");
      await applyMigrations(`file:${building}`);
      renameSync(building, file);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  template = file;
  return file;
}

async function createSqliteTestDb(): Promise<TestDb> {
  const source = await migratedTemplate();
  const dir = mkdtempSync(path.join(tmpdir(), "shop-test-"));
  const file = path.join(dir, "test.db");
  copyFileSync(source, file);
  const url = `file:${file}`;
  const db = createDb(url);
  return {
    db,
    url,
    engine: "sqlite",
    async cleanup() {
      await db.$disconnect();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The cluster's URL (its maintenance database), from TEST_PG_URL. */
export function testClusterUrl(): string {
  const url = process.env.TEST_PG_URL;
  if (!url) {
    throw new Error("TEST_DB_ENGINE=postgresql needs TEST_PG_URL (start one: eval \"$(scripts/pg/start-test-cluster.sh --env)\")");
  }
  return url;
}

/** The URL of another database on the same cluster. */
export function databaseUrl(clusterUrl: string, name: string): string {
  const url = new URL(clusterUrl);
  url.pathname = `/${name}`;
  return url.href;
}

async function withAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: testClusterUrl() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A hash of an engine's migrations (names and SQL): a changed migration gets a new template. */
function migrationsHash(engine: DbEngine): string {
  const dir = PROVIDERS[engine].migrationsDir;
  const hash = createHash("sha256");
  for (const name of readdirSync(dir).sort()) {
    const file = path.join(dir, name, "migration.sql");
    if (existsSync(file)) hash.update(name).update(readFileSync(file));
  }
  return hash.digest("hex").slice(0, 16);
}

// The PostgreSQL template is a database on the cluster: reused by every test file and worker (and by
// later runs on the same cluster) while the migrations are unchanged.
function templateName(): string {
  return `shop_template_${migrationsHash("postgresql")}`;
}

let pgTemplate: Promise<{ name: string; strategy: string }> | undefined;

function postgresTemplate(): Promise<{ name: string; strategy: string }> {
  pgTemplate ??= withAdmin(async (admin) => {
    const name = templateName();
    // One worker builds it; the others wait on the advisory lock, then find it.
    await admin.query("SELECT pg_advisory_lock(hashtext($1))", [name]);
    const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (exists.rowCount === 0) {
      // Built under another name and renamed when complete, so no half-migrated template is ever used.
      const building = `${name}_building`;
      await admin.query(`DROP DATABASE IF EXISTS ${building} WITH (FORCE)`);
      await admin.query(`CREATE DATABASE ${building}`);
      await applyMigrations(databaseUrl(testClusterUrl(), building));
      await admin.query(`ALTER DATABASE ${building} RENAME TO ${name}`);
    }
    await admin.query("SELECT pg_advisory_unlock(hashtext($1))", [name]);
    // PostgreSQL 15 copies a template through the WAL by default; copying the files is about
    // twice as fast for these small databases (and is what older versions always do).
    const version = Number((await admin.query("SHOW server_version_num")).rows[0]?.server_version_num);
    return { name, strategy: version >= 150000 ? " STRATEGY FILE_COPY" : "" };
  });
  return pgTemplate;
}

async function createPostgresTestDb(): Promise<TestDb> {
  const template = await postgresTemplate();
  const name = `shop_test_${randomBytes(6).toString("hex")}`;
  await withAdmin((admin) => admin.query(`CREATE DATABASE ${name} TEMPLATE ${template.name}${template.strategy}`));
  const url = databaseUrl(testClusterUrl(), name);
  const db = createDb(url);
  return {
    db,
    url,
    engine: "postgresql",
    async cleanup() {
      await db.$disconnect();
      await withAdmin((admin) => admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}

export async function createProduct(db: Db, overrides: Partial<{ slug: string; priceYen: number; taxRate: number; stock: number; active: boolean }> = {}) {
  const slug = overrides.slug ?? `p-${Math.random().toString(36).slice(2, 8)}`;
  return db.product.create({
    data: {
      slug,
      name: `商品 ${slug}`,
      nameEn: `Product ${slug}`,
      description: "説明",
      descriptionEn: "Description",
      imagePath: "/products/x.svg",
      priceYen: overrides.priceYen ?? 1100,
      taxRate: overrides.taxRate ?? 10,
      stock: overrides.stock ?? 10,
      active: overrides.active ?? true,
    },
  });
}

export const sampleCheckout = {
  billing: {
    lastName: "山田",
    firstName: "太郎",
    lastNameKana: "ヤマダ",
    firstNameKana: "タロウ",
    postalCode: "100-0001",
    prefecture: "13",
    city: "千代田区",
    address1: "千代田1-1",
    address2: "",
    phone: "03-1234-5678",
  },
  email: "taro@example.com",
  shipToDifferentAddress: false,
  shipping: null,
};

/** An order row with the sample billing address, written directly (tests that need no cart). */
export function createOrder(db: Db, data: { accessKey: string; checkoutKey: string; email: string; status: string; paymentMethod: string; subtotal: number; shippingFee: number; total: number; tax10: number; clientKey?: string }) {
  const b = sampleCheckout.billing;
  return db.order.create({
    data: {
      ...data,
      tax8: 0,
      billingLastName: b.lastName,
      billingFirstName: b.firstName,
      billingLastNameKana: b.lastNameKana,
      billingFirstNameKana: b.firstNameKana,
      billingPostalCode: b.postalCode,
      billingPrefecture: b.prefecture,
      billingCity: b.city,
      billingAddress1: b.address1,
      billingPhone: b.phone,
    },
  });
}
