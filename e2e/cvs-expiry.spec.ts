// After the deadline: the shopper sees 期限切れ, `npm run jobs:housekeeping` confirms with 2Ref and
// cancels the order (stock returned). The admin's 照会 applies a payment whose notification
// was lost; 変更 and 取消 ask for confirmation first.
import { jstDate, jstMinute } from "@/lib/escott";
import { admin, expect, login, test, uniqueEmail } from "./fixtures";
import { checkoutWithCvs, cvsPayment, emulator, enableCvs, gatewayRows, orderOf, restoreGatewayRows, runExpireJob, withDb } from "./cvs-support";

let saved: Awaited<ReturnType<typeof gatewayRows>>;
test.beforeAll(async () => {
  saved = await gatewayRows();
  await enableCvs({ payLimitDays: 3 });
});
test.afterAll(async () => {
  await restoreGatewayRows(saved);
});

const stock = (slug: string) => withDb(async (db) => (await db.product.findUniqueOrThrow({ where: { slug } })).stock);

test("past its deadline the order shows 期限切れ, and the expiry job cancels it and returns the stock", async ({ page }) => {
  const slug = "hasami-mug";
  const stockBefore = await stock(slug);
  const orderId = await checkoutWithCvs(page, { slug, email: uniqueEmail("cvs-expiry") });
  expect(await stock(slug)).toBe(stockBefore - 1);
  const payment = await cvsPayment(orderId);

  await page.getByRole("link", { name: /ショップへ戻る/ }).click();
  await expect(page.getByTestId("cvs-status")).toHaveText("未入金");
  const limit = jstDate(new Date(Date.now() + 3 * 86_400_000));
  await expect(page.getByTestId("cvs-pay-limit")).toHaveText(`${limit.slice(0, 4)}/${limit.slice(4, 6)}/${limit.slice(6)} 23:59`);
  await expect(page.getByTestId("cvs-payment-link")).toHaveAttribute("href", payment.paymentUrl!);

  // The deadline passes (shop and e-SCOTT agree on it).
  await withDb((db) => db.payment.update({ where: { id: payment.id }, data: { payLimit: jstMinute(new Date(Date.now() - 60 * 60_000)) } }));
  expect((await emulator(`/_control/cvs/${payment.transactionCode}/expire`)).status).toBe(200);
  await page.reload();
  await expect(page.getByTestId("cvs-status")).toHaveText("期限切れ");
  await expect(page.getByTestId("cvs-payment-link")).toHaveCount(0);
  expect((await orderOf(orderId)).status).toBe("on-hold"); // shown, not yet acted on

  const job = runExpireJob();
  expect(job.status, job.stderr).toBe(0);
  expect(JSON.parse(job.stdout.trim().split("\n").at(-1)!)).toMatchObject({ cvs: { expired: expect.any(Number) }, card: expect.any(Object) });
  const order = await orderOf(orderId);
  expect(order.status).toBe("cancelled");
  expect(order.notes.at(-1)!.message).toContain("を過ぎても入金がなかったため、注文をキャンセルしました。");
  expect(await stock(slug)).toBe(stockBefore);
  await page.reload();
  await expect(page.getByTestId("order-status").first()).toHaveText("キャンセル");
  await expect(page.getByTestId("cvs-status")).toHaveText("期限切れ");
});

test("the admin's 照会 applies a payment whose notification was lost", async ({ page }) => {
  const orderId = await checkoutWithCvs(page, { email: uniqueEmail("cvs-lost") });
  const { transactionCode } = await cvsPayment(orderId);
  expect((await emulator(`/_control/cvs/${transactionCode}/pay`, { cvsCd: "FAM", notify: false })).status).toBe(200);

  await login(page, admin().email, admin().password);
  await page.goto(`/admin/orders/${orderId}`);
  await expect(page.getByTestId("order-status").first()).toHaveText("保留中");
  // Declining the confirmation does nothing.
  await page.getByRole("button", { name: "照会" }).click();
  await page.getByTestId("cvs-operation-confirm").getByRole("button", { name: "キャンセル" }).click();
  await expect(page.getByTestId("cvs-operation-confirm")).toHaveCount(0);
  await expect(page.getByTestId("cvs-operation-result")).toHaveCount(0);

  await page.getByRole("button", { name: "照会" }).click();
  await expect(page.getByTestId("cvs-operation-confirm")).toContainText("e-SCOTTに入金状況を照会します。");
  await page.getByRole("button", { name: "実行する" }).click();
  await expect(page.getByTestId("cvs-operation-result")).toHaveText("入金済みでした。入金を反映し、注文を「処理中」にしました。");
  const { json } = await emulator<{ cvs: { merchantFree1: string; payment?: { recvNum: string } }[] }>("/_control/state", undefined, "GET");
  const recvNum = json.cvs.find((r) => r.merchantFree1 === transactionCode)!.payment!.recvNum;
  await expect(page.getByTestId("cvs-reference-recvnum")).toHaveText(recvNum);
  await expect(page.getByTestId("cvs-reference-store")).toHaveText("ファミリーマート");
  await expect(page.getByTestId("order-status").first()).toHaveText("処理中");
  await expect(page.getByTestId("cvs-receipt")).toContainText("照会");
  expect((await cvsPayment(orderId)).receipts).toMatchObject([{ source: "inquiry", recvNum, cvsCd: "FAM" }]);
  // The declined confirmation sent nothing: one 2Ref in the log.
  expect(await withDb((db) => db.paymentLog.count({ where: { orderId, operateId: "2Ref" } }))).toBe(1);
});

test("the admin changes the deadline and amount (2Chg), then cancels the registration (2Del) and the order", async ({ page, browser }) => {
  const shopper = await browser.newPage({ baseURL: process.env.E2E_BASE_URL });
  const orderId = await checkoutWithCvs(shopper, { email: uniqueEmail("cvs-admin-ops") });
  await shopper.close();
  const before = await cvsPayment(orderId);

  await login(page, admin().email, admin().password);
  await page.goto(`/admin/orders/${orderId}`);
  const date = jstDate(new Date(Date.now() + 10 * 86_400_000));
  await page.getByRole("button", { name: "変更", exact: true }).click();
  await page.getByLabel("新しい支払期日").fill(`${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6)}`);
  await page.getByLabel("新しい金額（円）").fill("2500");
  await page.getByRole("button", { name: "実行する" }).click();
  await expect(page.getByTestId("cvs-operation-result")).toHaveText("支払期日・金額を変更しました。");
  await expect(page.getByTestId("cvs-admin-amount")).toHaveText("2,500円");
  await expect(page.getByTestId("cvs-admin-pay-limit")).toHaveText(`${date.slice(0, 4)}/${date.slice(4, 6)}/${date.slice(6)} 23:59`);
  const changed = await cvsPayment(orderId);
  expect(changed).toMatchObject({ amount: 2500, payLimit: `${date}2359` });
  expect(changed.freeArea).not.toBe(before.freeArea);

  await page.getByRole("button", { name: "取消" }).click();
  await page.getByTestId("cvs-operation-confirm").getByRole("button", { name: "キャンセル" }).click();
  expect((await orderOf(orderId)).status).toBe("on-hold");

  await page.getByRole("button", { name: "取消" }).click();
  await expect(page.getByTestId("cvs-operation-confirm")).toContainText("この操作は元に戻せません");
  await page.getByRole("button", { name: "実行する" }).click();
  await expect(page.getByTestId("cvs-operation-result")).toHaveText("登録を取り消し、注文をキャンセルしました。");
  await expect(page.getByTestId("order-status").first()).toHaveText("キャンセル");
  await expect(page.getByTestId("cvs-admin-status")).toHaveText("取消済み");
  const { json } = await emulator<{ cvs: { merchantFree1: string; status: string }[] }>("/_control/state", undefined, "GET");
  expect(json.cvs.find((r) => r.merchantFree1 === before.transactionCode)?.status).toBe("DELETED");
  expect(await withDb((db) => db.paymentLog.count({ where: { orderId, operateId: "2Del" } }))).toBe(1);
});
