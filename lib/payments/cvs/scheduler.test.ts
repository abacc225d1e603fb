import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/test/support/db";

let t: TestDb;
let runExpiryCheck: typeof import("@/lib/payments/cvs/scheduler").runExpiryCheck;
beforeAll(async () => {
  t = await createTestDb();
  // Nothing listens there: the check must not need e-SCOTT when nothing is due.
  Object.assign(process.env, { DATABASE_URL: t.url, APP_ENCRYPTION_KEY: "scheduler-test-key-".repeat(2), ESCOTT_TARGET: "emulator", ESCOTT_EMULATOR_URL: "http://127.0.0.1:9" });
  ({ runExpiryCheck } = await import("@/lib/payments/cvs/scheduler"));
});
afterAll(async () => {
  await t.cleanup();
});

describe("runExpiryCheck", () => {
  it("skips while the gateway is disabled, unless asked to run anyway (the cron job)", async () => {
    expect(await runExpiryCheck({ onlyWhenEnabled: true })).toBeNull();
    expect(await runExpiryCheck({ onlyWhenEnabled: false })).toEqual({ checked: 0, expired: 0, paid: 0, skipped: 0, abandoned: 0 });
  });

  it("never runs twice at once in one process", async () => {
    const [a, b] = await Promise.all([runExpiryCheck({ onlyWhenEnabled: false }), runExpiryCheck({ onlyWhenEnabled: false })]);
    expect([a, b].filter((r) => r === null)).toHaveLength(1);
    expect(await runExpiryCheck({ onlyWhenEnabled: false })).not.toBeNull();
  });
});
