// Prisma's schema engine compiled to WebAssembly, driven through a driver adapter.
// The native engine is downloaded by the Prisma CLI at start-up, which fails offline;
// this runs the same migration logic with nothing to download.
import { readFile, readdir } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import type { MigrationList, SchemaEngine } from "@prisma/schema-engine-wasm";

const require = createRequire(import.meta.url);

export const projectRoot = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../..");
export const schemaPath = path.join(projectRoot, "prisma/schema.prisma");
export const migrationsDir = path.join(projectRoot, "prisma/migrations");

export const noFilters = { externalTables: [], externalEnums: [] };

/** `file:./data/shop.db` → absolute path (relative paths resolve from the project root). */
export function sqliteFilePath(databaseUrl: string): string {
  const raw = databaseUrl.replace(/^file:/, "");
  if (raw === ":memory:") return raw;
  return path.isAbsolute(raw) ? raw : path.join(projectRoot, raw);
}

type Adapter = Awaited<ReturnType<PrismaBetterSqlite3["connect"]>>;

// The wasm engine sends whole migration scripts through executeRaw, which better-sqlite3
// refuses ("more than one statement"); such scripts go through executeScript instead.
function acceptScripts(adapter: Adapter): Adapter {
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

function adapterFactory(databaseUrl: string, opened: Adapter[]) {
  if (databaseUrl.startsWith("file:")) {
    const factory = new PrismaBetterSqlite3({ url: sqliteFilePath(databaseUrl) });
    const connect = factory.connect.bind(factory);
    const connectToShadowDb = factory.connectToShadowDb.bind(factory);
    const track = (a: Adapter) => (opened.push(a), acceptScripts(a));
    factory.connect = async () => track(await connect());
    factory.connectToShadowDb = async () => track(await connectToShadowDb());
    return factory;
  }
  throw new Error(`Unsupported DATABASE_URL for migrations: ${databaseUrl.split(":")[0]}:… (only file: SQLite is supported here)`);
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
    const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": bg as unknown as WebAssembly.ModuleImports });
    bg.__wbg_set_wasm(instance.exports);
    const start = (instance.exports as Record<string, unknown>).__wbindgen_start;
    if (typeof start === "function") start();
    return bg;
  })();
  return glue;
}

export async function openEngine(databaseUrl: string): Promise<OpenEngine> {
  // The wasm build reports Rust panics through this global; without it a panic becomes a TypeError.
  const g = globalThis as { PRISMA_WASM_PANIC_REGISTRY?: { set_message(message: string): void } };
  g.PRISMA_WASM_PANIC_REGISTRY ??= { set_message: (message) => console.error("[schema-engine panic]", message) };
  const bg = await loadWasm();
  const schema = await readFile(schemaPath, "utf8");
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
      await Promise.all(opened.map((a) => a.dispose()));
    },
  };
}

function pathToImport(p: string): string {
  return new URL(`file://${p}`).href;
}

export async function readSchema() {
  return { files: [{ path: schemaPath, content: await readFile(schemaPath, "utf8") }] };
}

export async function listMigrations(): Promise<MigrationList> {
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
