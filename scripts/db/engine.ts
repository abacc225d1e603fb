// Prisma's schema engine compiled to WebAssembly, driven through a driver adapter.
// The native engine is downloaded by the Prisma CLI at start-up, which fails offline;
// this runs the same migration logic with nothing to download.
import { randomUUID } from "node:crypto";
import { readFile, readdir } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory, type SqlDriverAdapter, type SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import type { MigrationList, SchemaEngine } from "@prisma/schema-engine-wasm";
import { databaseEngine, type DbEngine } from "../../lib/db-engine";
import { PROVIDERS, projectRoot } from "./providers";

const require = createRequire(import.meta.url);

export { projectRoot };

export const noFilters = { externalTables: [], externalEnums: [] };

/** `file:./data/shop.db` → absolute path (relative paths resolve from the project root). */
export function sqliteFilePath(databaseUrl: string): string {
  const raw = databaseUrl.replace(/^file:/, "");
  if (raw === ":memory:") return raw;
  return path.isAbsolute(raw) ? raw : path.join(projectRoot, raw);
}

type Adapter = SqlDriverAdapter;

// The wasm engine sends whole migration scripts through executeRaw, which better-sqlite3
// refuses ("more than one statement"); such scripts go through executeScript instead.
// (node-postgres runs a query without parameters through the simple protocol, which accepts them.)
function acceptScripts<A extends Adapter>(adapter: A): A {
  const executeRaw = adapter.executeRaw.bind(adapter);
  adapter.executeRaw = async (query) => {
    if (query.args.length === 0 && /;\s*\S/.test(query.sql)) {
      await adapter.executeScript(query.sql);
      return 0;
    }
    return executeRaw(query);
  };
  return adapter;
}

// The engine describes a live PostgreSQL database (shadow database, schemaPush) with catalog
// queries that return columns of the internal type "char" (OID 18), which @prisma/adapter-pg
// 7.10 cannot map ("Column type 'char' could not be deserialized"). node-postgres hands such
// values over as strings already, so they are reported as text (OID 25).
type PgQueryable = { performIO(query: unknown): Promise<{ fields?: { dataTypeID: number }[] }> };
const PG_CHAR = 18;
const PG_TEXT = 25;

function charAsText<T>(queryable: T): T {
  const q = queryable as unknown as PgQueryable;
  const performIO = q.performIO.bind(q);
  q.performIO = async (query) => {
    const result = await performIO(query);
    for (const field of result.fields ?? []) if (field.dataTypeID === PG_CHAR) field.dataTypeID = PG_TEXT;
    return result;
  };
  const a = queryable as unknown as Partial<Adapter>;
  if (typeof a.startTransaction === "function") {
    const start = a.startTransaction.bind(a);
    a.startTransaction = async (isolationLevel) => charAsText(await start(isolationLevel));
  }
  return queryable;
}

function adapterFactory(databaseUrl: string, opened: Adapter[]): SqlMigrationAwareDriverAdapterFactory {
  const engine = databaseEngine(databaseUrl);
  if (engine === "sqlite") {
    const factory = new PrismaBetterSqlite3({ url: sqliteFilePath(databaseUrl) });
    const connect = factory.connect.bind(factory);
    const connectToShadowDb = factory.connectToShadowDb.bind(factory);
    const track = <A extends Adapter>(a: A): A => (opened.push(a), acceptScripts(a));
    factory.connect = async () => track(await connect());
    factory.connectToShadowDb = async () => track(await connectToShadowDb());
    return factory;
  }
  const factory = new PrismaPg({ connectionString: databaseUrl });
  const connect = factory.connect.bind(factory);
  const track = <A extends Adapter>(a: A): A => (opened.push(once(a)), charAsText(a));
  factory.connect = async () => track(await connect());
  // @prisma/adapter-pg 7.10 opens its shadow database with `{ ...config, database }`, but
  // node-postgres lets the connection string's database win: the shadow migrations ran in the
  // main database. The shadow database is opened by its own URL instead.
  factory.connectToShadowDb = async () => {
    const main = await connect();
    const name = `prisma_migrate_shadow_db_${randomUUID()}`;
    await main.executeScript(`CREATE DATABASE "${name}"`);
    const url = new URL(databaseUrl);
    url.pathname = `/${name}`;
    const shadow = await new PrismaPg({ connectionString: url.href }).connect();
    const dispose = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      await dispose();
      try {
        await main.executeScript(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await main.dispose();
      }
    };
    return track(shadow);
  };
  return factory;
}

/** dispose() at most once (the engine disposes some adapters itself, close() all that are left). */
function once<A extends Adapter>(adapter: A): A {
  const dispose = adapter.dispose.bind(adapter);
  let done: Promise<void> | undefined;
  adapter.dispose = () => (done ??= dispose());
  return adapter;
}

export interface OpenEngine {
  engine: SchemaEngine;
  /** Frees the engine and closes the database connections it opened. */
  close(): Promise<void>;
}

type WasmGlue = { SchemaEngine: { new: (...args: unknown[]) => Promise<unknown> }; __wbg_set_wasm(exports: unknown): void };
let glue: Promise<WasmGlue> | undefined;

// One instance per process: the JS glue keeps module-level state bound to the instance.
function loadWasm(): Promise<WasmGlue> {
  glue ??= (async () => {
    const pkgDir = path.dirname(require.resolve("@prisma/schema-engine-wasm"));
    const bg = (await import(pathToImport(path.join(pkgDir, "schema_engine_bg.js")))) as WasmGlue;
    const bytes = await readFile(path.join(pkgDir, "schema_engine_bg.wasm"));
    // The engine arms a 10 s timer (PostgreSQL's migration lock) that it never clears, which
    // kept `npm run db:migrate` alive 10 s after its work: its timers must not hold the process.
    const imports: Record<string, unknown> = { ...(bg as unknown as Record<string, unknown>) };
    for (const [name, fn] of Object.entries(imports)) {
      if (name.startsWith("__wbg_setTimeout_") && typeof fn === "function") {
        imports[name] = (...args: unknown[]) => {
          const timer = fn(...args) as { unref?: () => void } | undefined;
          timer?.unref?.();
          return timer;
        };
      }
    }
    const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": imports as WebAssembly.ModuleImports });
    bg.__wbg_set_wasm(instance.exports);
    const start = (instance.exports as Record<string, unknown>).__wbindgen_start;
    if (typeof start === "function") start();
    return bg;
  })();
  return glue;
}

export interface OpenEngineOptions {
  /** Use this schema text instead of the provider's schema file (e.g. a schema being checked). */
  schema?: string;
}

/** Opens the schema engine on the database of `databaseUrl`, with that provider's schema. */
export async function openEngine(databaseUrl: string, options: OpenEngineOptions = {}): Promise<OpenEngine> {
  // The wasm build reports Rust panics through this global; without it a panic becomes a TypeError.
  const g = globalThis as { PRISMA_WASM_PANIC_REGISTRY?: { set_message(message: string): void } };
  g.PRISMA_WASM_PANIC_REGISTRY ??= { set_message: (message) => console.error("[schema-engine panic]", message) };
  const bg = await loadWasm();
  const { schemaPath } = PROVIDERS[databaseEngine(databaseUrl)];
  const schema = options.schema ?? (await readFile(schemaPath, "utf8"));
  const log = (message: string) => {
    if (process.env.DB_ENGINE_DEBUG) console.error("[schema-engine]", message);
  };
  const opened: Adapter[] = [];
  const engine = (await bg.SchemaEngine.new(
    { datamodels: [[schemaPath, schema]] },
    log,
    bindMigrationAwareSqlAdapterFactory(adapterFactory(databaseUrl, opened)),
  )) as SchemaEngine;
  return {
    engine,
    async close() {
      engine.free();
      for (const adapter of opened) await adapter.dispose();
    },
  };
}

function pathToImport(p: string): string {
  return new URL(`file://${p}`).href;
}

export async function readSchema(provider: DbEngine) {
  const { schemaPath } = PROVIDERS[provider];
  return { files: [{ path: schemaPath, content: await readFile(schemaPath, "utf8") }] };
}

export async function listMigrations(provider: DbEngine): Promise<MigrationList> {
  const { migrationsDir } = PROVIDERS[provider];
  const entries = await readdir(migrationsDir, { withFileTypes: true }).catch(() => []);
  const dirs = entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
  const lockPath = path.join(migrationsDir, "migration_lock.toml");
  const lockContent = await readFile(lockPath, "utf8").catch(() => null);
  return {
    baseDir: migrationsDir,
    lockfile: { path: "migration_lock.toml", content: lockContent },
    shadowDbInitScript: "",
    migrationDirectories: await Promise.all(
      dirs.map(async (name) => {
        const file = path.join(migrationsDir, name, "migration.sql");
        const content = await readFile(file, "utf8").then(
          (ok) => ({ tag: "ok" as const, value: ok }),
          (err: Error) => ({ tag: "error" as const, value: err.message }),
        );
        return { path: name, migrationFile: { path: "migration.sql", content } };
      }),
    ),
  } as MigrationList;
}
