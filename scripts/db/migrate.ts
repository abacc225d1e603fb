// Applies every pending migration in prisma/migrations to DATABASE_URL. Idempotent.
import { mkdir } from "node:fs/promises";
import path from "node:path";
import Database from "better-sqlite3";
import { listMigrations, noFilters, openEngine, sqliteFilePath } from "./engine";

export async function applyMigrations(databaseUrl: string): Promise<string[]> {
  if (databaseUrl.startsWith("file:")) {
    const file = sqliteFilePath(databaseUrl);
    if (file !== ":memory:") await mkdir(path.dirname(file), { recursive: true });
  }
  const { engine, close } = await openEngine(databaseUrl);
  try {
    const out = await engine.applyMigrations({ migrationsList: await listMigrations(), filters: noFilters });
    return out.appliedMigrationNames;
  } finally {
    await close();
    if (databaseUrl.startsWith("file:")) enableWriteAheadLog(sqliteFilePath(databaseUrl));
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
  const url = process.env.DATABASE_URL ?? "file:./data/shop.db";
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
