// Card-testing defences in the browser (issue 10): an order that fails its card payment too often
// is cancelled and the shopper is asked to start again; beyond the hourly limit per shopper the
// checkout refuses card payment before anything reaches e-SCOTT.
import { CARDS, configureCard, emulatorState, fillCard, keepCardSettings, latestOrderFor, placeOrder, startCheckout, withDb } from "./card-support";
import { expect, test, uniqueEmail } from "./fixtures";

test.describe.configure({ mode: "serial" });
keepCardSettings();

test.beforeEach(async () => {
  await withDb((db) => db.throttleCounter.deleteMany({ where: { key: { startsWith: "card-" } } }));
});
test.afterAll(async () => {
  await withDb((db) => db.throttleCounter.deleteMany({ where: { key: { startsWith: "card-" } } }));
});

test("the order is cancelled after its last allowed failed card attempt, its stock returned", async ({ page }) => {
  await configureCard({ operateId: "1Gathering", declinesPerOrder: 2 });
  const email = uniqueEmail("card-testing-order");
  await startCheckout(page, { email });
  await fillCard(page, CARDS.g12);
  await placeOrder(page);
  await expect(page.getByTestId("payment-error")).toHaveText("このカードはご利用いただけません。別のカードをお試しいただくか、カード会社にお問い合わせください。");
  await fillCard(page, CARDS.k40);
  await placeOrder(page);
  await expect(page.getByTestId("payment-error")).toContainText("このご注文は取り消しました");
  const order = await latestOrderFor(email);
  expect(order.status).toBe("cancelled");
  expect(order.payments).toHaveLength(2);
});

test("a shopper over the hourly limit is refused card payment without a call to e-SCOTT or a new order", async ({ page }) => {
  await configureCard({ operateId: "1Gathering", declinesPerOrder: 20, declinesPerShopperHour: 2 });
  const email = uniqueEmail("card-testing-shopper");
  await startCheckout(page, { email });
  for (const card of [CARDS.g12, CARDS.c13]) {
    await fillCard(page, card);
    await placeOrder(page);
    await expect(page.getByTestId("payment-error")).not.toContainText("しばらくの間");
  }
  const orders = await withDb((db) => db.order.count({ where: { email } }));
  const lastCall = Math.max(0, ...(await emulatorState()).calls.map((c) => Number(c.transactionId ?? 0)));

  await fillCard(page, CARDS.demo);
  await placeOrder(page);
  await expect(page.getByTestId("payment-error")).toHaveText(
    "カードでのお支払いが続けて承認されなかったため、しばらくの間カード決済をご利用いただけません。時間をおいて再度お試しいただくか、別のお支払い方法をお選びください。",
  );
  // No server call reached the emulator (each has a new, growing TransactionId).
  expect((await emulatorState()).calls.filter((c) => Number(c.transactionId ?? 0) > lastCall)).toEqual([]);
  expect(await withDb((db) => db.order.count({ where: { email } }))).toBe(orders);
});
