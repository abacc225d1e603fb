// Runs in the browser before the application's own modules (Next.js instrumentation-client).
//
// zod 4 probes `new Function("")` the first time a schema is built, to decide whether it may compile its parsers.
// Our Content-Security-Policy has no 'unsafe-eval' (proxy.ts, lib/security/csp.ts), so the probe is blocked —
// harmlessly, but the browser reports it as a violation from every page with a form, which would raise a false
// alarm on the admin dashboard. jitless mode skips the probe (and the compiled parsers, which forms don't need).
// `config` from zod's core is the same setting as `z.config` (one global object) without pulling the
// whole of zod (≈30 KB gzip) into every page: only the pages whose forms validate load zod itself.
import { config } from "zod/v4/core";

config({ jitless: true });
