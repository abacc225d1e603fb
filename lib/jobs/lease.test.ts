import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { acquireLease, releaseHeldLeases, releaseLease, withLease } from "@/lib/jobs/lease";
import { createTestDb, type TestDb } from "@/test/support/db";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.cleanup();
});

const at = (iso: string) => new Date(iso);

describe("job leases", () => {
  it("one of many instances asking at the same moment gets a free lease", async () => {
    const holders = Array.from({ length: 12 }, (_, i) => `instance-${i}`);
    const got = await Promise.all(holders.map((h) => acquireLease(t.db, "race", 60_000, h)));
    expect(got.filter(Boolean)).toHaveLength(1);
    const row = await t.db.jobLease.findUniqueOrThrow({ where: { name: "race" } });
    expect(row.holder).toBe(holders[got.indexOf(true)]);
  });

  it("a live lease is refused to others and renewed for its holder", async () => {
    const now = at("2026-12-01T00:00:00Z");
    expect(await acquireLease(t.db, "live", 60_000, "a", now)).toBe(true);
    expect(await acquireLease(t.db, "live", 60_000, "b", at("2026-12-01T00:00:59Z"))).toBe(false);
    expect(await acquireLease(t.db, "live", 60_000, "a", at("2026-12-01T00:00:30Z"))).toBe(true);
    // Renewed at :30, so still a's at 1:20.
    expect(await acquireLease(t.db, "live", 60_000, "b", at("2026-12-01T00:01:20Z"))).toBe(false);
  });

  it("an expired lease (its holder died) is taken over by exactly one of the others", async () => {
    expect(await acquireLease(t.db, "crashed", 30_000, "dead", at("2026-12-01T00:00:00Z"))).toBe(true);
    const later = at("2026-12-01T00:00:31Z");
    const got = await Promise.all(["x", "y", "z", "w"].map((h) => acquireLease(t.db, "crashed", 30_000, h, later)));
    expect(got.filter(Boolean)).toHaveLength(1);
    expect((await t.db.jobLease.findUniqueOrThrow({ where: { name: "crashed" } })).holder).not.toBe("dead");
  });

  it("release only gives back one's own lease", async () => {
    expect(await acquireLease(t.db, "mine", 60_000, "owner")).toBe(true);
    await releaseLease(t.db, "mine", "intruder");
    expect(await t.db.jobLease.count({ where: { name: "mine" } })).toBe(1);
    await releaseLease(t.db, "mine", "owner");
    expect(await t.db.jobLease.count({ where: { name: "mine" } })).toBe(0);
  });

  it("withLease runs the work once across concurrent callers and frees the lease after", async () => {
    let runs = 0;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const first = withLease(
      t.db,
      "job",
      60_000,
      async () => {
        runs++;
        await gate;
        return "done";
      },
      "instance-a",
    );
    // Let the first take the lease before the second asks.
    await new Promise((r) => setTimeout(r, 50));
    expect(await withLease(t.db, "job", 60_000, async () => runs++, "instance-b")).toBeNull();
    release();
    expect(await first).toBe("done");
    expect(runs).toBe(1);
    expect(await t.db.jobLease.count({ where: { name: "job" } })).toBe(0);
  });

  it("releaseHeldLeases gives back what this process holds (graceful shutdown)", async () => {
    expect(await acquireLease(t.db, "held-1", 60_000)).toBe(true);
    expect(await acquireLease(t.db, "held-2", 60_000)).toBe(true);
    expect((await releaseHeldLeases()).sort()).toEqual(expect.arrayContaining(["held-1", "held-2"]));
    expect(await t.db.jobLease.count({ where: { name: { in: ["held-1", "held-2"] } } })).toBe(0);
  });
});
