import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/test/support/db";

let t: TestDb;
let runHousekeeping: typeof import("@/lib/payments/housekeeping").runHousekeeping;
beforeAll(async () => {
  t = await createTestDb();
  // Nothing listens there: with nothing due, no gateway needs e-SCOTT.
  Object.assign(process.env, { DATABASE_URL: t.url, APP_ENCRYPTION_KEY: "housekeeping-test-key-".repeat(2), ESCOTT_TARGET: "emulator", ESCOTT_EMULATOR_URL: "http://127.0.0.1:9" });
  ({ runHousekeeping } = await import("@/lib/payments/housekeeping"));
});
afterAll(async () => {
  await t.cleanup();
});

describe("runHousekeeping", () => {
  it("asks every gateway; the CVS check waits for the gateway to be enabled unless run for cron", async () => {
    expect(await runHousekeeping()).toEqual({ card: { abandoned: 0, interrupted: 0 }, cvs: null });
    expect(await runHousekeeping({ awaitMail: true })).toEqual({
      card: { abandoned: 0, interrupted: 0 },
      cvs: { checked: 0, expired: 0, paid: 0, skipped: 0, abandoned: 0 },
    });
  });

  it("never runs twice at once in one process", async () => {
    const [a, b] = await Promise.all([runHousekeeping(), runHousekeeping()]);
    expect([a, b].filter((r) => r === null)).toHaveLength(1);
  });
});
