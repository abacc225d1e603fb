// Registration through the real server action on a real database: throttled per client address.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { REGISTER_IP } from "@/lib/auth/register-throttle";
import { createTestDb, type TestDb } from "@/test/support/db";

const client = { ip: "198.51.100.7" };
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-shop-client-ip": client.ip }) }));

let t: TestDb;
let registerAction: typeof import("@/app/register/actions").registerAction;
beforeAll(async () => {
  t = await createTestDb();
  Object.assign(process.env, { DATABASE_URL: t.url });
  ({ registerAction } = await import("@/app/register/actions"));
});
afterAll(async () => {
  await t.cleanup();
});

const account = (i: number) => ({ email: `bulk${i}@shop.test`, password: "a-long-password-1", passwordConfirm: "a-long-password-1" });

describe("registerAction", () => {
  it("refuses bulk registration from one address, creating nothing more; another address still registers", { timeout: 60_000 }, async () => {
    for (let i = 0; i < REGISTER_IP.limit; i++) expect(await registerAction(account(i))).toEqual({ ok: true });
    expect(await registerAction(account(999))).toEqual({ ok: false, errors: { email: "account.tooManyRegistrations" } });
    expect(await t.db.user.count({ where: { email: { startsWith: "bulk" } } })).toBe(REGISTER_IP.limit);
    client.ip = "203.0.113.8";
    expect(await registerAction(account(1000))).toEqual({ ok: true });
  });
});
