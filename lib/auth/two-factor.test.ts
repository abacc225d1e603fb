// The admins' second factor on a real database: enrolment, the challenge and the attacks on it —
// a wrong code, a replayed one, guessing (throttled), a recovery code used twice, a login from
// before the second factor.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { hashPassword } from "@/lib/auth/password";
import { sessionUser, startUserSession } from "@/lib/auth/sessions";
import {
  beginEnrolment,
  confirmEnrolment,
  disableTwoFactor,
  hashRecoveryCode,
  matchingStep,
  passSecondFactor,
  RECOVERY_CODE_COUNT,
  SECOND_FACTOR_DAY,
  SECOND_FACTOR_SHORT,
  secondFactorGate,
  timeStep,
  totpCode,
  twoFactorState,
} from "@/lib/auth/two-factor";
import { createSecretBox } from "@/lib/security/secret-box";
import { createTestDb, type TestDb } from "@/test/support/db";

const box = createSecretBox("two-factor-test-key-".repeat(2));
/** The middle of a 30-second step. */
const T0 = Date.UTC(2026, 11, 1, 0, 0, 15);
const at = (ms: number) => new Date(T0 + ms);
const MIN = 60_000;

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.cleanup();
});
beforeEach(async () => {
  await t.db.throttleCounter.deleteMany();
});

const PASSWORD = "admin-password-123";

async function admin(id: string) {
  await t.db.user.create({ data: { id, email: `${id}@shop.test`, passwordHash: await hashPassword(PASSWORD), role: "admin" } });
  return { id, email: `${id}@shop.test` };
}

/** An admin who enrolled at T0 from login `sid`. */
async function enrolled(id: string) {
  const user = await admin(id);
  const sid = await startUserSession(t.db, id, at(0));
  const { secret } = (await beginEnrolment(t.db, box, user, "和み商店"))!;
  const result = await confirmEnrolment(t.db, box, { userId: id, sessionId: sid }, totpCode(secret, T0), at(0));
  if (!result.ok) throw new Error(`enrolment failed: ${result.reason}`);
  return { ...user, sid, secret, recoveryCodes: result.recoveryCodes };
}

/** A 6-digit code that is not valid around `now`. */
function wrongCode(secret: string, now: number, n = 0): string {
  for (let i = n; ; i++) {
    const code = String((i * 137_731) % 1_000_000).padStart(6, "0");
    if (matchingStep(secret, code, now) === null) return code;
  }
}

describe("enrolment", () => {
  it("shows a secret until it is confirmed, sealed at rest; afterwards it is never shown again", async () => {
    const user = await admin("a-enrol");
    const sid = await startUserSession(t.db, user.id);
    const first = (await beginEnrolment(t.db, box, user, "和み商店"))!;
    expect(first.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(first.uri).toMatch(/^otpauth:\/\/totp\/.+\?issuer=.+&secret=[A-Z2-7]{32}&algorithm=SHA1&digits=6&period=30$/);
    expect(first.uri).toContain(encodeURIComponent("a-enrol@shop.test"));
    // Reloading the page shows the same secret (the app has scanned it already).
    expect((await beginEnrolment(t.db, box, user, "和み商店"))!.secret).toBe(first.secret);

    const row = await t.db.twoFactor.findUniqueOrThrow({ where: { userId: user.id } });
    expect(row.secret).not.toContain(first.secret);
    expect(row.secret.startsWith("v1:")).toBe(true);
    expect(box.open(row.secret)).toBe(first.secret);
    expect(row.enabledAt).toBeNull();
    expect((await twoFactorState(t.db, user.id)).enabled).toBe(false);

    // A wrong code does not enable it.
    expect(await confirmEnrolment(t.db, box, { userId: user.id, sessionId: sid }, wrongCode(first.secret, T0), at(0))).toEqual({ ok: false, reason: "invalid" });
    expect((await twoFactorState(t.db, user.id)).enabled).toBe(false);

    const done = await confirmEnrolment(t.db, box, { userId: user.id, sessionId: sid }, totpCode(first.secret, T0), at(0));
    expect(done.ok).toBe(true);
    expect(await twoFactorState(t.db, user.id)).toEqual({ enabled: true, enabledAt: at(0), recoveryCodesLeft: RECOVERY_CODE_COUNT });
    expect(await beginEnrolment(t.db, box, user, "和み商店")).toBeNull();
    // Confirming again (a replayed request) changes nothing.
    expect(await confirmEnrolment(t.db, box, { userId: user.id, sessionId: sid }, totpCode(first.secret, T0 + 30_000), at(30_000))).toEqual({ ok: false, reason: "not_pending" });
  });

  it("gives 10 distinct single-use recovery codes, stored only as hashes", async () => {
    const { id, recoveryCodes } = await enrolled("a-codes");
    expect(recoveryCodes).toHaveLength(RECOVERY_CODE_COUNT);
    expect(new Set(recoveryCodes).size).toBe(RECOVERY_CODE_COUNT);
    for (const code of recoveryCodes) expect(code).toMatch(/^[0-9a-hjkmnp-tv-z]{5}-[0-9a-hjkmnp-tv-z]{5}$/);
    const rows = await t.db.recoveryCode.findMany({ where: { userId: id } });
    expect(rows.map((r) => r.codeHash).sort()).toEqual(recoveryCodes.map(hashRecoveryCode).sort());
    const stored = JSON.stringify(rows);
    for (const code of recoveryCodes) {
      expect(stored).not.toContain(code);
      expect(stored).not.toContain(code.replace("-", ""));
    }
  });

  it("the enrolling login has passed; every other login of the admin — a cookie copied before — has not", async () => {
    const user = await admin("a-copied");
    const copied = await startUserSession(t.db, user.id, at(0));
    const sid = await startUserSession(t.db, user.id, at(0));
    // A login that had passed an earlier second factor (turned off since) gains nothing either.
    await t.db.userSession.update({ where: { id: copied }, data: { secondFactorAt: at(-MIN) } });
    const { secret } = (await beginEnrolment(t.db, box, user, "shop"))!;
    expect((await confirmEnrolment(t.db, box, { userId: user.id, sessionId: sid }, totpCode(secret, T0), at(0))).ok).toBe(true);
    expect((await sessionUser(t.db, sid, user.id, at(MIN)))?.twoFactor).toEqual({ enabled: true, passed: true });
    expect((await sessionUser(t.db, copied, user.id, at(MIN)))?.twoFactor).toEqual({ enabled: true, passed: false });
  });
});

describe("the challenge", () => {
  it("accepts the code of this step and of the steps either side; refuses wrong codes and codes two steps away", async () => {
    const { id, secret } = await enrolled("a-window");
    const login = { userId: id, sessionId: await startUserSession(t.db, id, at(0)) };
    const now = T0 + 10 * MIN;
    expect(await passSecondFactor(t.db, box, login, wrongCode(secret, now), new Date(now))).toEqual({ ok: false, reason: "invalid" });
    expect(await passSecondFactor(t.db, box, login, totpCode(secret, now - 60_000), new Date(now))).toEqual({ ok: false, reason: "invalid" });
    expect(await passSecondFactor(t.db, box, login, totpCode(secret, now + 60_000), new Date(now))).toEqual({ ok: false, reason: "invalid" });
    expect(await passSecondFactor(t.db, box, login, "12345", new Date(now))).toEqual({ ok: false, reason: "invalid" });
    expect((await sessionUser(t.db, login.sessionId, id, new Date(now)))?.twoFactor.passed).toBe(false);

    expect(await passSecondFactor(t.db, box, login, totpCode(secret, now - 30_000), new Date(now))).toMatchObject({ ok: true, method: "totp" });
    expect((await sessionUser(t.db, login.sessionId, id, new Date(now)))?.twoFactor.passed).toBe(true);
    const other = { userId: id, sessionId: await startUserSession(t.db, id, new Date(now)) };
    // Spaces are ignored, as apps show "123 456".
    const code = totpCode(secret, now + 30_000).replace(/^(\d{3})/, "$1 ");
    expect(await passSecondFactor(t.db, box, other, code, new Date(now))).toMatchObject({ ok: true, method: "totp" });
  });

  it("a code is accepted once: replayed, or older than the last accepted one, it is refused", async () => {
    const { id, secret, sid } = await enrolled("a-replay");
    // The enrolment code itself, replayed within its window.
    const thief = { userId: id, sessionId: await startUserSession(t.db, id, at(0)) };
    expect(await passSecondFactor(t.db, box, thief, totpCode(secret, T0), at(20_000))).toEqual({ ok: false, reason: "replayed" });

    const now = T0 + 5 * MIN;
    const code = totpCode(secret, now);
    expect((await passSecondFactor(t.db, box, { userId: id, sessionId: sid }, code, new Date(now))).ok).toBe(true);
    expect(await passSecondFactor(t.db, box, thief, code, new Date(now + 1_000))).toEqual({ ok: false, reason: "replayed" });
    // The previous step's code is still inside the window, but older than the one used.
    expect(await passSecondFactor(t.db, box, thief, totpCode(secret, now - 30_000), new Date(now + 1_000))).toEqual({ ok: false, reason: "replayed" });
    expect((await sessionUser(t.db, thief.sessionId, id, new Date(now)))?.twoFactor.passed).toBe(false);
    expect((await t.db.twoFactor.findUniqueOrThrow({ where: { userId: id } })).lastUsedStep).toBe(timeStep(now));
  });

  it("the same code sent in parallel (several instances, several tabs) is accepted exactly once", async () => {
    const { id, secret } = await enrolled("a-parallel");
    const now = T0 + 5 * MIN;
    const logins = await Promise.all(Array.from({ length: 4 }, () => startUserSession(t.db, id, at(0))));
    const results = await Promise.all(logins.map((sessionId) => passSecondFactor(t.db, box, { userId: id, sessionId }, totpCode(secret, now), new Date(now))));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.reason)).toEqual(["replayed", "replayed", "replayed"]);
  });

  it("guessing is throttled per account: 5 checks per 15 minutes, then even the right code is refused", async () => {
    const { id, secret, sid } = await enrolled("a-brute");
    const login = { userId: id, sessionId: sid };
    const now = T0 + 20 * MIN;
    for (let i = 0; i < SECOND_FACTOR_SHORT.limit; i++) {
      expect(await passSecondFactor(t.db, box, login, wrongCode(secret, now, i * 7), new Date(now))).toEqual({ ok: false, reason: "invalid" });
    }
    expect(await passSecondFactor(t.db, box, login, totpCode(secret, now), new Date(now))).toEqual({ ok: false, reason: "throttled" });
    expect(await passSecondFactor(t.db, box, login, "abcde-fghjk", new Date(now))).toEqual({ ok: false, reason: "throttled" });
    // From another login (another instance, another cookie) it is the same account.
    const other = { userId: id, sessionId: await startUserSession(t.db, id, new Date(now)) };
    expect(await passSecondFactor(t.db, box, other, totpCode(secret, now), new Date(now))).toEqual({ ok: false, reason: "throttled" });
    // Once the window has passed, the owner gets in.
    const later = now + 2 * SECOND_FACTOR_SHORT.windowMs;
    expect((await passSecondFactor(t.db, box, login, totpCode(secret, later), new Date(later))).ok).toBe(true);
  });

  it("40 parallel guesses: at most 5 are checked", async () => {
    const { id, secret, sid } = await enrolled("a-burst");
    const now = T0 + 20 * MIN;
    const results = await Promise.all(Array.from({ length: 40 }, (_, i) => passSecondFactor(t.db, box, { userId: id, sessionId: sid }, wrongCode(secret, now, i * 11), new Date(now))));
    const checked = results.filter((r) => !r.ok && r.reason !== "throttled");
    expect(checked.length).toBeLessThanOrEqual(SECOND_FACTOR_SHORT.limit);
    expect(results.every((r) => !r.ok)).toBe(true);
  });

  it("and 30 checks per day, whatever the 15-minute windows", async () => {
    const { id, secret, sid } = await enrolled("a-day");
    let checked = 0;
    for (let round = 0; round < 10; round++) {
      const now = T0 + (round + 1) * 30 * MIN;
      for (let i = 0; i < SECOND_FACTOR_SHORT.limit; i++) {
        const r = await passSecondFactor(t.db, box, { userId: id, sessionId: sid }, wrongCode(secret, now, round * 100 + i), new Date(now));
        if (!(!r.ok && r.reason === "throttled")) checked++;
      }
    }
    // The enrolment's own check counted too.
    expect(checked).toBe(SECOND_FACTOR_DAY.limit - 1);
  });

  it("a recovery code works once, in any case and with or without its hyphen; never for another admin", async () => {
    const { id, recoveryCodes } = await enrolled("a-recovery");
    const other = await enrolled("a-recovery-other");
    const now = at(MIN);
    const [first, second] = recoveryCodes;
    const login = () => startUserSession(t.db, id, now).then((sessionId) => ({ userId: id, sessionId }));

    expect(await passSecondFactor(t.db, box, { userId: other.id, sessionId: other.sid }, first!, now)).toEqual({ ok: false, reason: "invalid" });
    const a = await login();
    expect(await passSecondFactor(t.db, box, a, first!, now)).toEqual({ ok: true, method: "recovery", recoveryCodesLeft: RECOVERY_CODE_COUNT - 1 });
    expect((await sessionUser(t.db, a.sessionId, id, now))?.twoFactor.passed).toBe(true);
    expect(await passSecondFactor(t.db, box, await login(), first!, now)).toEqual({ ok: false, reason: "invalid" });
    expect(await passSecondFactor(t.db, box, await login(), second!.toUpperCase().replace("-", ""), now)).toMatchObject({ ok: true, method: "recovery" });
    expect((await twoFactorState(t.db, id)).recoveryCodesLeft).toBe(RECOVERY_CODE_COUNT - 2);
  });

  it("a recovery code sent in parallel is spent exactly once", async () => {
    const { id, recoveryCodes } = await enrolled("a-recovery-race");
    const logins = await Promise.all(Array.from({ length: 4 }, () => startUserSession(t.db, id, at(0))));
    const results = await Promise.all(logins.map((sessionId) => passSecondFactor(t.db, box, { userId: id, sessionId }, recoveryCodes[3]!, at(MIN))));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
  });

  it("refuses users without a second factor, and a login of someone else", async () => {
    const user = await admin("a-none");
    const sid = await startUserSession(t.db, user.id);
    expect(await passSecondFactor(t.db, box, { userId: user.id, sessionId: sid }, "123456")).toEqual({ ok: false, reason: "not_enabled" });
    const { id, secret } = await enrolled("a-owner");
    const now = T0 + 3 * MIN;
    expect(await passSecondFactor(t.db, box, { userId: id, sessionId: sid }, totpCode(secret, now), new Date(now))).toEqual({ ok: false, reason: "invalid" });
    expect((await t.db.userSession.findUniqueOrThrow({ where: { id: sid } })).secondFactorAt).toBeNull();
  });
});

describe("turning it off", () => {
  it("needs a current unused code or the password; deletes the secret and the recovery codes", async () => {
    const { id, secret } = await enrolled("a-off");
    const now = T0 + 2 * MIN;
    expect(await disableTwoFactor(t.db, box, id, "not-the-password", new Date(now))).toEqual({ ok: false, reason: "invalid" });
    expect(await disableTwoFactor(t.db, box, id, wrongCode(secret, now), new Date(now))).toEqual({ ok: false, reason: "invalid" });
    expect(await disableTwoFactor(t.db, box, id, totpCode(secret, T0), new Date(now))).toEqual({ ok: false, reason: "invalid" });
    expect((await twoFactorState(t.db, id)).enabled).toBe(true);
    expect(await disableTwoFactor(t.db, box, id, totpCode(secret, now), new Date(now))).toEqual({ ok: true });
    expect(await t.db.twoFactor.count({ where: { userId: id } })).toBe(0);
    expect(await t.db.recoveryCode.count({ where: { userId: id } })).toBe(0);
    expect(await disableTwoFactor(t.db, box, id, PASSWORD, new Date(now))).toEqual({ ok: false, reason: "not_enabled" });
  });

  it("with the password; a used code is refused", async () => {
    const { id, secret, sid } = await enrolled("a-off-password");
    const now = T0 + 2 * MIN;
    expect((await passSecondFactor(t.db, box, { userId: id, sessionId: sid }, totpCode(secret, now), new Date(now))).ok).toBe(true);
    expect(await disableTwoFactor(t.db, box, id, totpCode(secret, now), new Date(now))).toEqual({ ok: false, reason: "replayed" });
    expect(await disableTwoFactor(t.db, box, id, PASSWORD, new Date(now))).toEqual({ ok: true });
    // Enrolling again gives a new secret.
    expect((await beginEnrolment(t.db, box, { id, email: "x@shop.test" }, "shop"))!.secret).not.toBe(secret);
  });

  it("is throttled like the challenge", async () => {
    const { id } = await enrolled("a-off-brute");
    for (let i = 0; i < SECOND_FACTOR_SHORT.limit; i++) await disableTwoFactor(t.db, box, id, `guess-${i}-password`, at(MIN));
    expect(await disableTwoFactor(t.db, box, id, PASSWORD, at(MIN))).toEqual({ ok: false, reason: "throttled" });
  });
});

describe("secondFactorGate", () => {
  it("challenges a login that has not passed an existing second factor; asks for enrolment only when required", () => {
    expect(secondFactorGate({ enabled: false, passed: false }, false)).toBe("ok");
    expect(secondFactorGate({ enabled: false, passed: false }, true)).toBe("enrol");
    expect(secondFactorGate({ enabled: false, passed: false }, true, true)).toBe("ok");
    expect(secondFactorGate({ enabled: true, passed: false }, false)).toBe("challenge");
    expect(secondFactorGate({ enabled: true, passed: false }, true, true)).toBe("challenge");
    expect(secondFactorGate({ enabled: true, passed: true }, true)).toBe("ok");
  });
});
