// Everything the shop needs before the web server starts: configuration, database schema,
// demo catalog, first admin. Shared by `npm start`, `npm run dev` and the e2e harness.
import { existsSync } from "node:fs";
import path from "node:path";
import { ensureAdmin } from "@/lib/auth/ensure-admin";
import { createDb } from "@/lib/db";
import { parseEnv, type Env } from "@/lib/env";
import { seedCatalog } from "@/prisma/seed";
import { applyMigrations } from "@/scripts/db/migrate";
import { persistentSecret } from "@/scripts/launch/secrets";

export const projectRoot = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../..");

export function loadDotEnv(): void {
  const file = path.join(projectRoot, ".env");
  if (existsSync(file)) process.loadEnvFile(file);
}

/** Validated configuration plus the env the child processes get. */
export function resolveConfig(source: NodeJS.ProcessEnv): { env: Env; childEnv: NodeJS.ProcessEnv } {
  const dataDir = path.join(projectRoot, "data");
  const withSecrets = {
    ...source,
    NEXTAUTH_SECRET: source.NEXTAUTH_SECRET || persistentSecret(dataDir, "nextauth"),
    APP_ENCRYPTION_KEY: source.APP_ENCRYPTION_KEY || persistentSecret(dataDir, "encryption"),
  };
  const env = parseEnv(withSecrets);
  const childEnv: NodeJS.ProcessEnv = {
    ...withSecrets,
    NEXTAUTH_URL: source.NEXTAUTH_URL || env.SITE_URL,
    NEXT_TELEMETRY_DISABLED: "1",
  };
  return { env, childEnv };
}

export interface PreparedShop {
  admin: { email: string; password: string } | null;
  migrations: string[];
  seeded: number;
}

export async function prepareDatabase(env: Env): Promise<PreparedShop> {
  const migrations = await applyMigrations(env.DATABASE_URL);
  const db = createDb(env.DATABASE_URL);
  try {
    const seeded = await seedCatalog(db);
    const admin = await ensureAdmin(db, env.ADMIN_EMAIL);
    return { admin, migrations, seeded };
  } finally {
    await db.$disconnect();
  }
}
