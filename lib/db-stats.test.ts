import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createDb } from "@/lib/db";
import { dbStats } from "@/lib/db-stats";
import { applyMigrations } from "@/scripts/db/migrate";

let dir: string;
let url: string;
beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "db-stats-"));
  url = `file:${path.join(dir, "t.db")}`;
  await applyMigrations(url);
});
afterEach(() => {
  delete process.env.BENCH_TIMING;
  delete process.env.BENCH_TIMING_SQL;
  rmSync(dir, { recursive: true, force: true });
});

function delta(before: ReturnType<typeof dbStats>) {
  const now = dbStats();
  return { queries: now.queries - before.queries, transactions: now.transactions - before.transactions };
}

describe("db stats (BENCH_TIMING=1)", () => {
  it("counts statements and transactions, inside transactions too", async () => {
    process.env.BENCH_TIMING = "1";
    const db = createDb(url);
    try {
      await db.user.count(); // connects
      const before = { ...dbStats() };
      await db.user.count();
      expect(delta(before)).toEqual({ queries: 1, transactions: 0 });
      const mid = { ...dbStats() };
      await db.$transaction(async (tx) => {
        await tx.user.create({ data: { email: "a@example.com", passwordHash: "x" } });
        await tx.user.count();
      });
      const d = delta(mid);
      expect(d.transactions).toBe(1);
      expect(d.queries).toBeGreaterThanOrEqual(2);
      expect(dbStats().queryMs).toBeGreaterThan(0);
      expect(dbStats().sql).toEqual([]);

      process.env.BENCH_TIMING_SQL = "1";
      await db.user.findMany({ where: { email: "a@example.com" } });
      expect(dbStats().sql.at(-1)).toMatch(/^SELECT .*User/);
    } finally {
      await db.$disconnect();
    }
  });

  it("counts nothing when BENCH_TIMING is not set", async () => {
    const db = createDb(url);
    try {
      const before = { ...dbStats() };
      await db.user.count();
      await db.$transaction(async (tx) => tx.user.count());
      expect(delta(before)).toEqual({ queries: 0, transactions: 0 });
    } finally {
      await db.$disconnect();
    }
  });
});
