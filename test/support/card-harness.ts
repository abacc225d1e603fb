// Integration-test harness for the card gateway: a real migrated SQLite database, the real
// e-SCOTT emulator on a free port (reached only over HTTP), and the app's own wiring
// (env → gatewaySettings → cardClient) pointed at both. Test-only; imported by *.test.ts.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach } from "vitest";
import { startEmulator, type RunningEmulator } from "@/emulator";
import { addItem, ensureCart } from "@/lib/cart/store";
import type { Db, Tx } from "@/lib/db";
import { placeOrder, type NewOrder } from "@/lib/orders/place";
import { startNewOrderPayment, type CheckoutPaymentStart, type StartedPayment } from "@/lib/payments/payments";
import type { CardInput } from "@/lib/payments/card/input";
import type { CheckoutContext, PlacedOrderRef } from "@/lib/payments/registry";
import { loadSettings, saveSettings } from "@/lib/payments/settings/store";
import type { CardSettings } from "@/lib/payments/settings/card";
import { createSecretBox } from "@/lib/security/secret-box";
import { loadCardContext, type CardContext } from "@/lib/payments/card/context";
import { TEST_CARDS, tokenCardInput, type TestCardName } from "@/lib/escott/test-cards";
import { createProduct, createTestDb, sampleCheckout, type TestDb } from "@/test/support/db";
import { controlEmulator, type EmulatorState, type EmulatorTransaction } from "@/test/support/emulator-control";

export type { TestCardName, EmulatorState, EmulatorTransaction };

/** What a new-card payment may change from the card form's defaults (installments, saving, agreement). */
export type NewCardOptions = Partial<Extract<CardInput, { mode: "new" }>>;

/** A guest's checkout in Japanese (what most card tests pay as). */
export const guest: CheckoutContext = { locale: "ja", total: 0, userId: null };

const ENCRYPTION_KEY = "card-tests-card-tests-card-tests-42";

export interface CardHarness {
  t: TestDb;
  db: Db;
  emu: RunningEmulator;
  context(): Promise<CardContext>;
  configure(overrides: Partial<CardSettings>): Promise<void>;
  token(card: TestCardName): Promise<{ token: string; maskedCard: string }>;
  /** A new-card payment as the card form posts it: a fresh token for `card`, one payment (01), not saved. */
  newCard(card: TestCardName, options?: NewCardOptions): Promise<CardInput>;
  control<T = unknown>(path: string, body?: unknown, method?: string): Promise<T>;
  state(): Promise<EmulatorState>;
  user(email?: string): Promise<{ id: string; email: string }>;
  /** `start`: the first attempt is begun in the order's transaction, as the checkout does (PaymentGateway.startWith); see `started`. */
  order(options?: { userId?: string | null; priceYen?: number; quantity?: number; shippingFee?: number; start?: CheckoutPaymentStart }): Promise<PlacedOrderRef & { cartId: string; productId: string; started?: StartedPayment }>;
  /** A second order placed from the same cart (a second browser tab). */
  orderFromCart(cartId: string, userId?: string | null, start?: CheckoutPaymentStart): Promise<PlacedOrderRef & { started?: StartedPayment }>;
  close(): Promise<void>;
}

/** Call in beforeAll, before anything reads env() or db(). */
export async function startCardHarness(options: { timeoutMs?: number } = {}): Promise<CardHarness> {
  const t = await createTestDb();
  const emu = await startEmulator({ port: 0, quiet: true, env: {}, hangMs: 3_000, slowMs: 3_000 });
  Object.assign(process.env, {
    DATABASE_URL: t.url,
    ESCOTT_TARGET: "emulator",
    ESCOTT_EMULATOR_URL: emu.url,
    ESCOTT_TIMEOUT_MS: String(options.timeoutMs ?? 1_500),
    APP_ENCRYPTION_KEY: ENCRYPTION_KEY,
    SITE_URL: "http://shop.test",
  });
  // The app's db() is a per-process singleton: make it this test database.
  (globalThis as { __db?: Db }).__db = t.db;
  const box = createSecretBox(ENCRYPTION_KEY);

  const control = <T>(path: string, body?: unknown, method = "POST") => controlEmulator<T>(emu.url, path, body, method);
  const token = (card: TestCardName) => control<{ token: string; maskedCard: string }>("/_control/token", tokenCardInput(TEST_CARDS[card]));

  return {
    t,
    db: t.db,
    emu,
    async context() {
      const c = await loadCardContext();
      if (!c) throw new Error("card gateway not configured");
      return c;
    },
    async configure(overrides) {
      // 3-D Secure is on for new installs; tests turn it on when they are about it.
      const first = (await t.db.gatewaySettings.count({ where: { gateway: "card" } })) === 0;
      const current = await loadSettings(t.db, box, "card", "emulator");
      await saveSettings(t.db, box, "card", { ...current, ...(first ? { threeDSecure: false } : {}), enabled: true, ...overrides });
    },
    token,
    async newCard(card, options = {}) {
      const { token: cardToken, maskedCard } = await token(card);
      return { mode: "new", token: cardToken, maskedCard, holderName: "TARO YAMADA", payType: "01", save: false, agreement: false, ...options };
    },
    control,
    state: () => control<EmulatorState>("/_control/state", undefined, "GET"),
    async user(email) {
      return t.db.user.create({ data: { email: email ?? `u-${randomUUID()}@example.com`, passwordHash: "x", emailVerifiedAt: new Date() }, select: { id: true, email: true } });
    },
    async order(o = {}) {
      const product = await createProduct(t.db, { priceYen: o.priceYen ?? 5500, stock: 10 });
      const cart = await ensureCart(t.db, { userId: o.userId ?? null, token: null });
      await addItem(t.db, cart.id, product.id, o.quantity ?? 1);
      const placed = await placeOrder(
        t.db,
        { cartId: cart.id, checkoutKey: randomUUID(), userId: o.userId ?? null, locale: "ja", data: sampleCheckout, paymentMethod: "card", shipping: { flatFee: o.shippingFee ?? 800, freeThreshold: 100_000 } },
        startIn(o.start),
      );
      return { id: placed.id, accessKey: placed.accessKey, total: placed.total, email: sampleCheckout.email, cartId: cart.id, productId: product.id, started: placed.started };
    },
    async orderFromCart(cartId, userId = null, start) {
      const placed = await placeOrder(t.db, { cartId, checkoutKey: randomUUID(), userId, locale: "ja", data: sampleCheckout, paymentMethod: "card", shipping: { flatFee: 800, freeThreshold: 100_000 } }, startIn(start));
      return { id: placed.id, accessKey: placed.accessKey, total: placed.total, email: sampleCheckout.email, started: placed.started };
    },
    async close() {
      await emu.close();
      await t.cleanup();
    },
  };
}

function startIn(start: CheckoutPaymentStart | undefined) {
  return start ? (tx: Tx, order: NewOrder) => startNewOrderPayment(tx, order, start) : undefined;
}

/**
 * The set-up every card test file shares: one harness for the file (started before its tests,
 * closed after them) and, before each test, a reset emulator, then `beforeEach` (the file's own
 * clean-up), then the card settings `settings` — so every test starts from the same gateway.
 * The harness exists only once beforeAll has run: use the returned handle inside tests and hooks.
 */
export function cardHarnessPerFile(settings: Partial<CardSettings>, options: { timeoutMs?: number; beforeEach?: (h: CardHarness) => Promise<void> } = {}): CardHarness {
  let started: CardHarness | undefined;
  const current = (): CardHarness => {
    if (!started) throw new Error("the card harness starts in beforeAll: use it inside tests and hooks");
    return started;
  };
  beforeAll(async () => {
    started = await startCardHarness({ timeoutMs: options.timeoutMs });
  });
  afterAll(async () => {
    await started?.close();
  });
  beforeEach(async () => {
    await current().control("/_control/reset");
    await options.beforeEach?.(current());
    await current().configure(settings);
  });
  return new Proxy({} as CardHarness, { get: (_target, key) => current()[key as keyof CardHarness] });
}
