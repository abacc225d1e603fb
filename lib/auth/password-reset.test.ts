import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { requestPasswordReset, resetPassword, RESET_PER_ADDRESS, RESET_PER_IP } from "@/lib/auth/password-reset";
import { startUserSession, sessionUser } from "@/lib/auth/sessions";
import { createTestDb, type TestDb } from "@/test/support/db";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  Object.assign(process.env, { DATABASE_URL: t.url, SITE_URL: "https://shop.example.jp" });
});
afterAll(async () => {
  await t.cleanup();
});

async function user(email: string) {
  return t.db.user.create({ data: { email, passwordHash: await hashPassword("old-password-1"), role: "customer" } });
}

const linkIn = async (to: string) => {
  const mail = await t.db.emailMessage.findFirstOrThrow({ where: { to, kind: "password_reset" }, orderBy: { createdAt: "desc" } });
  return /https:\/\/shop\.example\.jp\/reset-password\/([A-Za-z0-9_-]{43})/.exec(mail.body)![1]!;
};

describe("password reset", () => {
  it("answers the same for an unknown address and sends nothing; a known one gets a link by e-mail", async () => {
    await user("known@example.jp");
    expect(await requestPasswordReset(t.db, { email: "nobody@example.jp" }, "198.51.100.1", "ja")).toEqual({ ok: true });
    expect(await requestPasswordReset(t.db, { email: "Known@Example.jp" }, "198.51.100.1", "ja")).toEqual({ ok: true });
    expect(await t.db.emailMessage.count({ where: { to: "nobody@example.jp" } })).toBe(0);
    const mail = await t.db.emailMessage.findFirstOrThrow({ where: { to: "known@example.jp" } });
    expect(mail.subject).toContain("パスワード再設定");
    expect(mail.body).toContain("30分以内");
  });

  it("the link sets a new password once, ends every login and proves the address", async () => {
    const u = await user("reset@example.jp");
    const session = await startUserSession(t.db, u.id);
    await requestPasswordReset(t.db, { email: "reset@example.jp" }, "198.51.100.2", "en");
    const token = await linkIn("reset@example.jp");
    // Policy and confirmation are checked before the token is used.
    expect(await resetPassword(t.db, token, { password: "short", passwordConfirm: "short" })).toMatchObject({ ok: false, errors: { password: "errors.passwordLength" } });
    expect(await resetPassword(t.db, token, { password: "new-password-22", passwordConfirm: "other" })).toMatchObject({ ok: false, errors: { passwordConfirm: "errors.passwordMismatch" } });
    expect(await resetPassword(t.db, token, { password: "new-password-22", passwordConfirm: "new-password-22" })).toEqual({ ok: true });
    const after = await t.db.user.findUniqueOrThrow({ where: { id: u.id } });
    expect(await verifyPassword("new-password-22", after.passwordHash)).toBe(true);
    expect(after.emailVerifiedAt).toBeInstanceOf(Date);
    expect(await sessionUser(t.db, session, u.id)).toBeNull();
    // Used: the same link cannot set another password.
    expect(await resetPassword(t.db, token, { password: "third-password-3", passwordConfirm: "third-password-3" })).toEqual({ ok: false, errors: { form: "auth.linkInvalid" } });
  });

  it("a forged or guessed token changes nothing", async () => {
    const u = await user("target@example.jp");
    expect(await resetPassword(t.db, "A".repeat(43), { password: "attacker-pass-1", passwordConfirm: "attacker-pass-1" })).toEqual({ ok: false, errors: { form: "auth.linkInvalid" } });
    expect(await verifyPassword("old-password-1", (await t.db.user.findUniqueOrThrow({ where: { id: u.id } })).passwordHash)).toBe(true);
  });

  it("cannot flood a mailbox: per address the answer stays the same but no more mails go; per IP it is refused", async () => {
    await user("flood@example.jp");
    for (let i = 0; i < RESET_PER_ADDRESS.limit + 3; i++) {
      expect(await requestPasswordReset(t.db, { email: "flood@example.jp" }, `203.0.113.${i}`, "ja")).toEqual({ ok: true });
    }
    expect(await t.db.emailMessage.count({ where: { to: "flood@example.jp" } })).toBe(RESET_PER_ADDRESS.limit);
    // Only one open link per account whatever was sent.
    expect(await t.db.authToken.count({ where: { user: { email: "flood@example.jp" } } })).toBe(1);
    for (let i = 0; i < RESET_PER_IP.limit; i++) await requestPasswordReset(t.db, { email: `x${i}@example.jp` }, "192.0.2.200", "ja");
    expect(await requestPasswordReset(t.db, { email: "known@example.jp" }, "192.0.2.200", "ja")).toEqual({ ok: false, errors: { email: "auth.tooMany" } });
  });
});
