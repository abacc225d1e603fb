// 最終確認画面 (特定商取引法, 2022): on a 390 px phone every term the shopper must see before ordering
// — quantities, the total with shipping and fees, the payment method and when it is charged, the
// delivery timing, returns/cancellation and the link to the full legal notice — sits above 注文する.
import type { Locator } from "@playwright/test";
import { addToCart, expect, fillBillingAddress, test } from "./fixtures";
import { enableCvs, gatewayRows, restoreGatewayRows } from "./cvs-support";

let saved: Awaited<ReturnType<typeof gatewayRows>>;
test.beforeAll(async () => {
  saved = await gatewayRows();
  await enableCvs({ feeEnabled: true, feeRows: [{ from: 0, to: 1100, fee: 0 }, { from: 1101, to: null, fee: 330 }] });
});
test.afterAll(async () => {
  await restoreGatewayRows(saved);
});

test.use({ viewport: { width: 390, height: 844 } });

async function bottom(locator: Locator): Promise<number> {
  const box = await locator.boundingBox();
  if (!box) throw new Error("not rendered");
  return box.y + box.height;
}

test("on a phone, the final confirmation shows every required term above the order button", async ({ page }) => {
  await addToCart(page, "hasami-mug", 2);
  await addToCart(page, "shizuoka-fukamushi-sencha", 1);
  await page.goto("/checkout");
  await fillBillingAddress(page, "confirm@e2e.test");
  await page.getByRole("radio", { name: /コンビニ・電子マネー・Pay-easy/ }).check();

  const confirm = page.getByTestId("final-confirmation");
  await expect(confirm.getByRole("heading", { name: "ご注文内容の最終確認" })).toBeVisible();
  const items = confirm.getByTestId("confirm-items");
  await expect(items).toContainText("波佐見焼 しのぎマグカップ 数量 2");
  await expect(items).toContainText("静岡 深蒸し煎茶 100g 数量 1");
  // 2 × 2,640 + 1,296 + shipping 800 + the CVS fee 330 (server-computed for the chosen method).
  const totals = confirm.getByTestId("confirm-totals");
  await expect(totals.getByTestId("shipping")).toHaveText("800円");
  await expect(totals).toContainText("決済手数料");
  await expect(totals.getByTestId("total")).toHaveText("7,706円");
  await expect(confirm.getByTestId("confirm-payment")).toContainText("コンビニ・電子マネー・Pay-easy");
  await expect(confirm.getByTestId("confirm-payment-timing")).toContainText("コンビニ・Pay-easy：お支払い期限まで");
  await expect(confirm.getByTestId("confirm-delivery")).toContainText("3営業日以内に発送");
  await expect(confirm.getByTestId("confirm-returns")).toContainText("商品到着後8日以内");
  const link = confirm.getByRole("link", { name: "特定商取引法に基づく表記（全文）" });
  await expect(link).toHaveAttribute("href", "/legal/tokushoho");

  const button = page.getByRole("button", { name: "注文する" });
  const buttonTop = (await button.boundingBox())!.y;
  for (const part of [items, totals, confirm.getByTestId("confirm-payment"), confirm.getByTestId("confirm-payment-timing"), confirm.getByTestId("confirm-delivery"), confirm.getByTestId("confirm-returns"), link]) {
    expect(await bottom(part)).toBeLessThanOrEqual(buttonTop);
  }
  // The page's own order summary still follows the button on a phone: the confirmation is what precedes it.
  expect((await page.getByRole("complementary", { name: "ご注文内容" }).boundingBox())!.y).toBeGreaterThan(buttonTop);
});
