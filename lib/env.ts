// The one place that reads process.env. Every variable has a working default for the local
// setup (documented in .env.example); an invalid value stops start-up naming the variable.
import { z } from "zod";
import { DEMO_CONTRACT } from "@/lib/escott/demo-contract";

const bool = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((v) => v === "true" || v === "1" || v === "yes");

const url = z.string().url();

export const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z
    .string()
    .regex(/^(file:|postgres(ql)?:\/\/)/, "must start with file: (SQLite) or postgresql://")
    .default("file:./data/shop.db"),
  SITE_URL: url.default("http://localhost:3000"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  SHOP_NAME: z.string().min(1).default("和み商店"),
  /** Signs session tokens. The launcher generates one into data/ when it is not set. */
  NEXTAUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  /** Encrypts secrets at rest (gateway passwords, card-member ids). The launcher generates one into data/ when unset. */
  APP_ENCRYPTION_KEY: z.string().min(32, "must be at least 32 characters").optional(),
  ADMIN_EMAIL: z.string().email().default("admin@example.com"),
  /** Every admin must set up a second factor (TOTP, /admin/security) before any other admin page; off by default. */
  ADMIN_REQUIRE_2FA: bool.default(false),
  SHIPPING_FEE_YEN: z.coerce.number().int().min(0).default(800),
  FREE_SHIPPING_THRESHOLD_YEN: z.coerce.number().int().min(0).default(10000),
  /** A JSON file with the 特定商取引法 / privacy texts; defaults to content/legal.json. */
  LEGAL_FILE: z.string().default("content/legal.json"),
  /** "emulator" talks to the local e-SCOTT sandbox; "sps" to Sony Payment Services' hosts. */
  ESCOTT_TARGET: z.enum(["emulator", "sps"]).default("emulator"),
  ESCOTT_EMULATOR_URL: url.default(`http://localhost:${DEMO_CONTRACT.port}`),
  ESCOTT_TIMEOUT_MS: z.coerce.number().int().min(100).max(300_000).default(60_000),
  EMULATOR_AUTOSTART: bool.default(true),
  /** Lets a shop with a public SITE_URL run against the emulator (a public demo); every page says so. */
  ALLOW_EMULATOR_IN_PRODUCTION: bool.default(false),
  /** SMTP server for order e-mails, e.g. smtp://user:pass@mail.example.com:587; unset = keep them in the outbox (/admin/outbox). */
  SMTP_URL: z.string().regex(/^smtps?:\/\//, "must start with smtp:// or smtps://").optional(),
  /** Sender of order e-mails; defaults to the shop name at noreply@<SITE_URL host>. */
  MAIL_FROM: z.string().min(3).optional(),
  /** Minutes between runs of the gateways' periodic work (CVS deadlines, abandoned card attempts); 0 = off. */
  HOUSEKEEPING_MINUTES: z.coerce.number().int().min(0).max(1440).default(10),
});

export type Env = z.infer<typeof envSchema>;

export function parseEnv(source: Record<string, string | undefined>): Env {
  // Empty strings count as unset, as in most .env tooling.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const result = envSchema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment configuration:\n${lines.join("\n")}`);
  }
  return result.data;
}

// ── Deployment guards ─────────────────────────────────────────────────────────────────────
// Pure checks of the configuration. The launcher (scripts/launch/prepare.ts) runs
// deploymentProblems() before anything starts; liveModeNeedsHttps() is also enforced where the
// gateways' テストモード is known (saving the settings, offering a payment method).

/** localhost, *.localhost, 127.0.0.0/8 and ::1: a shop only this machine can reach. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, "");
  if (host === "localhost" || host.endsWith(".localhost")) return true;
  if (/^127(\.\d{1,3}){3}$/.test(host)) return true;
  // URL keeps IPv6 hosts in brackets; ::ffff:127.x.y.z is normalised to ::ffff:7fxx:yyzz.
  return host === "[::1]" || host === "::1" || /^\[?::ffff:7f[0-9a-f]{2}:[0-9a-f]{1,4}\]?$/.test(host);
}

export function isLoopbackUrl(url: string): boolean {
  try {
    return isLoopbackHost(new URL(url).hostname);
  } catch {
    return false;
  }
}

/** Live payments (a gateway with テストモード off) need an https:// SITE_URL. */
export function liveModeNeedsHttps(siteUrl: string): boolean {
  try {
    return new URL(siteUrl).protocol !== "https:";
  } catch {
    return true;
  }
}

/** Secrets the launcher can generate into data/ when the environment does not set them. */
export const GENERATED_SECRETS = ["NEXTAUTH_SECRET", "APP_ENCRYPTION_KEY"] as const;
export type GeneratedSecret = (typeof GENERATED_SECRETS)[number];

/**
 * Why this configuration must not start, one message per problem (empty: it may start).
 * `fromDataDir`: the secrets that would come from files in data/ rather than from the environment.
 */
export function deploymentProblems(e: Pick<Env, "SITE_URL" | "ESCOTT_TARGET" | "ALLOW_EMULATOR_IN_PRODUCTION">, fromDataDir: readonly GeneratedSecret[]): string[] {
  if (isLoopbackUrl(e.SITE_URL)) return [];
  const problems: string[] = [];
  if (e.ESCOTT_TARGET === "emulator" && !e.ALLOW_EMULATOR_IN_PRODUCTION) {
    problems.push(
      `SITE_URL ${e.SITE_URL} is not a loopback address, but ESCOTT_TARGET=emulator: shoppers would "pay" the local e-SCOTT emulator. ` +
        `Set ESCOTT_TARGET=sps for real payments, or ALLOW_EMULATOR_IN_PRODUCTION=true for a public demo (every page then says no real payment is made).`,
    );
  }
  if (fromDataDir.length > 0) {
    problems.push(
      `SITE_URL ${e.SITE_URL} is public, so ${fromDataDir.join(" and ")} must come from the environment, not from a file generated into data/. ` +
        `Set ${fromDataDir.map((n) => `${n} (at least 32 random characters)`).join(" and ")}; to keep the existing value, copy it from data/${fromDataDir.map(secretFileOf).join(" / data/")}.`,
    );
  }
  return problems;
}

/** The file in data/ the launcher keeps a generated secret in. */
export function secretFileOf(name: GeneratedSecret): string {
  return name === "NEXTAUTH_SECRET" ? "nextauth.secret" : "encryption.secret";
}

/** Whether every page must say that no real payment is made (the emulator stands in for e-SCOTT). */
export function isDemoEnvironment(e: Pick<Env, "ESCOTT_TARGET">): boolean {
  return e.ESCOTT_TARGET === "emulator";
}

let cached: Env | undefined;

export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
