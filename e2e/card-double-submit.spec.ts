import type { APIResponse } from "@playwright/test";
import { CARDS, configureCard, emulatorState, fillAddress, fillCard, keepCardSettings, orderOf, placeOrder, startCheckout, thankYouOrderId } from "./card-support";
import { expect, test, uniqueEmail } from "./fixtures";

test.describe.configure({ mode: "serial" });
keepCardSettings();

test("two concurrent place-order requests for one order authorize exactly once", async ({ page }) => {
  await configureCard({ operateId: "1Gathering" });
  await startCheckout(page, { email: uniqueEmail("card-double") });
  // The slow card keeps the first request busy at e-SCOTT for seconds, so the duplicate surely
  // arrives while it is in flight.
  await fillCard(page, CARDS.slow);

  // The browser's own request goes through; the very same request (same checkout key, token,
  // cookies) is fired again at the same moment, as a double click or a retrying proxy would.
  let duplicate: Promise<APIResponse> | undefined;
  await page.route("**/checkout", async (route) => {
    const request = route.request();
    const headers = request.headers();
    if (request.method() === "POST" && headers["next-action"] && !duplicate) {
      const forward = Object.fromEntries(Object.entries(headers).filter(([k]) => ["next-action", "content-type", "accept", "next-router-state-tree"].includes(k)));
      duplicate = page.request.post(request.url(), { headers: forward, data: request.postDataBuffer() ?? undefined, maxRedirects: 0 });
    }
    await route.continue();
  });
  await placeOrder(page);
  const orderId = await thankYouOrderId(page);
  const replayed = await duplicate!;
  expect(replayed.status()).toBe(200);
  // The duplicate waited for the first attempt and answered with the same thank-you page.
  expect(await replayed.text()).toContain(`/order/${orderId}?key=`);

  const order = await orderOf(orderId);
  expect(order.status).toBe("processing");
  expect(order.payments).toHaveLength(1);
  const state = await emulatorState();
  expect(state.calls.filter((c) => c.operateId === "1Gathering" && c.merchantFree1 === order.payments[0]!.transactionCode)).toHaveLength(1);
  expect(state.transactions.filter((t) => t.merchantFree2 === String(orderId))).toHaveLength(1);
});

test("back and reload after paying, or a second tab of the same cart, charge nothing more", async ({ page }) => {
  await configureCard({ operateId: "1Gathering" });
  const email = uniqueEmail("card-tabs");
  await startCheckout(page, { email });
  const secondTab = await page.context().newPage();
  await secondTab.goto("/checkout");
  await fillAddress(secondTab, email);
  await fillCard(secondTab, CARDS.visa);

  await fillCard(page, CARDS.demo);
  await placeOrder(page);
  const orderId = await thankYouOrderId(page);

  // The second tab still shows the form with the old cart: its submit is refused.
  await placeOrder(secondTab);
  await expect(secondTab.getByTestId("checkout-empty_cart")).toBeVisible();

  await page.goBack();
  await page.reload();
  await expect(page.getByText("カートが空のため、ご注文手続きを進められません。")).toBeVisible();
  const transactions = (await emulatorState()).transactions.filter((t) => t.merchantFree2 === String(orderId));
  expect(transactions).toHaveLength(1);
  expect((await orderOf(orderId)).payments).toHaveLength(1);
});
