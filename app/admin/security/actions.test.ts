// The admin's own second factor through the real server actions, on a real database: enrol
// (confirmed with a code computed from the secret, as the app would), the recovery codes once,
// then turning it off, which needs a current code or the password.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { hashPassword } from "@/lib/auth/password";
import { sessionUser } from "@/lib/auth/sessions";
import { beginEnrolment, totpCode } from "@/lib/auth/two-factor";
import { createTestDb, type TestDb } from "@/test/support/db";
import { loggedIn, type MockSession } from "@/test/support/session";

const session = vi.hoisted(() => ({ current: null as null | MockSession }));
vi.mock("next-auth", () => ({ getServerSession: async () => session.current }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const PASSWORD = "admin-password-456";
let t: TestDb;
let actions: typeof import("@/app/admin/security/actions");
let box: import("@/lib/security/secret-box").SecretBox;
beforeAll(async () => {
  t = await createTestDb();
  Object.assign(process.env, { DATABASE_URL: t.url, APP_ENCRYPTION_KEY: "security-action-key-".repeat(2), __NEXT_EXPERIMENTAL_AUTH_INTERRUPTS: "true" });
  actions = await import("@/app/admin/security/actions");
  box = (await import("@/lib/security/app-box")).appSecretBox();
});
afterAll(async () => {
  await t.cleanup();
});
beforeEach(async () => {
  await t.db.throttleCounter.deleteMany();
});

async function admin(id: string) {
  session.current = await loggedIn(t.db, { id, email: `${id}@shop.test`, role: "admin" });
  await t.db.user.update({ where: { id }, data: { passwordHash: await hashPassword(PASSWORD) } });
  return session.current;
}

describe("confirmEnrolmentAction", () => {
  it("refuses a wrong code, then enables the second factor and answers the recovery codes once", async () => {
    const me = await admin("sec-1");
    const { secret } = (await beginEnrolment(t.db, box, { id: "sec-1", email: "sec-1@shop.test" }, "shop"))!;
    expect(await actions.confirmEnrolmentAction({ code: totpCode(secret, Date.now() + 5 * 60_000) })).toEqual({ ok: false, message: "twoFactor.invalidCode" });
    const res = await actions.confirmEnrolmentAction({ code: totpCode(secret) });
    expect(res.ok && res.recoveryCodes).toHaveLength(10);
    expect((await sessionUser(t.db, me.sid, "sec-1"))?.twoFactor).toEqual({ enabled: true, passed: true });
    // Confirming again does not hand out new codes.
    expect(await actions.confirmEnrolmentAction({ code: totpCode(secret, Date.now() + 30_000) })).toEqual({ ok: false, message: "twoFactor.notPending" });
  });

  it("says so when guessing is throttled", async () => {
    await admin("sec-2");
    await beginEnrolment(t.db, box, { id: "sec-2", email: "sec-2@shop.test" }, "shop");
    for (let i = 0; i < 5; i++) await actions.confirmEnrolmentAction({ code: "000000" });
    expect(await actions.confirmEnrolmentAction({ code: "000000" })).toEqual({ ok: false, message: "twoFactor.tooManyAttempts" });
  });
});

describe("disableTwoFactorAction", () => {
  it("needs a current code or the password", async () => {
    await admin("sec-3");
    const { secret } = (await beginEnrolment(t.db, box, { id: "sec-3", email: "sec-3@shop.test" }, "shop"))!;
    const code = totpCode(secret);
    expect((await actions.confirmEnrolmentAction({ code })).ok).toBe(true);
    expect(await actions.disableTwoFactorAction({ proof: code })).toEqual({ ok: false, message: "twoFactor.replayedCode" });
    expect(await actions.disableTwoFactorAction({ proof: "wrong-password-000" })).toEqual({ ok: false, message: "twoFactor.invalidProof" });
    expect(await actions.disableTwoFactorAction({ proof: PASSWORD })).toEqual({ ok: true });
    expect(await t.db.twoFactor.count({ where: { userId: "sec-3" } })).toBe(0);
  });

  it("is refused to a login that has not passed the second factor", async () => {
    await admin("sec-4");
    const { secret } = (await beginEnrolment(t.db, box, { id: "sec-4", email: "sec-4@shop.test" }, "shop"))!;
    expect((await actions.confirmEnrolmentAction({ code: totpCode(secret) })).ok).toBe(true);
    session.current = await loggedIn(t.db, { id: "sec-4", email: "sec-4@shop.test", role: "admin" });
    await expect(actions.disableTwoFactorAction({ proof: PASSWORD })).rejects.toMatchObject({ digest: "NEXT_HTTP_ERROR_FALLBACK;403" });
    expect(await t.db.twoFactor.count({ where: { userId: "sec-4" } })).toBe(1);
  });
});
