// Which database engine a DATABASE_URL names. Pure, so the app, the migration scripts and the
// tests agree: file:… → SQLite (the zero-configuration default), postgres(ql)://… → PostgreSQL.
export type DbEngine = "sqlite" | "postgresql";

export function databaseEngine(databaseUrl: string): DbEngine {
  if (databaseUrl.startsWith("file:")) return "sqlite";
  if (/^postgres(ql)?:\/\//.test(databaseUrl)) return "postgresql";
  throw new Error(`Unsupported DATABASE_URL ${databaseUrl.split(":")[0]}:… (use file:… for SQLite or postgresql://… for PostgreSQL)`);
}
