// Emulator configuration: defaults (the demo contract shared with the shop, lib/escott/demo-contract.ts) ← environment ← programmatic options.
// Every value is validated with zod so that a typo fails at start-up with the name of the offending variable
// instead of surfacing later as a confusing K02/K03 from the emulator.
import { z } from "zod";
import { DEMO_CONTRACT, type DemoCardContract, type DemoCvsContract } from "../lib/escott/demo-contract";

/** The merchant credentials the emulator accepts: the demo contract's shape (lib/escott/demo-contract.ts). */
export type CardMerchantConfig = DemoCardContract;
export type CvsMerchantConfig = DemoCvsContract;

export interface EmulatorConfig {
  /** 0 = pick a free port. */
  port: number;
  host: string;
  /** Base URL browsers use to reach the emulator; undefined = http://localhost:<port>. */
  publicUrl: string | undefined;
  card: CardMerchantConfig;
  cvs: CvsMerchantConfig;
  /** Where 入金結果通知 are POSTed (can be changed at run time through the control API). */
  notifyUrl: string;
  /** JSON file that keeps the state across restarts; undefined = memory only. */
  stateFile: string | undefined;
  /** Delay applied to every server call that involves the "slow" test card. */
  slowMs: number;
  /** Added to every server-to-server call (benchmarks: the real gateway's round trip); changeable through /_control/latency. */
  latencyMs: number;
  /** How long a "timeout" fault keeps the connection open before closing it. */
  hangMs: number;
  /** Token lifetime (KI3 afterwards). */
  tokenTtlMs: number;
  /** First retry delay of the notification sender (doubles per attempt, capped at 60 s). */
  notifyRetryMs: number;
  notifyMaxAttempts: number;
  /** Per-attempt timeout of a notification POST. */
  notifyTimeoutMs: number;
  /** Suppress the per-request log lines. */
  quiet: boolean;
}

export type EmulatorOptions = Partial<Omit<EmulatorConfig, "card" | "cvs">> & {
  card?: Partial<CardMerchantConfig>;
  cvs?: Partial<CvsMerchantConfig>;
  /** Environment to read EMULATOR_* from; defaults to process.env. Pass {} to ignore the environment. */
  env?: Record<string, string | undefined>;
};

export const TUNING_DEFAULTS = {
  host: "127.0.0.1",
  slowMs: 5_000,
  latencyMs: 0,
  hangMs: 120_000,
  tokenTtlMs: 30 * 60_000,
  notifyRetryMs: 2_000,
  notifyMaxAttempts: 10,
  notifyTimeoutMs: 10_000,
} as const;

export function defaultConfig(): EmulatorConfig {
  return {
    port: DEMO_CONTRACT.port,
    host: TUNING_DEFAULTS.host,
    publicUrl: undefined,
    card: { ...DEMO_CONTRACT.card },
    cvs: { ...DEMO_CONTRACT.cvs },
    notifyUrl: DEMO_CONTRACT.notificationUrl,
    stateFile: undefined,
    slowMs: TUNING_DEFAULTS.slowMs,
    latencyMs: TUNING_DEFAULTS.latencyMs,
    hangMs: TUNING_DEFAULTS.hangMs,
    tokenTtlMs: TUNING_DEFAULTS.tokenTtlMs,
    notifyRetryMs: TUNING_DEFAULTS.notifyRetryMs,
    notifyMaxAttempts: TUNING_DEFAULTS.notifyMaxAttempts,
    notifyTimeoutMs: TUNING_DEFAULTS.notifyTimeoutMs,
    quiet: false,
  };
}

const httpUrl = z.string().refine((value) => {
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
}, "must be an absolute http(s) URL");

const digits = z.string().regex(/^\d{1,13}$/, "must be 1-13 digits");
const alnum = z.string().regex(/^[A-Za-z0-9]+$/, "must be half-width alphanumerics");
const aes16 = z.string().regex(/^[\x21-\x7e]{16}$/, "must be exactly 16 printable ASCII characters");
const millis = z.coerce.number().int().min(0).max(24 * 3_600_000);

const configSchema = z.object({
  port: z.coerce.number().int().min(0).max(65_535),
  host: z.string().min(1),
  publicUrl: httpUrl.optional(),
  card: z.object({
    merchantId: digits,
    merchantPass: alnum,
    tenantId: z.string().regex(/^[A-Za-z0-9]{1,10}$/, "must be 1-10 alphanumerics"),
    tokenAuthCode: alnum,
    aesKey: aes16,
    aesIv: aes16,
  }),
  cvs: z.object({ merchantId: digits, merchantPass: alnum }),
  notifyUrl: httpUrl,
  stateFile: z.string().min(1).optional(),
  slowMs: millis,
  latencyMs: z.coerce.number().int().min(0).max(60_000),
  hangMs: millis,
  tokenTtlMs: millis,
  notifyRetryMs: millis,
  notifyMaxAttempts: z.coerce.number().int().min(1).max(100),
  notifyTimeoutMs: millis,
  quiet: z.boolean(),
});

/** Environment variable → config path. */
export const ENV_VARIABLES: ReadonlyArray<readonly [string, string]> = [
  ["EMULATOR_PORT", "port"],
  ["EMULATOR_HOST", "host"],
  ["EMULATOR_PUBLIC_URL", "publicUrl"],
  ["EMULATOR_CARD_MERCHANT_ID", "card.merchantId"],
  ["EMULATOR_CARD_MERCHANT_PASS", "card.merchantPass"],
  ["EMULATOR_TENANT_ID", "card.tenantId"],
  ["EMULATOR_TOKEN_AUTH_CODE", "card.tokenAuthCode"],
  ["EMULATOR_AES_KEY", "card.aesKey"],
  ["EMULATOR_AES_IV", "card.aesIv"],
  ["EMULATOR_CVS_MERCHANT_ID", "cvs.merchantId"],
  ["EMULATOR_CVS_MERCHANT_PASS", "cvs.merchantPass"],
  ["EMULATOR_NOTIFY_URL", "notifyUrl"],
  ["EMULATOR_STATE_FILE", "stateFile"],
  ["EMULATOR_SLOW_MS", "slowMs"],
  ["EMULATOR_LATENCY_MS", "latencyMs"],
  ["EMULATOR_HANG_MS", "hangMs"],
  ["EMULATOR_TOKEN_TTL_MS", "tokenTtlMs"],
  ["EMULATOR_NOTIFY_RETRY_MS", "notifyRetryMs"],
  ["EMULATOR_NOTIFY_MAX_ATTEMPTS", "notifyMaxAttempts"],
  ["EMULATOR_NOTIFY_TIMEOUT_MS", "notifyTimeoutMs"],
];

export class ConfigError extends Error {}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const [head, tail] = path.split(".") as [string, string | undefined];
  if (tail === undefined) {
    target[head] = value;
    return;
  }
  const nested = target[head];
  if (typeof nested === "object" && nested !== null) (nested as Record<string, unknown>)[tail] = value;
}

function describe(issue: z.core.$ZodIssue, origin: (path: string) => string): string {
  const path = issue.path.map(String).join(".");
  return `${origin(path)}: ${issue.message}`;
}

/** Merge defaults, EMULATOR_* environment variables and explicit options, validating the result. */
export function resolveConfig(options: EmulatorOptions = {}): EmulatorConfig {
  const env = options.env ?? process.env;
  const merged = defaultConfig() as unknown as Record<string, unknown>;
  const fromEnv = new Map<string, string>(); // config path → variable name, for error messages

  for (const [variable, path] of ENV_VARIABLES) {
    const raw = env[variable];
    if (raw === undefined || raw.trim() === "") continue;
    setPath(merged, path, raw.trim());
    fromEnv.set(path, variable);
  }
  const envQuiet = env.EMULATOR_QUIET;
  if (envQuiet !== undefined && envQuiet !== "") merged.quiet = envQuiet === "1" || envQuiet === "true";

  const { card, cvs, env: _env, ...rest } = options;
  void _env;
  for (const [key, value] of Object.entries(rest)) {
    if (value !== undefined) merged[key] = value;
  }
  // Explicit `stateFile: undefined`/`publicUrl: undefined` in options mean "none", even if the environment sets one.
  if ("stateFile" in options && options.stateFile === undefined) merged.stateFile = undefined;
  if ("publicUrl" in options && options.publicUrl === undefined) merged.publicUrl = undefined;
  for (const [key, value] of Object.entries(card ?? {})) if (value !== undefined) setPath(merged, `card.${key}`, value);
  for (const [key, value] of Object.entries(cvs ?? {})) if (value !== undefined) setPath(merged, `cvs.${key}`, value);

  const parsed = configSchema.safeParse(merged);
  if (!parsed.success) {
    const origin = (path: string) => {
      const variable = fromEnv.get(path);
      return variable ? `environment variable ${variable}` : `option ${path}`;
    };
    throw new ConfigError(`Invalid emulator configuration — ${parsed.error.issues.map((i) => describe(i, origin)).join("; ")}`);
  }
  return { ...parsed.data, publicUrl: parsed.data.publicUrl?.replace(/\/+$/, ""), stateFile: parsed.data.stateFile };
}
