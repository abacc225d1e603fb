import type { Page } from "@playwright/test";
import { CARDS, configureCard, fillCard, keepCardSettings, orderOf, placeOrder, startCheckout, thankYouOrderId, transactionsOf, withDb } from "./card-support";
import { admin, adminRecordingActions, expect, login, register, replayAction, test, uniqueEmail } from "./fixtures";

// A card checkout and three operations each: more than the default minute when the machine is busy.
test.describe.configure({ mode: "serial", timeout: 120_000 });
keepCardSettings();

async function refund(page: Page, amount: string, reason: string) {
  await page.getByTestId("card-operations").getByRole("button", { name: "返金", exact: true }).click();
  const dialog = page.getByTestId("card-operation-confirm");
  await expect(dialog).toContainText("入力した金額を返金します");
  await dialog.getByLabel("返金額（円）").fill(amount);
  await dialog.getByLabel("返金理由（必須）").fill(reason);
  await dialog.getByRole("button", { name: "実行する" }).click();
}

const refundCount = (orderId: number) => withDb((db) => db.refund.count({ where: { orderId } }));

test("an admin refunds part of a captured card order, then the rest: e-SCOTT's amount and the order follow", async ({ page, browser }) => {
  await configureCard({ operateId: "1Gathering" });
  await startCheckout(page, { email: uniqueEmail("card-refund"), quantity: 2 });
  await fillCard(page, CARDS.demo);
  await placeOrder(page);
  const orderId = await thankYouOrderId(page);
  const total = (await orderOf(orderId)).total;
  expect((await transactionsOf(orderId))[0]).toMatchObject({ status: "SALES", amount: total });

  const adminPage = await (await browser.newContext({ baseURL: process.env.E2E_BASE_URL })).newPage();
  await login(adminPage, admin().email, admin().password);
  await adminPage.goto(`/admin/orders/${orderId}`);
  await expect(adminPage.getByTestId("card-payment-state")).toHaveText("売上計上");

  // More than the sale holds: refused with the range, nothing sent.
  await refund(adminPage, String(total + 1), "多すぎる返金");
  await expect(adminPage.getByTestId("card-operation-result")).toHaveText(`返金額は1円以上${total}円以下の整数で入力してください。`);
  expect((await transactionsOf(orderId))[0]?.operateIds).not.toContain("1Change");

  await refund(adminPage, "1000", "一部商品の破損");
  await expect(adminPage.getByTestId("card-operation-result")).toHaveText("1000円を返金しました。");
  expect((await transactionsOf(orderId))[0]).toMatchObject({ status: "SALES", amount: total - 1000 });
  await expect(adminPage.getByTestId("card-refunds")).toContainText("一部商品の破損");
  await expect(adminPage.getByTestId("card-refunds")).toContainText(admin().email);
  await expect(adminPage.getByTestId("refunded")).toContainText("1,000");
  await expect(adminPage.getByTestId("remaining")).toContainText((total - 1000).toLocaleString("ja-JP"));
  await expect(adminPage.getByTestId("order-status")).toHaveText("処理中");
  await expect(adminPage.getByTestId("timeline")).toContainText("1000円を返金しました");
  expect(await refundCount(orderId)).toBe(1);

  await refund(adminPage, String(total - 1000), "返品");
  await expect(adminPage.getByTestId("card-operation-result")).toHaveText(`残額${total - 1000}円を返金し、取引を取り消しました。`);
  await expect(adminPage.getByTestId("order-status")).toHaveText("返金済み");
  await expect(adminPage.getByTestId("remaining")).toHaveText("0円");
  expect((await transactionsOf(orderId))[0]?.status).toBe("CANCEL");
  const order = await orderOf(orderId);
  expect(order.status).toBe("refunded");
  expect(order.payments.at(-1)?.state).toBe("voided");
  expect(await refundCount(orderId)).toBe(2);
  // Nothing left to refund.
  await expect(adminPage.getByTestId("card-operations").getByRole("button", { name: "返金", exact: true })).toHaveCount(0);
});

test("a refund request sent again (double submit, replay) or by a customer refunds nothing more", async ({ page, browser }) => {
  await configureCard({ operateId: "1Gathering" });
  await startCheckout(page, { email: uniqueEmail("card-refund-replay") });
  await fillCard(page, CARDS.demo);
  await placeOrder(page);
  const orderId = await thankYouOrderId(page);
  const total = (await orderOf(orderId)).total;

  const { adminContext, adminPage, captured } = await adminRecordingActions(browser, orderId);
  await refund(adminPage, "300", "送料の一部返金");
  await expect(adminPage.getByTestId("card-operation-result")).toHaveText("300円を返金しました。");
  expect(captured).toHaveLength(1);
  const req = captured[0]!;
  const replay = (context: typeof adminContext) => replayAction(context, req);

  // The admin's own request again: the amount it was computed from is gone, so it is refused as stale.
  const again = await replay(adminContext);
  expect(again.status()).toBe(200);
  expect(await again.text()).toContain("cardAdmin.opStale");

  const customerContext = await browser.newContext({ baseURL: process.env.E2E_BASE_URL });
  await register(await customerContext.newPage(), uniqueEmail("refund-attacker"), "customer password");
  expect((await replay(customerContext)).status()).toBe(403);

  expect(await refundCount(orderId)).toBe(1);
  expect((await transactionsOf(orderId))[0]).toMatchObject({ status: "SALES", amount: total - 300 });
  expect((await transactionsOf(orderId))[0]?.operateIds.filter((id) => id === "1Change")).toHaveLength(1);
});
