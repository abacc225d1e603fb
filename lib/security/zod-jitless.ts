// zod 4 probes `new Function("")` the first time a schema is built, to decide whether it may compile its parsers.
// Our Content-Security-Policy has no 'unsafe-eval' (proxy.ts, lib/security/csp.ts), so the probe is blocked —
// harmlessly, but the browser reports it as a violation from every page with a form, which would raise a false
// alarm on the admin dashboard. jitless mode skips the probe (and the compiled parsers, which forms don't need).
//
// zod keeps its settings in one global object, `globalThis.__zod_globalConfig` (shared by every copy of zod on a
// page; `z.config()` writes there, zod/v4/core/core.js). Writing the flag there directly, before any schema
// exists, is `z.config({ jitless: true })` without importing zod: importing only `config` from zod's core still
// shipped ≈5 KB gzip of it to every page. zod-jitless.test.ts checks that zod reads the flag from there.

const ZOD_CONFIG_GLOBAL = "__zod_globalConfig";

export function setZodJitless(): void {
  const g = globalThis as unknown as Record<typeof ZOD_CONFIG_GLOBAL, { jitless?: boolean } | undefined>;
  (g[ZOD_CONFIG_GLOBAL] ??= {}).jitless = true;
}
