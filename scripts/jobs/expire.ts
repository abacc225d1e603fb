// `npm run jobs:expire`: the convenience-store expiry check, once (for cron). Same configuration
// as `npm start` (.env, generated secrets in data/); prints what it did as JSON.
import { loadDotEnv, resolveConfig } from "@/scripts/launch/prepare";

loadDotEnv();
const { childEnv } = resolveConfig(process.env);
Object.assign(process.env, childEnv);

// Imported only now: the app's modules read the environment prepared above.
const { runExpiryCheck } = await import("@/lib/payments/cvs/scheduler");
const { db } = await import("@/lib/db");
try {
  const report = await runExpiryCheck({ onlyWhenEnabled: false, awaitMail: true });
  console.log(JSON.stringify(report));
} catch (err) {
  console.error("expiry check failed:", err instanceof Error ? err.message : err);
  process.exitCode = 1;
} finally {
  await db().$disconnect();
}
