import type { Request } from "@playwright/test";
import { CARDS, configureCard, fillAddress, fillCard, keepCardSettings, latestOrderFor, orderOf, placeOrder, startCheckout, thankYouOrderId, transactionsOf, withDb } from "./card-support";
import { admin, expect, login, test, uniqueEmail } from "./fixtures";

test.describe.configure({ mode: "serial" });
keepCardSettings();

test("the admin enables card payments with one tick (and 3-D Secure off); a guest pays with the demo card; only a token reaches the shop", async ({ page, browser }) => {
  await withDb((db) => db.gatewaySettings.deleteMany({ where: { gateway: "card" } }));
  const adminContext = await browser.newContext({ baseURL: process.env.E2E_BASE_URL });
  const adminPage = await adminContext.newPage();
  await login(adminPage, admin().email, admin().password);
  await adminPage.goto("/admin/payments/card");
  await expect(adminPage.getByTestId("card-availability")).toContainText("有効化されていません。");
  await adminPage.getByLabel("クレジットカード決済を有効化").check();
  // 3-D Secure is on for a new install; this test is about the plain token flow (card-3ds.spec.ts has the other).
  await expect(adminPage.getByLabel("3Dセキュア認証を利用する")).toBeChecked();
  await adminPage.getByLabel("3Dセキュア認証を利用する").uncheck();
  await adminPage.getByRole("button", { name: "保存" }).click();
  await expect(adminPage.getByRole("status")).toHaveText("設定を保存しました。");
  await adminPage.reload();
  await expect(adminPage.getByTestId("card-availability")).toContainText("チェックアウトに表示されています。");

  const email = uniqueEmail("card-guest");
  const actionBodies: string[] = [];
  const cardDataAtEscott: string[] = [];
  page.on("request", (r: Request) => {
    if (r.method() !== "POST") return;
    // Everything posted to the shop; the card data must go to e-SCOTT's host only.
    if (r.url().startsWith(process.env.E2E_BASE_URL!)) actionBodies.push(r.postData() ?? "");
    else if (r.url().startsWith(process.env.E2E_EMULATOR_URL!)) cardDataAtEscott.push(r.postData() ?? "");
  });
  await startCheckout(page, { email });
  await expect(page.getByTestId("card-payment")).toBeVisible();
  await fillCard(page, CARDS.demo);
  await placeOrder(page);
  const orderId = await thankYouOrderId(page);

  // The shop got a token and the masked number — never the number, the expiry or the code.
  const checkoutPost = actionBodies.find((b) => b.includes('"token"'));
  expect(checkoutPost).toBeTruthy();
  expect(checkoutPost).toContain("4123********0300");
  expect(cardDataAtEscott.join("\n")).toContain(`cardNo=${CARDS.demo.number}`);
  for (const body of actionBodies) {
    expect(body).not.toContain(CARDS.demo.number);
    expect(body).not.toMatch(/"(cardNo|cardNumber|number|securityCode|secCd|expiry|month|year)"/);
    expect(body).not.toContain('"8888"');
  }

  // Conversion tracking: one purchase event, not repeated on reload.
  const events = await page.evaluate(() => ((window as unknown as { dataLayer?: { event?: string }[] }).dataLayer ?? []).filter((e) => e.event === "purchase"));
  const order = await orderOf(orderId);
  expect(events).toEqual([{ event: "purchase", ecommerce: { transaction_id: String(orderId), value: order.total, currency: "JPY" } }]);
  await page.reload();
  await expect(page.getByRole("heading", { name: "ご注文ありがとうございます" })).toBeVisible();
  expect(await page.evaluate(() => ((window as unknown as { dataLayer?: { event?: string }[] }).dataLayer ?? []).filter((e) => e.event === "purchase").length)).toBe(0);

  expect(order.status).toBe("processing");
  const [payment] = order.payments;
  expect(payment).toMatchObject({ state: "captured", operateId: "1Gathering" });
  expect((await transactionsOf(orderId))[0]).toMatchObject({ status: "SALES", payType: "01", merchantFree1: payment!.transactionCode });

  await adminPage.goto(`/admin/orders/${orderId}`);
  await expect(adminPage.getByTestId("order-status")).toHaveText("処理中");
  await expect(adminPage.getByTestId("card-transaction-code")).toHaveText(payment!.transactionCode);
  await expect(adminPage.getByTestId("card-payment-state")).toHaveText("売上計上");
  await expect(adminPage.getByTestId("card-history")).toContainText("1Gathering");
  await adminContext.close();
});

test("declined cards show the grouped message, the order fails with the codes in its timeline, and the cart stays for a retry", async ({ page, browser }) => {
  await configureCard();
  const email = uniqueEmail("card-ng");
  await startCheckout(page, { email });
  for (const [card, code, message] of [
    [CARDS.g12, "G12", "このカードはご利用いただけません。別のカードをお試しいただくか、カード会社にお問い合わせください。"],
    [CARDS.c13, "C13", "カードの有効期限が正しくないか、期限切れです。"],
    [CARDS.k40, "K40", "セキュリティコードが正しくありません。"],
  ] as const) {
    await fillCard(page, card);
    await placeOrder(page);
    await expect(page.getByTestId("payment-error")).toHaveText(message);
    const order = await latestOrderFor(email);
    expect(order.status).toBe("failed");
    expect(order.notes.map((n) => n.message).join("\n")).toContain(`${code}:`);
  }
  await expect(page.getByTestId("cart-count")).toHaveText("1");
  const failed = await latestOrderFor(email);

  const adminContext = await browser.newContext({ baseURL: process.env.E2E_BASE_URL });
  const adminPage = await adminContext.newPage();
  await login(adminPage, admin().email, admin().password);
  await adminPage.goto(`/admin/orders/${failed.id}`);
  await expect(adminPage.getByTestId("order-status")).toHaveText("失敗");
  await expect(adminPage.getByTestId("timeline")).toContainText("G12: カード使用不可");
  await expect(adminPage.getByTestId("timeline")).toContainText("K40: セキュリティコード誤り");
  await adminContext.close();

  // Same checkout, another card: the failed order is paid after all.
  await fillCard(page, CARDS.demo);
  await placeOrder(page);
  expect(await thankYouOrderId(page)).toBe(failed.id);
  expect((await orderOf(failed.id)).status).toBe("processing");
  await expect(page.getByTestId("cart-count")).toHaveText("0");
});

test("installments: the menu appears once the number is typed and follows the brand; the choice reaches e-SCOTT", async ({ page }) => {
  await configureCard({ installments: "2" });
  const email = uniqueEmail("card-installments");
  // 分割払い needs at least 3,000 yen (G75 below that).
  await startCheckout(page, { email, slug: "arita-indigo-plates" });
  const payType = page.getByLabel("支払回数");
  await expect(payType).toHaveCount(0);
  await expect(page.getByText("カード番号を入力すると、選べる支払回数が表示されます。")).toBeVisible();
  const number = page.getByTestId("card-fields").getByLabel("カード番号");
  const options = async () => (await payType.locator("option").allTextContents()).join(",");
  const full = "一括払い,2回払い,3回払い,5回払い,6回払い,10回払い,12回払い,15回払い,18回払い,20回払い,24回払い,リボ払い";

  await number.fill(CARDS.visa.number);
  expect(await options()).toBe(full);
  await number.fill(CARDS.amex.number);
  expect(await options()).toBe("一括払い,3回払い,5回払い,6回払い,10回払い,12回払い,15回払い,18回払い,20回払い,24回払い");
  await number.fill(CARDS.diners.number);
  expect(await options()).toBe("一括払い,リボ払い");
  await number.fill(CARDS.jcb.number);
  expect(await options()).toBe(full);

  await fillCard(page, CARDS.jcb);
  await payType.selectOption({ label: "3回払い" });
  await placeOrder(page);
  const orderId = await thankYouOrderId(page);
  expect((await transactionsOf(orderId))[0]).toMatchObject({ payType: "03", status: "SALES" });
  expect((await orderOf(orderId)).payments[0]?.payType).toBe("03");

  // 分割払いとボーナス払い adds ボーナス一括払い; 一括払いのみ shows no menu at all.
  await configureCard({ installments: "3" });
  await startCheckout(page, { email });
  await page.getByTestId("card-fields").getByLabel("カード番号").fill(CARDS.visa.number);
  await expect(page.getByLabel("支払回数").locator("option", { hasText: "ボーナス一括払い" })).toHaveCount(1);
  await configureCard({ installments: "1" });
  await page.reload();
  await fillAddress(page, email);
  await page.getByTestId("card-fields").getByLabel("カード番号").fill(CARDS.visa.number);
  await expect(page.getByLabel("支払回数")).toHaveCount(0);
});

test("card form errors are shown in Japanese before anything is sent", async ({ page }) => {
  await configureCard();
  await startCheckout(page, { email: uniqueEmail("card-form") });
  const form = page.getByTestId("card-fields");
  await form.getByLabel("カード番号").fill("1234");
  await form.getByLabel("カード名義").fill("山田花子");
  await placeOrder(page);
  await expect(page.getByText("カード番号は半角数字13〜19桁で入力してください。")).toBeVisible();
  await expect(page.getByText("有効期限を選択してください。")).toBeVisible();
  await expect(page.getByText("セキュリティコードは半角数字3桁または4桁で入力してください。")).toBeVisible();
  await expect(page.getByText("カード名義は半角英字（A〜Z）とスペースで入力してください。")).toBeVisible();
});
