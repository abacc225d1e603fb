import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withoutNul } from "@/lib/nul-safe-adapter";
import { createTestDb, type TestDb } from "@/test/support/db";

describe("withoutNul", () => {
  it("replaces NUL in strings and string lists, leaves everything else", () => {
    expect(withoutNul("a\u0000b\u0000")).toBe("a\uFFFDb\uFFFD");
    expect(withoutNul(["x\u0000", 1, null])).toEqual(["x\uFFFD", 1, null]);
    const bytes = new Uint8Array([0, 1]);
    expect(withoutNul(bytes)).toBe(bytes);
    expect(withoutNul(5)).toBe(5);
  });
});

// On PostgreSQL (TEST_DB_ENGINE=postgresql) a NUL reached the server and the query failed; on SQLite
// these passed all along: the same answers on both engines are the point.
describe("NUL in query arguments, on the test's database engine", () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(async () => {
    await t.cleanup();
  });

  it("a lookup finds nothing instead of failing, in and out of transactions", async () => {
    await expect(t.db.user.findUnique({ where: { email: "nul\u0000@example.com" } })).resolves.toBeNull();
    await expect(t.db.user.findMany({ where: { email: { in: ["a\u0000", "b"] } } })).resolves.toEqual([]);
    await expect(t.db.$transaction(async (tx) => tx.user.count({ where: { email: "x\u0000" } }))).resolves.toBe(0);
  });

  it("a write stores the text (with U+FFFD on PostgreSQL) instead of failing", async () => {
    const user = await t.db.user.create({ data: { email: "write\u0000@example.com", passwordHash: "x" } });
    expect(["write\u0000@example.com", "write\uFFFD@example.com"]).toContain(user.email);
  });
});
