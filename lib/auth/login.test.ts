import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accountDelayMs, checkLogin, LOGIN_ACCOUNT, LOGIN_IP, LOGIN_PAIR } from "@/lib/auth/login";
import { hashPassword } from "@/lib/auth/password";
import { hitThrottle } from "@/lib/security/throttle";
import { createTestDb, type TestDb } from "@/test/support/db";

let t: TestDb;
const PASSWORD = "correct horse battery staple";
beforeAll(async () => {
  t = await createTestDb();
  const passwordHash = await hashPassword(PASSWORD);
  await t.db.user.createMany({
    data: [
      { email: "admin@shop.test", passwordHash, role: "admin" },
      ...Array.from({ length: 4 }, (_, i) => ({ email: `user${i}@shop.test`, passwordHash, role: "customer" })),
    ],
  });
});
afterAll(async () => {
  await t.cleanup();
});

const noSleep = { sleep: async () => {} };

describe("login throttling", () => {
  it("the 11th attempt from one address on one account is refused, even with the right password", async () => {
    const outcomes = [];
    for (let i = 0; i < 10; i++) outcomes.push(await checkLogin(t.db, { email: "user0@shop.test", password: `guess-${i}` }, "198.51.100.1", noSleep));
    expect(outcomes.every((o) => !o.ok && o.reason === "invalid")).toBe(true);
    expect(await checkLogin(t.db, { email: "user0@shop.test", password: PASSWORD }, "198.51.100.1", noSleep)).toEqual({ ok: false, reason: "throttled" });
  });

  it("40 parallel guesses: no more than the limit are checked (the race)", async () => {
    const outcomes = await Promise.all(
      Array.from({ length: 40 }, (_, i) => checkLogin(t.db, { email: "user1@shop.test", password: `parallel-${i}` }, "198.51.100.2", noSleep)),
    );
    expect(outcomes.filter((o) => !o.ok && o.reason === "invalid")).toHaveLength(LOGIN_PAIR.limit);
    expect(outcomes.filter((o) => !o.ok && o.reason === "throttled")).toHaveLength(40 - LOGIN_PAIR.limit);
  });

  it("the real admin still logs in from another address while an attacker hammers the account", async () => {
    const attacks = await Promise.all(
      Array.from({ length: 40 }, (_, i) => checkLogin(t.db, { email: "admin@shop.test", password: `attack-${i}` }, "203.0.113.66", noSleep)),
    );
    expect(attacks.some((o) => !o.ok && o.reason === "throttled")).toBe(true);
    const admin = await checkLogin(t.db, { email: "admin@shop.test", password: PASSWORD }, "192.0.2.10", noSleep);
    expect(admin).toMatchObject({ ok: true, user: { email: "admin@shop.test", role: "admin" } });
  });

  it("one password sprayed over many accounts from one address is stopped by the per-address limit", { timeout: 60_000 }, async () => {
    const ip = "198.51.100.3";
    // The first 90 tries of the spray, counted as checkLogin counts them (no bcrypt needed for those).
    for (let i = 0; i < LOGIN_IP.limit - 10; i++) await hitThrottle(t.db, LOGIN_IP, ip);
    let refused = 0;
    for (let i = LOGIN_IP.limit - 10; i < LOGIN_IP.limit + 5; i++) {
      const o = await checkLogin(t.db, { email: `victim${i}@shop.test`, password: "Password123" }, ip, noSleep);
      if (!o.ok && o.reason === "throttled") refused++;
    }
    expect(refused).toBe(5);
    // Even an existing account with its right password is refused from that address now.
    expect(await checkLogin(t.db, { email: "user2@shop.test", password: PASSWORD }, ip, noSleep)).toEqual({ ok: false, reason: "throttled" });
    expect((await checkLogin(t.db, { email: "user2@shop.test", password: PASSWORD }, "198.51.100.4", noSleep)).ok).toBe(true);
  });

  it("an account tried from many addresses slows down, but is never refused to its owner", { timeout: 60_000 }, async () => {
    const waits: number[] = [];
    const sleep = async (ms: number) => {
      waits.push(ms);
    };
    // The botnet's first tries, as checkLogin counts them; then the real ones.
    for (let i = 0; i < LOGIN_ACCOUNT.limit - 5; i++) await hitThrottle(t.db, LOGIN_ACCOUNT, "user3@shop.test");
    for (let i = LOGIN_ACCOUNT.limit - 5; i < LOGIN_ACCOUNT.limit + 3; i++) {
      await checkLogin(t.db, { email: "user3@shop.test", password: `botnet-${i}` }, `10.0.${i}.1`, { sleep });
    }
    expect(waits).toEqual([250, 500, 1000]);
    expect((await checkLogin(t.db, { email: "user3@shop.test", password: PASSWORD }, "10.9.9.9", { sleep })).ok).toBe(true);
    expect(accountDelayMs(LOGIN_ACCOUNT.limit + 50)).toBe(4_000);
  });

  it("a successful login clears its own counter", async () => {
    for (let i = 0; i < 9; i++) await checkLogin(t.db, { email: "user0@shop.test", password: "typo" }, "198.51.100.9", noSleep);
    expect((await checkLogin(t.db, { email: "user0@shop.test", password: PASSWORD }, "198.51.100.9", noSleep)).ok).toBe(true);
    for (let i = 0; i < 9; i++) await checkLogin(t.db, { email: "user0@shop.test", password: "typo" }, "198.51.100.9", noSleep);
    expect((await checkLogin(t.db, { email: "user0@shop.test", password: PASSWORD }, "198.51.100.9", noSleep)).ok).toBe(true);
  });
});
