// The challenge after the password, through the real server action on a real database.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { sessionUser, startUserSession } from "@/lib/auth/sessions";
import { beginEnrolment, confirmEnrolment, totpCode } from "@/lib/auth/two-factor";
import { createTestDb, type TestDb } from "@/test/support/db";
import { loggedIn, type MockSession } from "@/test/support/session";

const session = vi.hoisted(() => ({ current: null as null | MockSession }));
vi.mock("next-auth", () => ({ getServerSession: async () => session.current }));

let t: TestDb;
let verify: typeof import("@/app/login/2fa/actions").verifySecondFactorAction;
let secret: string;
let recoveryCodes: string[];
beforeAll(async () => {
  t = await createTestDb();
  Object.assign(process.env, { DATABASE_URL: t.url, APP_ENCRYPTION_KEY: "challenge-action-key-".repeat(2) });
  ({ verifySecondFactorAction: verify } = await import("@/app/login/2fa/actions"));
  const box = (await import("@/lib/security/app-box")).appSecretBox();
  await loggedIn(t.db, { id: "adm", email: "adm@shop.test", role: "admin" });
  const enrolling = await startUserSession(t.db, "adm");
  secret = (await beginEnrolment(t.db, box, { id: "adm", email: "adm@shop.test" }, "shop"))!.secret;
  // Enrolled with the previous step's code, so the current one is still unused.
  const now = Date.now() - 30_000;
  const done = await confirmEnrolment(t.db, box, { userId: "adm", sessionId: enrolling }, totpCode(secret, now), new Date(now));
  if (!done.ok) throw new Error(done.reason);
  recoveryCodes = done.recoveryCodes;
});
afterAll(async () => {
  await t.cleanup();
});
beforeEach(async () => {
  await t.db.throttleCounter.deleteMany();
  session.current = await loggedIn(t.db, { id: "adm", email: "adm@shop.test", role: "admin" });
});

describe("verifySecondFactorAction", () => {
  it("a wrong code is refused; the right one lets this login in and goes back to the admin page, never off the shop", async () => {
    expect(await verify({ code: "12345a", next: "/admin/orders" })).toEqual({ ok: false, message: "twoFactor.invalidCode" });
    expect((await sessionUser(t.db, session.current!.sid, "adm"))?.twoFactor.passed).toBe(false);
    expect(await verify({ code: totpCode(secret), next: "//evil.example/admin" })).toEqual({ ok: true, next: "/admin" });
    expect((await sessionUser(t.db, session.current!.sid, "adm"))?.twoFactor.passed).toBe(true);
  });

  it("a replayed code is refused to another login", async () => {
    const code = totpCode(secret, Date.now() + 30_000);
    expect(await verify({ code, next: "/admin/orders" })).toEqual({ ok: true, next: "/admin/orders" });
    session.current = await loggedIn(t.db, { id: "adm", email: "adm@shop.test", role: "admin" });
    expect(await verify({ code, next: "/admin/orders" })).toEqual({ ok: false, message: "twoFactor.replayedCode" });
    expect((await sessionUser(t.db, session.current.sid, "adm"))?.twoFactor.passed).toBe(false);
  });

  it("a recovery code works once", async () => {
    expect(await verify({ code: recoveryCodes[0]!, next: "/admin" })).toEqual({ ok: true, next: "/admin" });
    session.current = await loggedIn(t.db, { id: "adm", email: "adm@shop.test", role: "admin" });
    expect(await verify({ code: recoveryCodes[0]!, next: "/admin" })).toEqual({ ok: false, message: "twoFactor.invalidCode" });
  });

  it("guessing is throttled: after 5 wrong codes even a recovery code is refused", async () => {
    for (let i = 0; i < 5; i++) await verify({ code: `00000${i}`, next: "/admin" });
    expect(await verify({ code: recoveryCodes[1]!, next: "/admin" })).toEqual({ ok: false, message: "twoFactor.tooManyAttempts" });
    expect((await sessionUser(t.db, session.current!.sid, "adm"))?.twoFactor.passed).toBe(false);
  });

  it("does nothing without a login", async () => {
    session.current = null;
    expect(await verify({ code: recoveryCodes[2]!, next: "/admin" })).toEqual({ ok: false, message: "errors.generic" });
  });
});
