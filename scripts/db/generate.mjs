// `prisma generate` without the native schema engine: the CLI only needs the variable to
// point at an existing executable to skip its download (generate never runs the engine).
//
// One client per provider: a Prisma 7 client is compiled for its schema's provider (its query
// compiler emits that SQL dialect, and it refuses an adapter of another provider), so
// prisma/schema.prisma (SQLite) → lib/generated/prisma and prisma/postgresql/schema.prisma
// (derived from it, see scripts/db/providers.ts) → lib/generated/prisma-postgresql.
import { spawnSync } from "node:child_process";

const env = {
  ...process.env,
  PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath,
  PRISMA_HIDE_UPDATE_MESSAGE: "1",
  CHECKPOINT_DISABLE: "1",
};
for (const schema of ["prisma/schema.prisma", "prisma/postgresql/schema.prisma"]) {
  const result = spawnSync("npx", ["prisma", "generate", "--schema", schema], { stdio: "inherit", env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
