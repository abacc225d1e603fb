// One-off database preparation for a deployment whose instances run `node scripts/serve.mjs` (deploy/):
// run it once at the first installation and once per release, before (re)starting the instances —
// never from the instances themselves. It does what `npm start` does before it serves
// (scripts/launch/prepare.ts prepareDatabase), with the same code:
//
// - applies the pending migrations (= `npm run db:migrate`; creates a missing database);
// - creates the first administrator when there is none and prints its one-time setup link;
// - with --seed-demo only: adds the demo catalog's missing products (`npm start` always does);
// - prints the live-mode warning when a gateway is in live mode behind an http:// SITE_URL.
//
// It refuses the same configurations as `npm start` (lib/env.ts deploymentProblems) and, like the
// instances (deploy/preflight.ts), wants NEXTAUTH_SECRET and APP_ENCRYPTION_KEY from the environment.
//   set -a; . /etc/escott-storefront/env; set +a
//   node --import tsx deploy/prepare.ts [--seed-demo]
import { ensureAdmin } from "@/lib/auth/admin-setup";
import { createDb } from "@/lib/db";
import { deploymentProblems, GENERATED_SECRETS, parseEnv } from "@/lib/env";
import { seedCatalog } from "@/prisma/seed";
import { applyMigrations } from "@/scripts/db/migrate";
import { printAdminSetup } from "@/scripts/launch/admin-banner";
import { liveModeWarnings } from "@/scripts/launch/prepare";

async function main(): Promise<void> {
  const seedDemo = process.argv.includes("--seed-demo");
  const env = parseEnv(process.env);
  const missing = GENERATED_SECRETS.filter((name) => !process.env[name]);
  const problems = deploymentProblems(env, missing);
  for (const name of missing) problems.push(`${name} is not set: every instance must get the same value from the environment file.`);
  if (problems.length) throw new Error(`Refusing to prepare:\n${problems.map((p) => `  - ${p}`).join("\n")}`);

  const migrations = await applyMigrations(env.DATABASE_URL);
  console.log(migrations.length ? `Applied migrations: ${migrations.join(", ")}` : "Database is up to date.");
  const db = createDb(env.DATABASE_URL);
  try {
    if (seedDemo) {
      const seeded = await seedCatalog(db);
      console.log(seeded ? `Seeded ${seeded} demo products.` : "Demo catalog already present.");
    }
    const admin = await ensureAdmin(db, env.ADMIN_EMAIL);
    if (admin) printAdminSetup(admin, env.SITE_URL);
    for (const warning of await liveModeWarnings(db, env.SITE_URL)) console.warn(`Warning: ${warning}`);
  } finally {
    await db.$disconnect();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
