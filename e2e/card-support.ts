// Helpers of the card e2e specs: the e2e database (gateway settings, what the shop recorded),
// the emulator's control API, and the shopper's side of a card checkout.
import type { Page, Request } from "@playwright/test";
import { TEST_CARDS, type TestCard } from "@/lib/escott/test-cards";
import { defaultSettings, saveSettings } from "@/lib/payments/settings/store";
import type { CardSettings } from "@/lib/payments/settings/card";
import { controlEmulator, type EmulatorState, type EmulatorTransaction } from "@/test/support/emulator-control";
import { appBox, withDb } from "./e2e-db";
import { addToCart, expect, fillBillingAddress, test } from "./fixtures";

/** The emulator's test cards (lib/escott/test-cards.ts); `slow` answers every e-SCOTT call only after EMULATOR_SLOW_MS (5 s). */
export const CARDS = TEST_CARDS;
export type Card = TestCard;

/** What the card specs buy (plenty of stock, and not the CVS specs' product). */
export const PRODUCT = "shizuoka-fukamushi-sencha";

export { appBox, withDb };

/**
 * Each card spec changes the card settings; the other specs (guest checkout expects no payment
 * method, say) must find them as they were. Call once at the top of a spec file.
 */
export function keepCardSettings(): void {
  let before: { values: string } | null = null;
  test.beforeAll(async () => {
    before = await withDb((db) => db.gatewaySettings.findUnique({ where: { gateway: "card" }, select: { values: true } }));
  });
  test.afterAll(async () => {
    await withDb(async (db) => {
      if (before) await db.gatewaySettings.upsert({ where: { gateway: "card" }, create: { gateway: "card", values: before.values }, update: { values: before.values } });
      else await db.gatewaySettings.deleteMany({ where: { gateway: "card" } });
    });
  });
}

/**
 * Card gateway on: the manual's defaults with the emulator's demo credentials, and these overrides.
 * The card-testing limits are raised: the whole suite pays from one address (card-testing.spec.ts
 * sets its own). 3-D Secure is off unless a spec asks for it (new installs have it on: card-settings.spec.ts).
 */
export const SUITE_CARD_LIMITS = { declinesPerOrder: 20, declinesPerIpHour: 1000, declinesPerShopperHour: 100, registrationsPerHour: 100 } satisfies Partial<CardSettings>;

export async function configureCard(overrides: Partial<CardSettings> = {}): Promise<void> {
  await withDb((db) => saveSettings(db, appBox(), "card", { ...defaultSettings("card", "emulator"), enabled: true, threeDSecure: false, ...SUITE_CARD_LIMITS, ...overrides }));
}

export type { EmulatorTransaction };

export async function emulator<T = Record<string, unknown>>(urlPath: string, body?: unknown, method = "POST"): Promise<T> {
  return controlEmulator<T>(process.env.E2E_EMULATOR_URL!, urlPath, body, method);
}

export async function emulatorState(): Promise<EmulatorState> {
  return emulator<EmulatorState>("/_control/state", undefined, "GET");
}

export async function transactionsOf(orderId: number): Promise<EmulatorTransaction[]> {
  return (await emulatorState()).transactions.filter((t) => t.merchantFree2 === String(orderId));
}

export function orderOf(id: number) {
  return withDb((db) => db.order.findUniqueOrThrow({ where: { id }, include: { notes: true, payments: { orderBy: { createdAt: "asc" } } } }));
}

/** The shopper's part up to the payment method: cart, billing address, e-mail. */
export async function startCheckout(page: Page, options: { slug?: string; quantity?: number; email?: string } = {}): Promise<void> {
  await addToCart(page, options.slug ?? PRODUCT, options.quantity ?? 1);
  await page.goto("/checkout");
  await fillAddress(page, options.email);
}

/** Billing address, e-mail and the card method on the checkout page already open. */
export async function fillAddress(page: Page, email?: string): Promise<void> {
  await fillBillingAddress(page, email);
  await page.getByRole("radio", { name: /クレジットカード/ }).check();
}

export async function fillCard(page: Page, card: Card, holder = "HANAKO YAMADA"): Promise<void> {
  const form = page.getByTestId("card-fields");
  await form.getByLabel("カード番号").fill(card.number);
  await form.getByRole("combobox", { name: "月" }).selectOption(card.expMM);
  await form.getByRole("combobox", { name: "年" }).selectOption(card.expYY);
  const code = form.getByLabel("セキュリティコード");
  if (await code.count()) await code.fill(card.secCd);
  await form.getByLabel("カード名義").fill(holder);
}

export async function placeOrder(page: Page): Promise<void> {
  await page.getByRole("button", { name: "注文する" }).click();
}

/** After a successful payment: the thank-you page; returns the order id. */
export async function thankYouOrderId(page: Page): Promise<number> {
  await page.waitForURL(/\/order\/\d+\?key=/);
  await expect(page.getByRole("heading", { name: "ご注文ありがとうございます" })).toBeVisible();
  return Number(/\/order\/(\d+)/.exec(page.url())![1]);
}

/** The order created for this checkout (the latest one with this e-mail). */
export function latestOrderFor(email: string) {
  return withDb((db) => db.order.findFirstOrThrow({ where: { email }, orderBy: { createdAt: "desc" }, include: { notes: true, payments: true } }));
}

/**
 * Headers to send a captured place-order request (a server action) again — to the proxy or
 * straight to one shop instance. Cookies come from the page's context (page.request). Straight to
 * an instance, X-Forwarded-Host names the public host the proxy would have passed on, so the
 * browser's Origin matches (Next.js refuses a server action whose Origin is another host).
 */
export async function actionReplayHeaders(request: Request): Promise<Record<string, string>> {
  const headers = await request.allHeaders();
  const keep = ["next-action", "content-type", "accept", "next-router-state-tree", "origin"];
  return { ...Object.fromEntries(Object.entries(headers).filter(([k]) => keep.includes(k))), "x-forwarded-host": new URL(process.env.E2E_BASE_URL!).host };
}
