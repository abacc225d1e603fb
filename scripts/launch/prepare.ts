// Everything the shop needs before the web server starts: configuration, database schema,
// demo catalog, first admin. Shared by `npm start`, `npm run dev` and the e2e harness.
import { existsSync } from "node:fs";
import path from "node:path";
import { ensureAdmin, type AdminSetup } from "@/lib/auth/admin-setup";
import { createDb } from "@/lib/db";
import { deploymentProblems, GENERATED_SECRETS, liveModeNeedsHttps, parseEnv, type Env } from "@/lib/env";
import { liveGateways } from "@/lib/payments/settings/store";
import { seedCatalog } from "@/prisma/seed";
import { applyMigrations } from "@/scripts/db/migrate";
import { persistentSecret } from "@/scripts/launch/secrets";

export const projectRoot = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../..");

export function loadDotEnv(): void {
  const file = path.join(projectRoot, ".env");
  if (existsSync(file)) process.loadEnvFile(file);
}

/**
 * Validated configuration plus the env the child processes get. Refuses (throws) a configuration
 * that must not serve the public (lib/env.ts deploymentProblems): the emulator behind a public
 * SITE_URL, or a public SITE_URL with secrets that would come from data/ instead of the environment.
 */
export function resolveConfig(given: NodeJS.ProcessEnv, dataDir = path.join(projectRoot, "data")): { env: Env; childEnv: NodeJS.ProcessEnv } {
  // `PORT=4000 npm start` on a laptop: links in mails and the setup link follow the port.
  const source = !given.SITE_URL && /^\d{1,5}$/.test(given.PORT ?? "") ? { ...given, SITE_URL: `http://localhost:${given.PORT}` } : given;
  // Checked before any secret is generated: a refused start leaves nothing behind in data/.
  const fromDataDir = GENERATED_SECRETS.filter((name) => !source[name]);
  const problems = deploymentProblems(parseEnv(source), fromDataDir);
  if (problems.length > 0) throw new Error(`Refusing to start:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
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
  /** The first admin's setup link while no administrator has a password. */
  admin: AdminSetup | null;
  migrations: string[];
  seeded: number;
  /** Things the merchant should fix, printed at start-up (the shop still starts). */
  warnings: string[];
}

export async function prepareDatabase(env: Env): Promise<PreparedShop> {
  const migrations = await applyMigrations(env.DATABASE_URL);
  const db = createDb(env.DATABASE_URL);
  try {
    const seeded = await seedCatalog(db);
    const admin = await ensureAdmin(db, env.ADMIN_EMAIL);
    return { admin, migrations, seeded, warnings: await liveModeWarnings(db, env.SITE_URL) };
  } finally {
    await db.$disconnect();
  }
}

/**
 * Gateways in live mode (テストモード off) behind an http:// SITE_URL: not refused here, because
 * the merchant must be able to log in and fix it; the settings page refuses to save this, and
 * checkout does not offer such a gateway (lib/security/live-mode.ts).
 */
export async function liveModeWarnings(db: ReturnType<typeof createDb>, siteUrl: string): Promise<string[]> {
  if (!liveModeNeedsHttps(siteUrl)) return [];
  return (await liveGateways(db)).map(
    (gateway) => `The ${gateway} gateway is in live mode (テストモード off) but SITE_URL ${siteUrl} is not https://: it is not offered at checkout until SITE_URL is https:// or test mode is on again.`,
  );
}
