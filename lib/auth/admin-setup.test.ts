import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { completeAdminSetup, createAdmin, ensureAdmin, setupEmail } from "@/lib/auth/admin-setup";
import { verifyPassword } from "@/lib/auth/password";
import { createTestDb, type TestDb } from "@/test/support/db";

let t: TestDb;
beforeEach(async () => {
  t = await createTestDb();
});
afterEach(async () => {
  await t.cleanup();
});

const good = { password: "a-strong-admin-pass", passwordConfirm: "a-strong-admin-pass" };

describe("first administrator", () => {
  it("is created without a password and a one-time link; nothing secret is returned but the link's token", async () => {
    const setup = await ensureAdmin(t.db, "owner@example.com");
    expect(setup).toMatchObject({ email: "owner@example.com", token: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/) });
    const admin = await t.db.user.findUniqueOrThrow({ where: { email: "owner@example.com" } });
    expect(admin.role).toBe("admin");
    // Cannot log in with any password until set up.
    expect(await verifyPassword("", admin.passwordHash)).toBe(false);
    expect(await setupEmail(t.db, setup!.token)).toBe("owner@example.com");
  });

  it("the link sets a password that meets the admin policy, once; the next start prints nothing", async () => {
    const { token } = (await ensureAdmin(t.db, "owner@example.com"))!;
    expect(await completeAdminSetup(t.db, token, { password: "short-pass", passwordConfirm: "short-pass" })).toMatchObject({ ok: false, errors: { password: "errors.passwordLengthAdmin" } });
    expect(await completeAdminSetup(t.db, token, { password: "password1234", passwordConfirm: "password1234" })).toMatchObject({ ok: false, errors: { password: "errors.passwordCommon" } });
    expect(await completeAdminSetup(t.db, token, good)).toEqual({ ok: true, email: "owner@example.com" });
    const admin = await t.db.user.findUniqueOrThrow({ where: { email: "owner@example.com" } });
    expect(await verifyPassword(good.password, admin.passwordHash)).toBe(true);
    expect(await completeAdminSetup(t.db, token, { password: "another-strong-pass", passwordConfirm: "another-strong-pass" })).toEqual({ ok: false, errors: { form: "auth.linkInvalid" } });
    expect(await ensureAdmin(t.db, "owner@example.com")).toBeNull();
  });

  it("until set up, every start issues a new link and the old one stops working", async () => {
    const first = (await ensureAdmin(t.db, "owner@example.com"))!;
    const second = (await ensureAdmin(t.db, "someone-else@example.com"))!;
    expect(second.email).toBe("owner@example.com");
    expect(await setupEmail(t.db, first.token)).toBeNull();
    expect(await completeAdminSetup(t.db, first.token, good)).toEqual({ ok: false, errors: { form: "auth.linkInvalid" } });
    expect(await completeAdminSetup(t.db, second.token, good)).toMatchObject({ ok: true });
    expect(await t.db.user.count({ where: { role: "admin" } })).toBe(1);
  });

  it("admin:create sets an admin up directly, with the policy, and closes a pending link", async () => {
    const { token } = (await ensureAdmin(t.db, "owner@example.com"))!;
    expect(await createAdmin(t.db, "owner@example.com", "short")).toMatchObject({ ok: false, errors: ["errors.passwordLengthAdmin"] });
    expect(await createAdmin(t.db, "not-an-address", good.password)).toMatchObject({ ok: false, errors: ["errors.email"] });
    expect(await createAdmin(t.db, "Owner@Example.com", good.password)).toEqual({ ok: true, created: false });
    expect(await setupEmail(t.db, token)).toBeNull();
    expect(await createAdmin(t.db, "second@example.com", "yet-another-admin-pw")).toEqual({ ok: true, created: true });
    expect(await t.db.user.count({ where: { role: "admin" } })).toBe(2);
    expect(await ensureAdmin(t.db, "owner@example.com")).toBeNull();
  });
});
