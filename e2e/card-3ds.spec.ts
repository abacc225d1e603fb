import { request as playwrightRequest, type Request } from "@playwright/test";
import { CARDS, configureCard, emulatorState, fillAddress, fillCard, keepCardSettings, latestOrderFor, orderOf, placeOrder, startCheckout, thankYouOrderId } from "./card-support";
import { admin, expect, login, register, test, uniqueEmail } from "./fixtures";

test.describe.configure({ mode: "serial" });
keepCardSettings();

test.beforeEach(async () => {
  await configureCard({ threeDSecure: true, operateId: "1Gathering" });
});

test("3-D Secure success: consent required, the shopper passes e-SCOTT's page, 3D認証結果 0 is stored; a replayed return (no cookies) charges nothing more", async ({ page, browser }) => {
  const email = uniqueEmail("card-3ds");
  await startCheckout(page, { email });
  await fillCard(page, CARDS.demo);
  await placeOrder(page);
  await expect(page.getByText("個人情報の取り扱いに同意してください。")).toBeVisible();

  const returns: Request[] = [];
  page.on("request", (r) => {
    if (r.method() === "POST" && r.url().includes("/api/escott/3ds")) returns.push(r);
  });
  await page.getByLabel("個人情報の取り扱いに同意する").check();
  await placeOrder(page);
  const orderId = await thankYouOrderId(page);
  const order = await orderOf(orderId);
  expect(order.status).toBe("processing");
  expect(order.payments[0]).toMatchObject({ state: "captured", secureResultCode: "0", agreement: true });
  const tx = (await emulatorState()).transactions.find((t) => t.merchantFree2 === String(orderId));
  expect(tx?.threeDS).toMatchObject({ SecureResultCode: "0" });

  // The return is a cross-site POST: replay it from a context without any cookie.
  expect(returns).toHaveLength(1);
  const anonymous = await playwrightRequest.newContext();
  const replay = await anonymous.post(returns[0]!.url(), { headers: { "content-type": "application/x-www-form-urlencoded" }, data: returns[0]!.postData() ?? "", maxRedirects: 0 });
  expect(replay.status()).toBe(303);
  expect(replay.headers().location).toBe(page.url());
  await anonymous.dispose();
  const gatherings = (await emulatorState()).calls.filter((c) => c.operateId === "1Gathering" && c.merchantFree1 === order.payments[0]!.transactionCode);
  expect(gatherings).toHaveLength(1);

  const adminPage = await (await browser.newContext({ baseURL: process.env.E2E_BASE_URL })).newPage();
  await login(adminPage, admin().email, admin().password);
  await adminPage.goto(`/admin/orders/${orderId}`);
  await expect(adminPage.getByTestId("card-secure-result")).toHaveText("0");
  await expect(adminPage.getByTestId("card-payment-panel")).toContainText("同意済");
});

test("3-D Secure failure (本人認証NG): back to checkout with the message, nothing charged, the cart intact", async ({ page }) => {
  const email = uniqueEmail("card-3ds-ng");
  await startCheckout(page, { email });
  await fillCard(page, CARDS.challenge);
  await page.getByLabel("個人情報の取り扱いに同意する").check();
  await placeOrder(page);
  await page.getByRole("button", { name: /^1: 本人認証NG/ }).click();
  await page.waitForURL(/\/checkout\?notice=payment\.threeDSFailed/);
  await expect(page.getByTestId("payment-error")).toHaveText("3D セキュア認証ができませんでした。");
  await expect(page.getByTestId("cart-count")).toHaveText("1");
  const order = await latestOrderFor(email);
  expect(order.status).toBe("failed");
  expect(order.payments[0]).toMatchObject({ state: "failed", secureResultCode: "1" });
  expect((await emulatorState()).transactions.filter((t) => t.merchantFree2 === String(order.id))).toHaveLength(0);

  // The shopper tries again, passes the challenge this time.
  await fillAddress(page, email);
  await fillCard(page, CARDS.challenge);
  await page.getByLabel("個人情報の取り扱いに同意する").check();
  await placeOrder(page);
  await page.getByRole("button", { name: /^0: 認証成功/ }).click();
  const paid = await thankYouOrderId(page);
  expect((await orderOf(paid)).payments[0]).toMatchObject({ state: "captured", secureResultCode: "0" });
});

test("a card declined after 3-D Secure brings the shopper back to checkout with the grouped message and the address kept", async ({ page }) => {
  const email = uniqueEmail("card-3ds-decline");
  await startCheckout(page, { email });
  await fillCard(page, CARDS.g12);
  await page.getByLabel("個人情報の取り扱いに同意する").check();
  await placeOrder(page);
  await page.waitForURL(/\/checkout\?notice=payment\.failed&codes=G12/);
  await expect(page.getByTestId("payment-error")).toHaveText("このカードはご利用いただけません。別のカードをお試しいただくか、カード会社にお問い合わせください。");
  // The billing details survive the round trip through e-SCOTT's page.
  await expect(page.getByRole("group", { name: "ご請求先" }).getByRole("textbox", { name: "メールアドレス", exact: true })).toHaveValue(email);
  const order = await latestOrderFor(email);
  expect(order.status).toBe("failed");
  expect(order.payments[0]).toMatchObject({ state: "failed", secureResultCode: "0", lastCodes: "G12" });
});

test("My Account registers a card through the 3-D Secure page", async ({ page }) => {
  await register(page, uniqueEmail("card-3ds-account"), "customer password");
  await page.goto("/account");
  await page.getByRole("link", { name: "クレジットカード登録/更新" }).click();
  await expect(page.getByTestId("no-registered-card")).toBeVisible();
  await fillCard(page, CARDS.visa);
  await page.getByLabel("個人情報の取り扱いに同意する").check();
  await page.getByRole("button", { name: "登録する" }).click();
  await page.waitForURL(/\/account\/card\?notice=card\.saved/);
  await expect(page.getByTestId("card-notice")).toHaveText("カード情報を登録しました。");
  await expect(page.getByTestId("registered-card")).toContainText("1111");
});
