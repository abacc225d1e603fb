// ExecStartPre of deploy/systemd/shop@.service. The instances run `node scripts/serve.mjs` directly (no
// emulator autostart, no build, no migrations per instance), which skips what `npm start`
// (scripts/launch.ts → scripts/launch/prepare.ts) checks and supplies. This refuses to start an
// instance when any of it is missing:
//
// - the configuration parses (lib/env.ts) and passes the deployment guards (deploymentProblems);
// - NEXTAUTH_SECRET and APP_ENCRYPTION_KEY come from the environment (serve.mjs does not generate
//   them into data/, and every instance must share them);
// - NEXTAUTH_URL is set to SITE_URL (the launcher sets it; without it next-auth builds its redirects
//   on http://localhost:3000, e.g. after a login);
// - DATABASE_URL is PostgreSQL (SQLite serializes transactions only inside one process);
// - the build exists (.next/BUILD_ID, or NEXT_DIST_DIR) and every PostgreSQL migration of this
//   release is applied (`npm run db:migrate` or deploy/prepare.ts, once, before the instances).
//
// Read-only: it writes nothing, so any number of instances may run it at once.
//   node --import tsx deploy/preflight.ts     (with the environment the instances get)
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { databaseEngine } from "@/lib/db-engine";
import { deploymentProblems, GENERATED_SECRETS, parseEnv } from "@/lib/env";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");

async function pendingMigrations(databaseUrl: string): Promise<string[]> {
  const dir = path.join(root, "prisma/postgresql/migrations");
  const wanted = readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    const table = await client.query<{ t: string | null }>("SELECT to_regclass('_prisma_migrations')::text AS t");
    if (!table.rows[0]?.t) return wanted;
    const done = await client.query<{ migration_name: string }>(
      "SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL",
    );
    const applied = new Set(done.rows.map((r) => r.migration_name));
    return wanted.filter((name) => !applied.has(name));
  } finally {
    await client.end().catch(() => {});
  }
}

export async function preflightProblems(source: NodeJS.ProcessEnv): Promise<string[]> {
  let env;
  try {
    env = parseEnv(source);
  } catch (err) {
    return [err instanceof Error ? err.message : String(err)];
  }
  const problems = deploymentProblems(env, GENERATED_SECRETS.filter((name) => !source[name]));
  for (const name of GENERATED_SECRETS) {
    if (!source[name]) problems.push(`${name} is not set: every instance must get the same value from the environment file.`);
  }
  const authUrl = source.NEXTAUTH_URL;
  if (!authUrl) problems.push(`NEXTAUTH_URL is not set: set it to SITE_URL (${env.SITE_URL}).`);
  else if (new URL(authUrl).origin !== new URL(env.SITE_URL).origin) problems.push(`NEXTAUTH_URL ${authUrl} is not SITE_URL ${env.SITE_URL}.`);
  const buildId = path.join(root, source.NEXT_DIST_DIR || ".next", "BUILD_ID");
  if (!existsSync(buildId)) problems.push(`No build at ${path.dirname(buildId)}: run \`npm run build\` once (the same build for every instance).`);
  if (databaseEngine(env.DATABASE_URL) !== "postgresql") {
    problems.push("DATABASE_URL is SQLite: several instances need PostgreSQL (postgresql://…).");
  } else {
    try {
      const pending = await pendingMigrations(env.DATABASE_URL);
      if (pending.length) problems.push(`Migrations not applied: ${pending.join(", ")}. Run \`npm run db:migrate\` once (deploy/README.md).`);
    } catch (err) {
      problems.push(`PostgreSQL does not answer (${err instanceof Error ? err.message : String(err)}).`);
    }
  }
  return problems;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const problems = await preflightProblems(process.env);
  const who = process.env.SHOP_INSTANCE_ID ? `${process.env.SHOP_INSTANCE_ID}: ` : "";
  if (problems.length) {
    console.error(`${who}refusing to start:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    process.exit(1);
  }
  console.log(`${who}preflight ok`);
}
