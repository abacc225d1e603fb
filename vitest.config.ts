import { readFileSync, readdirSync } from "node:fs";
import { availableParallelism } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL("./", import.meta.url));
const include = ["{lib,app,components,emulator,scripts,prisma,bench}/**/*.test.{ts,tsx}"];

// The tests that touch the database: they get it from test/support/db.ts (createTestDb), directly
// or through the card/CVS harnesses or test/support/session.ts (adminTestDb). With TEST_PG_URL set (scripts/pg/start-test-cluster.sh, as
// .ci/run does), they run a second time on PostgreSQL as the project "postgresql".
function databaseTests(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const rel = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== "node_modules" && entry.name !== "generated") walk(rel);
      } else if (/\.test\.tsx?$/.test(entry.name)) {
        const text = readFileSync(path.join(root, rel), "utf8");
        if (/["']@\/test\/support\/(db|card-harness|cvs-harness|session)["']/.test(text)) found.push(rel);
      }
    }
  };
  for (const dir of ["lib", "app", "components", "emulator", "scripts", "prisma"]) walk(dir);
  return found.sort();
}

// TEST_DB_ENGINE=sqlite or =postgresql runs one project only; unset: SQLite (every test), plus
// PostgreSQL (the database tests) when TEST_PG_URL names a cluster. `--project <name>` also selects.
const selected = (process.env.TEST_DB_ENGINE ?? "").toLowerCase().replace(/^postgres$/, "postgresql");
if (selected && selected !== "sqlite" && selected !== "postgresql") throw new Error(`TEST_DB_ENGINE must be sqlite or postgresql, not ${selected}`);
if (selected === "postgresql" && !process.env.TEST_PG_URL) {
  throw new Error('TEST_DB_ENGINE=postgresql needs TEST_PG_URL: eval "$(scripts/pg/start-test-cluster.sh --env)"');
}
const engines = selected ? [selected] : process.env.TEST_PG_URL ? ["sqlite", "postgresql"] : ["sqlite"];

const shared = {
  environment: "node",
  // One worker more than cores: a worker spends part of each file waiting (starting, importing through the
  // main process, the database's commits), and with one per core both cores sat a third idle. On CI's 2
  // cores the SQLite project took 206 s with 2 workers and 151 s with 3 (all passing; each test is slower).
  maxWorkers: availableParallelism() + 1,
  testTimeout: 30_000,
  hookTimeout: 60_000,
} as const;

const sqliteProject = { extends: true as const, test: { name: "sqlite", include, env: { TEST_DB_ENGINE: "sqlite" } } };
const postgresProject = {
  extends: true as const,
  test: {
    name: "postgresql",
    include: databaseTests(),
    // Skips, visibly, the tests listed there: gaps PostgreSQL still has.
    setupFiles: ["./test/support/postgres-known-gaps.ts"],
    env: { TEST_DB_ENGINE: "postgresql" },
  },
};

export default defineConfig({
  resolve: {
    alias: {
      "@/": root,
      "server-only": fileURLToPath(new URL("./test/support/server-only.ts", import.meta.url)),
    },
  },
  test: {
    ...shared,
    projects: [...(engines.includes("sqlite") ? [sqliteProject] : []), ...(engines.includes("postgresql") ? [postgresProject] : [])],
  },
});
