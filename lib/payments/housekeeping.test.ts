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
    expect(await runHousekeeping()).toEqual({ card: { abandoned: 0, interrupted: 0 }, cvs: null, shop: { throttleCountersPruned: 0, sessionsPruned: 0, rejectionCountsPruned: 0, authTokensPruned: 0 } });
    expect(await runHousekeeping({ awaitMail: true })).toEqual({
      card: { abandoned: 0, interrupted: 0 },
      cvs: { checked: 0, expired: 0, paid: 0, skipped: 0, abandoned: 0 },
      shop: { throttleCountersPruned: 0, sessionsPruned: 0, rejectionCountsPruned: 0, authTokensPruned: 0 },
    });
  });

  it("skips its round while another instance holds the lease, and takes over once it has expired", async () => {
    const { HOUSEKEEPING_LEASE_MS } = await import("@/lib/payments/housekeeping");
    await t.db.jobLease.create({ data: { name: "housekeeping", holder: "other-instance", expiresAt: new Date(Date.now() + HOUSEKEEPING_LEASE_MS) } });
    expect(await runHousekeeping()).toBeNull();
    // The other instance died: its lease runs out and this one does the work.
    await t.db.jobLease.update({ where: { name: "housekeeping" }, data: { expiresAt: new Date(Date.now() - 1) } });
    expect(await runHousekeeping()).not.toBeNull();
    expect(await t.db.jobLease.count()).toBe(0);
  });

  it("prunes expired throttle counters", async () => {
    await t.db.throttleCounter.create({ data: { key: "login-ip:x:1", count: 3, expiresAt: new Date(Date.now() - 1000) } });
    expect((await runHousekeeping())?.shop).toEqual({ throttleCountersPruned: 1, sessionsPruned: 0, rejectionCountsPruned: 0, authTokensPruned: 0 });
  });

  it("never runs twice at once in one process", async () => {
    const [a, b] = await Promise.all([runHousekeeping(), runHousekeeping()]);
    expect([a, b].filter((r) => r === null)).toHaveLength(1);
  });
});
