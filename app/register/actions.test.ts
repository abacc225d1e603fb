// Registration through the real server action on a real database: throttled per client address.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { REGISTER_IP } from "@/lib/auth/register-throttle";
import { createTestDb, type TestDb } from "@/test/support/db";

const client = { ip: "198.51.100.7" };
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-shop-client-ip": client.ip }), cookies: async () => ({ get: () => undefined }) }));

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

  it("a new account is unverified and gets one verification e-mail; its link verifies it once", async () => {
    client.ip = "192.0.2.77";
    const email = "verify-me@shop.test";
    expect(await registerAction({ email, password: "a-long-password-1", passwordConfirm: "a-long-password-1" })).toEqual({ ok: true });
    const user = await t.db.user.findUniqueOrThrow({ where: { email } });
    expect(user.emailVerifiedAt).toBeNull();
    const mails = await t.db.emailMessage.findMany({ where: { to: email } });
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ kind: "email_verify", subject: expect.stringContaining("メールアドレスのご確認") });
    const token = /\/verify-email\/([A-Za-z0-9_-]{43})/.exec(mails[0]!.body)?.[1];
    expect(token).toBeDefined();
    const { verifyEmail } = await import("@/lib/auth/email-verification");
    expect(await verifyEmail(t.db, token)).toBe(true);
    expect((await t.db.user.findUniqueOrThrow({ where: { email } })).emailVerifiedAt).toBeInstanceOf(Date);
    expect(await verifyEmail(t.db, token)).toBe(false);
  });
});
