// requireAdmin, the one check every admin page, action and handler makes, with a second factor:
// pages send a login that has not passed it to the challenge, actions and handlers get 403; with
// ADMIN_REQUIRE_2FA an admin without one is sent to enrol. Real database, next-auth mocked.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { startUserSession } from "@/lib/auth/sessions";
import { beginEnrolment, confirmEnrolment, passSecondFactor, totpCode } from "@/lib/auth/two-factor";
import { createSecretBox } from "@/lib/security/secret-box";
import { createTestDb, type TestDb } from "@/test/support/db";
import { loggedIn, type MockSession } from "@/test/support/session";

const session = vi.hoisted(() => ({ current: null as null | MockSession }));
const flags = vi.hoisted(() => ({ required: false }));
vi.mock("next-auth", () => ({ getServerSession: async () => session.current }));
vi.mock("@/lib/env", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/env")>();
  return { ...real, env: () => ({ ...real.env(), ADMIN_REQUIRE_2FA: flags.required }) };
});

const FORBIDDEN = { digest: "NEXT_HTTP_ERROR_FALLBACK;403" };
const redirectTo = (url: string) => ({ digest: expect.stringMatching(new RegExp(`^NEXT_REDIRECT;replace;${url.replace(/[?]/g, "\\?")};307;`)) });
const box = createSecretBox("session-test-key-".repeat(3));

let t: TestDb;
let requireAdmin: typeof import("@/lib/auth/session").requireAdmin;
beforeAll(async () => {
  t = await createTestDb();
  process.env.DATABASE_URL = t.url;
  process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = "true";
  ({ requireAdmin } = await import("@/lib/auth/session"));
});
afterAll(async () => {
  await t.cleanup();
});
beforeEach(() => {
  flags.required = false;
  session.current = null;
});

/** An admin who enrolled from one login; `before` is a login (a copied cookie) from before that. */
async function enrolledAdmin(id: string) {
  const before = await loggedIn(t.db, { id, email: `${id}@shop.test`, role: "admin" });
  const enrolling = { ...before, sid: await startUserSession(t.db, id) };
  const { secret } = (await beginEnrolment(t.db, box, { id, email: `${id}@shop.test` }, "shop"))!;
  const now = Date.now();
  const done = await confirmEnrolment(t.db, box, { userId: id, sessionId: enrolling.sid }, totpCode(secret, now), new Date(now));
  expect(done.ok).toBe(true);
  return { before, enrolling, secret };
}

describe("requireAdmin with a second factor", () => {
  it("lets the enrolling login in; a login from before the second factor (a copied cookie) is sent to the challenge, its actions get 403", async () => {
    const { before, enrolling } = await enrolledAdmin("adm-1");
    session.current = enrolling;
    await expect(requireAdmin("/admin/orders")).resolves.toMatchObject({ id: "adm-1", twoFactor: { enabled: true, passed: true } });
    await expect(requireAdmin()).resolves.toMatchObject({ id: "adm-1" });

    session.current = before;
    await expect(requireAdmin("/admin/orders")).rejects.toMatchObject(redirectTo("/login/2fa?next=%2Fadmin%2Forders"));
    await expect(requireAdmin()).rejects.toMatchObject(FORBIDDEN);
    // The enrolment page does not help either.
    await expect(requireAdmin("/admin/security", { enrolment: true })).rejects.toMatchObject(redirectTo("/login/2fa?next=%2Fadmin%2Fsecurity"));
    await expect(requireAdmin(undefined, { enrolment: true })).rejects.toMatchObject(FORBIDDEN);
  });

  it("a new login must pass the challenge before admin pages and actions; afterwards it is in", async () => {
    const { secret } = await enrolledAdmin("adm-2");
    const login = await loggedIn(t.db, { id: "adm-2", email: "adm-2@shop.test", role: "admin" });
    session.current = login;
    await expect(requireAdmin("/admin")).rejects.toMatchObject(redirectTo("/login/2fa?next=%2Fadmin"));
    await expect(requireAdmin()).rejects.toMatchObject(FORBIDDEN);
    const later = Date.now() + 30_000;
    expect((await passSecondFactor(t.db, box, { userId: "adm-2", sessionId: login.sid }, totpCode(secret, later), new Date(later))).ok).toBe(true);
    await expect(requireAdmin()).resolves.toMatchObject({ id: "adm-2" });
  });

  it("customers and anonymous visitors are refused as before", async () => {
    session.current = await loggedIn(t.db, { id: "cus-1", email: "cus-1@shop.test", role: "customer" });
    await expect(requireAdmin("/admin")).rejects.toMatchObject(FORBIDDEN);
    session.current = null;
    await expect(requireAdmin("/admin")).rejects.toMatchObject(redirectTo("/login?next=%2Fadmin"));
    await expect(requireAdmin()).rejects.toMatchObject(FORBIDDEN);
  });
});

describe("ADMIN_REQUIRE_2FA", () => {
  it("off (the default): an admin without a second factor reaches the admin", async () => {
    session.current = await loggedIn(t.db, { id: "adm-3", email: "adm-3@shop.test", role: "admin" });
    await expect(requireAdmin("/admin")).resolves.toMatchObject({ id: "adm-3", twoFactor: { enabled: false } });
  });

  it("on: an admin without one is sent to enrol from every admin page but the enrolment page; actions get 403", async () => {
    flags.required = true;
    session.current = await loggedIn(t.db, { id: "adm-4", email: "adm-4@shop.test", role: "admin" });
    await expect(requireAdmin("/admin/orders")).rejects.toMatchObject(redirectTo("/admin/security?next=%2Fadmin%2Forders"));
    await expect(requireAdmin()).rejects.toMatchObject(FORBIDDEN);
    await expect(requireAdmin("/admin/security", { enrolment: true })).resolves.toMatchObject({ id: "adm-4" });
    await expect(requireAdmin(undefined, { enrolment: true })).resolves.toMatchObject({ id: "adm-4" });
  });

  it("on: an enrolled admin whose login passed is in", async () => {
    flags.required = true;
    const { enrolling } = await enrolledAdmin("adm-5");
    session.current = enrolling;
    await expect(requireAdmin("/admin/orders")).resolves.toMatchObject({ id: "adm-5" });
  });
});
