import type { Page } from "@playwright/test";
import { CARDS, configureCard, fillCard, keepCardSettings, orderOf, PRODUCT, placeOrder, startCheckout, thankYouOrderId, transactionsOf, withDb } from "./card-support";
import { admin, expect, login, test, uniqueEmail } from "./fixtures";

test.describe.configure({ mode: "serial" });
keepCardSettings();

async function guestPays(page: Page): Promise<number> {
  await startCheckout(page, { email: uniqueEmail("card-admin") });
  await fillCard(page, CARDS.demo);
  await placeOrder(page);
  return thankYouOrderId(page);
}

async function operate(page: Page, button: string, confirmText: RegExp, fill?: { label: string; value: string }) {
  await page.getByTestId("card-operations").getByRole("button", { name: button, exact: true }).click();
  const dialog = page.getByTestId("card-operation-confirm");
  await expect(dialog).toContainText(confirmText);
  if (fill) await dialog.getByLabel(fill.label).fill(fill.value);
  await dialog.getByRole("button", { name: "実行する" }).click();
}

test("with 処理区分 与信 the admin captures later, changes the amount and looks the transaction up", async ({ page, browser }) => {
  await configureCard({ operateId: "1Auth" });
  const orderId = await guestPays(page);
  expect((await orderOf(orderId)).payments[0]?.state).toBe("authorized");
  expect((await transactionsOf(orderId))[0]?.status).toBe("AUTH");

  const adminPage = await (await browser.newContext({ baseURL: process.env.E2E_BASE_URL })).newPage();
  await login(adminPage, admin().email, admin().password);
  await adminPage.goto(`/admin/orders/${orderId}`);
  await expect(adminPage.getByTestId("card-payment-state")).toHaveText("与信");

  // A confirmation step: cancelling does nothing.
  await adminPage.getByTestId("card-operations").getByRole("button", { name: "売上計上", exact: true }).click();
  await adminPage.getByTestId("card-operation-confirm").getByRole("button", { name: "キャンセル" }).click();
  expect((await transactionsOf(orderId))[0]?.status).toBe("AUTH");

  await operate(adminPage, "取引照会", /照会/);
  await expect(adminPage.getByTestId("card-operation-result")).toContainText("状態 AUTH");

  await operate(adminPage, "利用額変更", /利用額を変更/, { label: "新しい金額（円）", value: "2500" });
  await expect(adminPage.getByTestId("card-operation-result")).toHaveText("利用額を変更しました。");
  await expect(adminPage.getByTestId("timeline")).toContainText("利用額を変更しました");
  expect((await orderOf(orderId)).total).toBe(2500);
  expect((await transactionsOf(orderId))[0]?.amount).toBe(2500);

  await operate(adminPage, "売上計上", /売上計上を実行/);
  await expect(adminPage.getByTestId("card-operation-result")).toHaveText("売上計上しました。");
  await expect(adminPage.getByTestId("card-payment-state")).toHaveText("売上計上");
  await expect(adminPage.getByTestId("card-history")).toContainText("1Capture");
  expect((await transactionsOf(orderId))[0]?.status).toBe("SALES");
  // 売上計上 is no longer offered once captured.
  await expect(adminPage.getByTestId("card-operations").getByRole("button", { name: "売上計上", exact: true })).toHaveCount(0);
});

test("取消 of a captured payment refunds the order and of an authorization cancels it; stock comes back", async ({ page, browser }) => {
  const adminPage = await (await browser.newContext({ baseURL: process.env.E2E_BASE_URL })).newPage();
  await login(adminPage, admin().email, admin().password);
  const stock = () => withDb(async (db) => (await db.product.findUniqueOrThrow({ where: { slug: PRODUCT } })).stock);

  await configureCard({ operateId: "1Gathering" });
  const captured = await guestPays(page);
  const before = await stock();
  await adminPage.goto(`/admin/orders/${captured}`);
  // The status form cannot refund it by hand: the sale would stay standing at e-SCOTT.
  await adminPage.getByLabel("新しいステータス").selectOption("refunded");
  await adminPage.getByLabel("メモ", { exact: true }).fill("返金");
  await adminPage.getByRole("button", { name: "変更する" }).click();
  await expect(adminPage.getByTestId("status-form").getByRole("alert")).toContainText("「取消」を使ってください");
  await expect(adminPage.getByTestId("order-status")).toHaveText("処理中");
  expect((await transactionsOf(captured))[0]?.status).toBe("SALES");
  await operate(adminPage, "取消", /取り消します/);
  await expect(adminPage.getByTestId("card-operation-result")).toHaveText("取引を取り消しました。");
  await expect(adminPage.getByTestId("order-status")).toHaveText("返金済み");
  expect((await transactionsOf(captured))[0]?.status).toBe("CANCEL");
  expect(await stock()).toBe(before + 1);

  await configureCard({ operateId: "1Auth" });
  const authorized = await guestPays(page);
  await adminPage.goto(`/admin/orders/${authorized}`);
  await operate(adminPage, "取消", /取り消します/);
  await expect(adminPage.getByTestId("order-status")).toHaveText("キャンセル");
  await expect(adminPage.getByTestId("card-payment-state")).toHaveText("取消");
});

test("60 days after the order the operations are disabled with the manual's explanation", async ({ page, browser }) => {
  await configureCard({ operateId: "1Auth" });
  const orderId = await guestPays(page);
  await withDb((db) => db.order.update({ where: { id: orderId }, data: { createdAt: new Date(Date.now() - 61 * 24 * 60 * 60 * 1000) } }));
  const adminPage = await (await browser.newContext({ baseURL: process.env.E2E_BASE_URL })).newPage();
  await login(adminPage, admin().email, admin().password);
  await adminPage.goto(`/admin/orders/${orderId}`);
  await expect(adminPage.getByTestId("card-expired")).toContainText("受注日から60日以内");
  await expect(adminPage.getByTestId("card-operations").getByRole("button", { name: "売上計上", exact: true })).toHaveCount(0);
  await expect(adminPage.getByTestId("card-operations").getByRole("button", { name: "取引照会", exact: true })).toBeVisible();
});

test("a lost answer leaves the order on hold; the admin settles it after checking e-SCOTT", async ({ page, browser }) => {
  await configureCard({ operateId: "1Gathering" });
  await fetch(`${process.env.E2E_EMULATOR_URL}/_control/faults`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ mode: "garbage", count: 1, operateId: "1Gathering", afterProcessing: true }) });
  await startCheckout(page, { email: uniqueEmail("card-unknown") });
  await fillCard(page, CARDS.demo);
  await placeOrder(page);
  await page.waitForURL(/\/order\/\d+\?key=/);
  await expect(page.getByTestId("card-payment-unknown")).toContainText("お支払いの結果を確認できませんでした");
  const orderId = Number(/\/order\/(\d+)/.exec(page.url())![1]);
  expect(await orderOf(orderId)).toMatchObject({ status: "pending", attention: "payment_unknown:unparsable_body" });

  const adminPage = await (await browser.newContext({ baseURL: process.env.E2E_BASE_URL })).newPage();
  await login(adminPage, admin().email, admin().password);
  await adminPage.goto(`/admin/orders/${orderId}`);
  await expect(adminPage.getByTestId("card-needs-resolution")).toContainText((await orderOf(orderId)).payments[0]!.transactionCode);
  await operate(adminPage, "支払い済みにする", /確認しましたか/, { label: "確認した内容（必須）", value: "加盟店管理画面で売上を確認" });
  await expect(adminPage.getByTestId("card-operation-result")).toHaveText("支払い済みとして処理しました。");
  await expect(adminPage.getByTestId("order-status")).toHaveText("処理中");
  expect(await orderOf(orderId)).toMatchObject({ status: "processing", attention: null });
});

test("the payment log lists every call, filterable by order and 決済コード, with secrets masked", async ({ page, browser }) => {
  await configureCard({ operateId: "1Gathering" });
  const orderId = await guestPays(page);
  const code = (await orderOf(orderId)).payments[0]!.transactionCode;
  const adminPage = await (await browser.newContext({ baseURL: process.env.E2E_BASE_URL })).newPage();
  await login(adminPage, admin().email, admin().password);
  await adminPage.goto("/admin/payments/log");
  await adminPage.getByLabel("注文番号").fill(String(orderId));
  await adminPage.getByRole("button", { name: "絞り込む" }).click();
  const rows = adminPage.getByTestId("payment-log-row");
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText("1Gathering");
  await expect(rows.nth(1)).toContainText("1TokenSearch");
  const html = await adminPage.content();
  expect(html).toContain("********01"); // MerchantPass, masked to its last 2 characters
  expect(html).not.toContain("EmuCardPass01");

  await adminPage.goto(`/admin/payments/log?code=${code}&gateway=card`);
  await expect(rows).toHaveCount(2);
  await adminPage.goto(`/admin/payments/log?code=${code}&gateway=cvs`);
  await expect(adminPage.getByText("該当するログはありません。")).toBeVisible();
});
