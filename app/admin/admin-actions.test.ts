// Every server action under app/admin must refuse anyone but an admin before touching
// anything — including actions added later: this test finds them by file name. An admin whose
// login has not passed their second factor is refused too, and so, with ADMIN_REQUIRE_2FA, is an
// admin without one (except for the enrolment's own action).
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createTestDb, sampleCheckout, type TestDb } from "@/test/support/db";
import { loggedIn, type MockSession } from "@/test/support/session";

const session = vi.hoisted(() => ({ current: null as null | MockSession }));
const flags = vi.hoisted(() => ({ required: false }));
vi.mock("next-auth", () => ({ getServerSession: async () => session.current }));
vi.mock("@/lib/env", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/env")>();
  return { ...real, env: () => ({ ...real.env(), ADMIN_REQUIRE_2FA: flags.required }) };
});
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

function actionFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) return actionFiles(full);
    return entry === "actions.ts" ? [full] : [];
  });
}

const FORBIDDEN = "NEXT_HTTP_ERROR_FALLBACK;403";
/** The only actions an admin without a second factor may call when ADMIN_REQUIRE_2FA is set. */
const ENROLMENT_ACTIONS = ["confirmEnrolmentAction"];

type Caller = "anonymous" | "customer" | "admin whose login has not passed the second factor" | "admin without a second factor, ADMIN_REQUIRE_2FA";

async function callerSession(who: Caller): Promise<MockSession | null> {
  switch (who) {
    case "anonymous":
      return null;
    case "customer":
      return loggedIn(t.db, { id: "u1", email: "c@example.com", role: "customer" });
    case "admin whose login has not passed the second factor": {
      const login = await loggedIn(t.db, { id: "a-2fa", email: "a-2fa@example.com", role: "admin" });
      await t.db.twoFactor.upsert({ where: { userId: "a-2fa" }, create: { userId: "a-2fa", secret: "v1:sealed", enabledAt: new Date() }, update: {} });
      return login;
    }
    case "admin without a second factor, ADMIN_REQUIRE_2FA":
      flags.required = true;
      return loggedIn(t.db, { id: "a-no-2fa", email: "a-no-2fa@example.com", role: "admin" });
  }
}
let t: TestDb;
let orderId: number;

beforeAll(async () => {
  t = await createTestDb();
  process.env.DATABASE_URL = t.url;
  process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = "true";
  const order = await t.db.order.create({
    data: {
      accessKey: "k",
      checkoutKey: "c",
      email: "x@example.com",
      subtotal: 1000,
      shippingFee: 800,
      total: 1800,
      tax10: 163,
      tax8: 0,
      billingLastName: sampleCheckout.billing.lastName,
      billingFirstName: sampleCheckout.billing.firstName,
      billingLastNameKana: sampleCheckout.billing.lastNameKana,
      billingFirstNameKana: sampleCheckout.billing.firstNameKana,
      billingPostalCode: sampleCheckout.billing.postalCode,
      billingPrefecture: sampleCheckout.billing.prefecture,
      billingCity: sampleCheckout.billing.city,
      billingAddress1: sampleCheckout.billing.address1,
      billingPhone: sampleCheckout.billing.phone,
    },
  });
  orderId = order.id;
});
afterAll(async () => {
  await t.cleanup();
});

const files = actionFiles(path.join(process.cwd(), "app/admin"));

describe("admin server actions", () => {
  it("exist (the test would be vacuous otherwise)", () => {
    expect(files.length).toBeGreaterThan(0);
  });

  beforeEach(() => {
    session.current = null;
    flags.required = false;
  });

  const callers: Caller[] = ["anonymous", "customer", "admin whose login has not passed the second factor", "admin without a second factor, ADMIN_REQUIRE_2FA"];
  for (const file of files) {
    const rel = path.relative(process.cwd(), file);
    for (const who of callers) {
      it(`${rel}: every export refuses ${who} callers and changes nothing`, async () => {
        session.current = await callerSession(who);
        const mod = (await import(/* @vite-ignore */ file)) as Record<string, unknown>;
        const actions = Object.entries(mod).filter(([, v]) => typeof v === "function") as [string, (...args: unknown[]) => Promise<unknown>][];
        expect(actions.length).toBeGreaterThan(0);
        for (const [name, action] of actions) {
          if (who === "admin without a second factor, ADMIN_REQUIRE_2FA" && ENROLMENT_ACTIONS.includes(name)) continue;
          const form = new FormData();
          for (const [k, v] of Object.entries({ orderId: String(orderId), status: "cancelled", expected: "pending", note: "attack" })) form.set(k, v);
          await expect(action({ ok: true }, form), `${name} as ${who}`).rejects.toMatchObject({ digest: FORBIDDEN });
        }
        const order = await t.db.order.findUniqueOrThrow({ where: { id: orderId }, include: { notes: true } });
        expect(order.status).toBe("pending");
        expect(order.notes).toHaveLength(0);
      });
    }
  }

  it("lets an admin through (the refusal above is about the role, not a broken action)", async () => {
    session.current = await loggedIn(t.db, { id: "a1", email: "admin@example.com", role: "admin" });
    const { changeStatusAction } = await import("@/app/admin/orders/[id]/actions");
    const form = new FormData();
    for (const [k, v] of Object.entries({ orderId: String(orderId), status: "on-hold", expected: "pending", note: "ok" })) form.set(k, v);
    await expect(changeStatusAction({ ok: true }, form)).resolves.toMatchObject({ ok: true });
    expect((await t.db.order.findUniqueOrThrow({ where: { id: orderId } })).status).toBe("on-hold");
  });
});
