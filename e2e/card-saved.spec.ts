import type { Browser, Page } from "@playwright/test";
import { CARDS, configureCard, fillCard, keepCardSettings, orderOf, placeOrder, startCheckout, thankYouOrderId, transactionsOf, withDb } from "./card-support";
import { admin, expect, login, register, test, uniqueEmail } from "./fixtures";

test.describe.configure({ mode: "serial" });
keepCardSettings();

const BLOCKED_OPEN = "お支払い手続き中または処理中のカード決済のご注文があるため、カード情報を削除できません。ご注文の処理が完了してから削除してください。";
const BLOCKED_AUTH = "直近90日以内に、売上が確定していないカード決済（与信）のご注文があるため、カード情報を削除できません。削除をご希望の場合はショップにお問い合わせください。";

async function adminPage(browser: Browser): Promise<Page> {
  const page = await (await browser.newContext({ baseURL: process.env.E2E_BASE_URL })).newPage();
  await login(page, admin().email, admin().password);
  return page;
}

async function payWithSavedCard(page: Page): Promise<number> {
  await startCheckout(page);
  await expect(page.getByRole("radio", { name: /登録済みのカードで支払う/ })).toBeChecked();
  await expect(page.getByTestId("card-fields")).toHaveCount(0);
  await placeOrder(page);
  return thankYouOrderId(page);
}

const completeOrders = (ids: number[]) => withDb((db) => db.order.updateMany({ where: { id: { in: ids } }, data: { status: "completed" } }));

test("a customer saves the card while paying, pays with it without the card form, then replaces it", async ({ page }) => {
  await configureCard({ operateId: "1Gathering", cardMember: true, alwaysSaveCard: true });
  const email = uniqueEmail("card-member");
  await register(page, email, "customer password");

  await startCheckout(page);
  await expect(page.getByTestId("card-payment")).toContainText("カード情報は次回以降のお支払いのためにソニーペイメントサービスに登録されます");
  await fillCard(page, CARDS.demo);
  await placeOrder(page);
  const first = await thankYouOrderId(page);
  expect((await transactionsOf(first))[0]).toMatchObject({ hasKaiinId: true });
  const kaiinId = (await transactionsOf(first))[0]!.kaiinId;

  await expect(page.getByRole("radio", { name: "登録済みのカードで支払う（VISA 下4桁 0300）" })).toHaveCount(0); // thank-you page
  const second = await payWithSavedCard(page);
  expect((await transactionsOf(second))[0]).toMatchObject({ hasKaiinId: true, kaiinId, status: "SALES" });
  expect((await orderOf(second)).payments[0]?.memberUsed).toBe(true);

  // 「登録済みのカードを変更して支払う」 really replaces the saved card.
  await startCheckout(page);
  await page.getByRole("radio", { name: "登録済みのカードを変更して支払う" }).check();
  await fillCard(page, CARDS.master);
  await placeOrder(page);
  const third = await thankYouOrderId(page);
  expect((await transactionsOf(third))[0]).toMatchObject({ kaiinId });
  await page.goto("/account/card");
  await expect(page.getByTestId("registered-card")).toContainText("4444");
  await startCheckout(page);
  await expect(page.getByRole("radio", { name: "登録済みのカードで支払う（Mastercard 下4桁 4444）" })).toBeChecked();
});

test("the saved card cannot be deleted while a 与信 order is open (hidden, and refused by the server); it can after capture", async ({ page, browser }) => {
  await configureCard({ operateId: "1Gathering" });
  const email = uniqueEmail("card-delete");
  await register(page, email, "customer password");
  await startCheckout(page);
  await fillCard(page, CARDS.visa);
  await placeOrder(page);
  const paidOrder = await thankYouOrderId(page);

  await configureCard({ operateId: "1Auth" });
  const authorized = await payWithSavedCard(page);
  expect((await orderOf(authorized)).payments[0]?.state).toBe("authorized");

  await page.goto("/account/card");
  await expect(page.getByTestId("registered-card")).toContainText("1111");
  await expect(page.getByTestId("card-delete-blocked")).toHaveText(BLOCKED_OPEN);
  await expect(page.getByRole("button", { name: "カード会員情報を削除" })).toHaveCount(0);

  // Completed but never captured: still a 与信 of the last 90 days.
  await completeOrders([paidOrder, authorized]);
  await page.reload();
  await expect(page.getByTestId("card-delete-blocked")).toHaveText(BLOCKED_AUTH);
  // …which stops counting after 90 days.
  await withDb((db) => db.order.update({ where: { id: authorized }, data: { createdAt: new Date(Date.now() - 91 * 24 * 60 * 60 * 1000) } }));
  await page.reload();
  await expect(page.getByRole("button", { name: "カード会員情報を削除" })).toBeVisible();
  await withDb((db) => db.order.update({ where: { id: authorized }, data: { createdAt: new Date() } }));
  await page.reload();
  await expect(page.getByTestId("card-delete-blocked")).toBeVisible();

  // The admin captures it: nothing is pending any more.
  const adminTab = await adminPage(browser);
  await adminTab.goto(`/admin/orders/${authorized}`);
  await adminTab.getByTestId("card-operations").getByRole("button", { name: "売上計上", exact: true }).click();
  await adminTab.getByTestId("card-operation-confirm").getByRole("button", { name: "実行する" }).click();
  await expect(adminTab.getByTestId("card-operation-result")).toHaveText("売上計上しました。");
  await page.reload();
  await expect(page.getByRole("button", { name: "カード会員情報を削除" })).toBeVisible();

  // Meanwhile the customer pays again in another tab: the page still shows the button, the server refuses.
  const otherTab = await page.context().newPage();
  const open = await payWithSavedCard(otherTab);
  await page.getByRole("button", { name: "カード会員情報を削除" }).click();
  await page.getByRole("button", { name: "削除する" }).click();
  // Refused with the reason; the page now shows the rule instead of the button.
  await expect(page.getByTestId("card-delete-blocked")).toHaveText(BLOCKED_OPEN);
  await expect(page.getByRole("button", { name: "カード会員情報を削除" })).toHaveCount(0);
  expect(await withDb((db) => db.cardMember.count({ where: { user: { email } } }))).toBe(1);

  await adminTab.goto(`/admin/orders/${open}`);
  await adminTab.getByTestId("card-operations").getByRole("button", { name: "売上計上", exact: true }).click();
  await adminTab.getByTestId("card-operation-confirm").getByRole("button", { name: "実行する" }).click();
  await expect(adminTab.getByTestId("card-operation-result")).toHaveText("売上計上しました。");
  await completeOrders([open]);

  await page.reload();
  await page.getByRole("button", { name: "カード会員情報を削除" }).click();
  await expect(page.getByText("登録済みのカード情報を削除します。よろしいですか？")).toBeVisible();
  await page.getByRole("button", { name: "削除する" }).click();
  await page.waitForURL(/notice=card\.deleted/);
  await expect(page.getByTestId("card-notice")).toHaveText("カード会員情報を削除しました。");
  await expect(page.getByTestId("no-registered-card")).toBeVisible();
  expect(await withDb((db) => db.cardMember.count({ where: { user: { email } } }))).toBe(0);
});

test("My Account registers and replaces a card; the admin deletes a customer's card despite an open order, after the warning", async ({ page, browser }) => {
  await configureCard({ operateId: "1Auth" });
  const email = uniqueEmail("card-admin-delete");
  await register(page, email, "customer password");
  await page.goto("/account/card");
  await fillCard(page, CARDS.visa);
  await page.getByRole("button", { name: "登録する" }).click();
  await expect(page.getByTestId("card-notice")).toHaveText("カード情報を登録しました。");
  await expect(page.getByTestId("registered-card")).toContainText("1111");
  await fillCard(page, CARDS.amex);
  await page.getByRole("button", { name: "変更する" }).click();
  await expect(page.getByTestId("registered-card")).toContainText("0005");
  await payWithSavedCard(page);

  const adminTab = await adminPage(browser);
  await adminTab.goto("/admin/users");
  await adminTab.getByLabel("メールアドレスで検索").fill(email);
  await adminTab.getByRole("button", { name: "検索" }).click();
  await expect(adminTab.getByTestId("admin-user-row")).toHaveCount(1);
  await adminTab.getByRole("link", { name: "詳細" }).click();
  await expect(adminTab.getByTestId("admin-user-card")).toContainText("0005");
  await expect(adminTab.getByTestId("admin-delete-card")).toContainText("クレジット決済に未処理がないことを確認してから削除してください。");
  await adminTab.getByRole("button", { name: "カード会員情報を削除" }).click();
  await expect(adminTab.getByTestId("admin-user-card")).toBeVisible(); // the checkbox is required first
  await adminTab.getByLabel("未処理のカード決済がないことを確認しました").check();
  await adminTab.getByRole("button", { name: "カード会員情報を削除" }).click();
  await expect(adminTab.getByTestId("admin-user-no-card")).toBeVisible();
  expect(await withDb((db) => db.cardMember.count({ where: { user: { email } } }))).toBe(0);

  await page.goto("/account/card");
  await expect(page.getByTestId("no-registered-card")).toBeVisible();
});
