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
  SHIPPING_FEE_YEN: z.coerce.number().int().min(0).default(800),
  FREE_SHIPPING_THRESHOLD_YEN: z.coerce.number().int().min(0).default(10000),
  /** A JSON file with the 特定商取引法 / privacy texts; defaults to content/legal.json. */
  LEGAL_FILE: z.string().default("content/legal.json"),
  /** "emulator" talks to the local e-SCOTT sandbox; "sps" to Sony Payment Services' hosts. */
  ESCOTT_TARGET: z.enum(["emulator", "sps"]).default("emulator"),
  ESCOTT_EMULATOR_URL: url.default(`http://localhost:${DEMO_CONTRACT.port}`),
  ESCOTT_TIMEOUT_MS: z.coerce.number().int().min(100).max(300_000).default(60_000),
  EMULATOR_AUTOSTART: bool.default(true),
  /** SMTP server for order e-mails, e.g. smtp://user:pass@mail.example.com:587; unset = keep them in the outbox (/admin/outbox). */
  SMTP_URL: z.string().regex(/^smtps?:\/\//, "must start with smtp:// or smtps://").optional(),
  /** Sender of order e-mails; defaults to the shop name at noreply@<SITE_URL host>. */
  MAIL_FROM: z.string().min(3).optional(),
  /** Minutes between the in-process checks for unpaid convenience-store payments past their deadline; 0 = off (use npm run jobs:expire). */
  CVS_EXPIRY_CHECK_MINUTES: z.coerce.number().int().min(0).max(1440).default(10),
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

let cached: Env | undefined;

export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
