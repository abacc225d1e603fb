import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { endAllUserSessions, endUserSession, pruneExpiredSessions, sessionUser, startUserSession } from "@/lib/auth/sessions";
import { createTestDb, type TestDb } from "@/test/support/db";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  await t.db.user.createMany({
    data: [
      { id: "u1", email: "hanako@shop.test", passwordHash: "x", role: "admin" },
      { id: "u2", email: "taro@shop.test", passwordHash: "x", role: "customer" },
    ],
  });
});
afterAll(async () => {
  await t.cleanup();
});

describe("revocable sessions", () => {
  it("a live session gives the user as the database has them now (a demoted admin is a customer at once)", async () => {
    const sid = await startUserSession(t.db, "u1");
    expect(await sessionUser(t.db, sid, "u1")).toEqual({ id: "u1", email: "hanako@shop.test", role: "admin", sessionId: sid, twoFactor: { enabled: false, passed: false } });
    await t.db.user.update({ where: { id: "u1" }, data: { role: "customer" } });
    expect(await sessionUser(t.db, sid, "u1")).toMatchObject({ role: "customer" });
    await t.db.user.update({ where: { id: "u1" }, data: { role: "admin" } });
  });

  it("logout ends the session: the same (copied) token no longer works", async () => {
    const sid = await startUserSession(t.db, "u2");
    await endUserSession(t.db, sid);
    expect(await sessionUser(t.db, sid, "u2")).toBeNull();
  });

  it("a session id is only good for its own user, and not after it expires", async () => {
    const sid = await startUserSession(t.db, "u2", new Date("2026-01-01T00:00:00Z"));
    expect(await sessionUser(t.db, sid, "u1")).toBeNull();
    expect(await sessionUser(t.db, sid, "u2", new Date("2026-01-02T00:00:00Z"))).not.toBeNull();
    expect(await sessionUser(t.db, sid, "u2", new Date("2026-02-01T00:00:00Z"))).toBeNull();
    expect(await pruneExpiredSessions(t.db, new Date("2026-02-01T00:00:00Z"))).toBeGreaterThanOrEqual(1);
    expect(await t.db.userSession.count({ where: { id: sid } })).toBe(0);
  });

  it("log out everywhere ends every login of the user, and only theirs (optionally keeping one)", async () => {
    const a = await startUserSession(t.db, "u2");
    const b = await startUserSession(t.db, "u2");
    const other = await startUserSession(t.db, "u1");
    expect(await endAllUserSessions(t.db, "u2", b)).toBeGreaterThanOrEqual(1);
    expect(await sessionUser(t.db, a, "u2")).toBeNull();
    expect(await sessionUser(t.db, b, "u2")).not.toBeNull();
    await endAllUserSessions(t.db, "u2");
    expect(await sessionUser(t.db, b, "u2")).toBeNull();
    expect(await sessionUser(t.db, other, "u1")).not.toBeNull();
  });
});
