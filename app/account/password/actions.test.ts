// Changing a password through the real server action on a real database.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { sessionUser, startUserSession } from "@/lib/auth/sessions";
import { createTestDb, type TestDb } from "@/test/support/db";
import { loggedIn, type MockSession } from "@/test/support/session";

const session = vi.hoisted(() => ({ current: null as null | MockSession }));
vi.mock("next-auth", () => ({ getServerSession: async () => session.current }));

let t: TestDb;
let changePasswordAction: typeof import("@/app/account/password/actions").changePasswordAction;
beforeAll(async () => {
  t = await createTestDb();
  process.env.DATABASE_URL = t.url;
  ({ changePasswordAction } = await import("@/app/account/password/actions"));
});
afterAll(async () => {
  await t.cleanup();
});
beforeEach(async () => {
  await t.db.throttleCounter.deleteMany();
});

const OLD = "old-password-123";

async function customer(id: string, role: "customer" | "admin" = "customer") {
  session.current = await loggedIn(t.db, { id, email: `${id}@shop.test`, role });
  await t.db.user.update({ where: { id }, data: { passwordHash: await hashPassword(OLD) } });
  return session.current;
}

describe("changePasswordAction", () => {
  it("needs the current password; changes the hash and ends every other login, keeping this one", async () => {
    const me = await customer("u-change");
    const phone = await startUserSession(t.db, "u-change");
    expect(await changePasswordAction({ current: "wrong-one", password: "new-password-456", passwordConfirm: "new-password-456" })).toEqual({ ok: false, errors: { current: "errors.currentPasswordWrong" } });
    expect(await changePasswordAction({ current: OLD, password: "new-password-456", passwordConfirm: "new-password-456" })).toEqual({ ok: true });
    const row = await t.db.user.findUniqueOrThrow({ where: { id: "u-change" } });
    expect(await verifyPassword("new-password-456", row.passwordHash)).toBe(true);
    expect(await sessionUser(t.db, phone, "u-change")).toBeNull();
    expect(await sessionUser(t.db, me.sid, "u-change")).not.toBeNull();
  });

  it("refuses common and short passwords; administrators need 12 characters", async () => {
    await customer("u-policy");
    expect(await changePasswordAction({ current: OLD, password: "Password123", passwordConfirm: "Password123" })).toEqual({ ok: false, errors: { password: "errors.passwordCommon" } });
    expect(await changePasswordAction({ current: OLD, password: "short", passwordConfirm: "short" })).toEqual({ ok: false, errors: { password: "errors.passwordLength" } });
    await customer("a-policy", "admin");
    expect(await changePasswordAction({ current: OLD, password: "eleven-char", passwordConfirm: "eleven-char" })).toEqual({ ok: false, errors: { password: "errors.passwordLengthAdmin" } });
    expect((await changePasswordAction({ current: OLD, password: "twelve-chars", passwordConfirm: "twelve-chars" })).ok).toBe(true);
  });

  it("guessing the current password from a borrowed session is throttled", async () => {
    await customer("u-guess");
    for (let i = 0; i < 10; i++) await changePasswordAction({ current: `guess-${i}`, password: "new-password-789", passwordConfirm: "new-password-789" });
    expect(await changePasswordAction({ current: OLD, password: "new-password-789", passwordConfirm: "new-password-789" })).toEqual({ ok: false, errors: { current: "account.tooManyAttempts" } });
  });

  it("does nothing without a login", async () => {
    session.current = null;
    expect((await changePasswordAction({ current: OLD, password: "new-password-000", passwordConfirm: "new-password-000" })).ok).toBe(false);
  });
});
