// `npm run jobs:housekeeping`: every gateway's periodic work once (CVS deadlines, abandoned card
// attempts), for cron. Same configuration as `npm start` (.env, generated secrets in data/);
// prints what it did as JSON.
import { loadDotEnv, resolveConfig } from "@/scripts/launch/prepare";

loadDotEnv();
const { childEnv } = resolveConfig(process.env);
Object.assign(process.env, childEnv);

// Imported only now: the app's modules read the environment prepared above.
const { runHousekeeping } = await import("@/lib/payments/housekeeping");
const { db } = await import("@/lib/db");
try {
  const report = await runHousekeeping({ awaitMail: true });
  // null: a shop instance is doing this round right now (it holds the lease); nothing to do.
  console.log(JSON.stringify(report ?? { skipped: "another instance holds the housekeeping lease" }));
} catch (err) {
  console.error("housekeeping failed:", err instanceof Error ? err.message : err);
  process.exitCode = 1;
} finally {
  await db().$disconnect();
}
