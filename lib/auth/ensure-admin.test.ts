import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ensureAdmin } from "@/lib/auth/ensure-admin";
import { verifyPassword } from "@/lib/auth/password";
import { createTestDb, type TestDb } from "@/test/support/db";

let t: TestDb;
beforeEach(async () => {
  t = await createTestDb();
});
afterEach(async () => {
  await t.cleanup();
});

describe("ensureAdmin", () => {
  it("creates the first admin once, with a generated password stored only as a hash", async () => {
    const created = await ensureAdmin(t.db, "owner@example.com");
    expect(created?.email).toBe("owner@example.com");
    expect(created?.password.length).toBeGreaterThanOrEqual(16);
    const user = await t.db.user.findUniqueOrThrow({ where: { email: "owner@example.com" } });
    expect(user.role).toBe("admin");
    expect(user.passwordHash).not.toContain(created!.password);
    expect(await verifyPassword(created!.password, user.passwordHash)).toBe(true);

    expect(await ensureAdmin(t.db, "owner@example.com")).toBeNull();
    expect(await t.db.user.count({ where: { role: "admin" } })).toBe(1);
  });
});
