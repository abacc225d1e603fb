// 送料 by prefecture end to end: the admin sets region fees, a prefecture override and a remote-island
// surcharge; the checkout's totals follow the prefecture and postal code the shopper enters (computed
// by the server); the order keeps the fee it charged after the admin changes the table.
import { addToCart, admin, expect, fillBillingAddress, login, test, uniqueEmail } from "./fixtures";
import { enableCvs, gatewayRows, restoreGatewayRows, withDb } from "./cvs-support";

let saved: Awaited<ReturnType<typeof gatewayRows>>;
test.beforeAll(async () => {
  saved = await gatewayRows();
  await enableCvs();
  await withDb((db) => db.shopSettings.deleteMany({ where: { section: "shipping" } }));
});
test.afterAll(async () => {
  await restoreGatewayRows(saved);
  await withDb((db) => db.shopSettings.deleteMany({ where: { section: "shipping" } }));
});

test("the checkout total follows the prefecture; the order keeps its fee when the table changes", async ({ page, browser }) => {
  const adminContext = await browser.newContext({ baseURL: process.env.E2E_BASE_URL });
  const adminPage = await adminContext.newPage();
  await login(adminPage, admin().email, admin().password);
  await adminPage.goto("/admin");
  await adminPage.getByRole("navigation", { name: "管理画面" }).getByRole("link", { name: "送料設定" }).click();
  await expect(adminPage.getByRole("heading", { name: "送料の設定" })).toBeVisible();
  await adminPage.getByLabel("北海道地方の送料").fill("1500");
  await adminPage.getByLabel("東京都の送料").fill("600");
  await adminPage.getByLabel("離島の追加送料（円）").fill("1000");
  await adminPage.getByLabel("離島の郵便番号（先頭の数字）").fill("0430,0440");
  await adminPage.getByRole("button", { name: "設定を保存" }).click();
  await expect(adminPage.getByRole("status").filter({ hasText: "送料の設定を保存しました。" })).toBeVisible();

  const email = uniqueEmail("shipping");
  await addToCart(page, "imabari-face-towels"); // 2,200円
  await page.goto("/checkout");
  await fillBillingAddress(page, email); // 京都府: no fee of its own → the base fee
  const totals = page.getByTestId("final-confirmation").getByTestId("confirm-totals");
  const summary = page.getByRole("complementary", { name: "ご注文内容" });
  await expect(totals.getByTestId("shipping")).toHaveText("800円");
  await expect(totals.getByTestId("total")).toHaveText("3,000円");

  const billing = page.getByRole("group", { name: "ご請求先" });
  await billing.getByRole("combobox", { name: "都道府県" }).selectOption({ label: "北海道" });
  await expect(totals.getByTestId("shipping")).toHaveText("1,500円");
  await expect(totals.getByTestId("total")).toHaveText("3,700円");
  await expect(summary.getByTestId("total")).toHaveText("3,700円");

  await billing.getByRole("combobox", { name: "都道府県" }).selectOption({ label: "東京都" });
  await expect(totals.getByTestId("total")).toHaveText("2,800円");

  // A remote island in Hokkaido: the region's fee plus the surcharge.
  await billing.getByRole("combobox", { name: "都道府県" }).selectOption({ label: "北海道" });
  await billing.getByRole("textbox", { name: "郵便番号", exact: true }).fill("043-0401");
  await expect(totals.getByTestId("shipping")).toHaveText("2,500円");
  await expect(totals.getByTestId("total")).toHaveText("4,700円");

  await page.getByRole("radio", { name: /コンビニ・電子マネー・Pay-easy/ }).check();
  await page.getByRole("button", { name: "注文する" }).click();
  await page.waitForURL(/\/JLPCT\/JLPcon/);
  const order = await withDb((db) => db.order.findFirstOrThrow({ where: { email } }));
  expect(order).toMatchObject({ shippingFee: 2500, total: 4700 });

  // The admin raises Hokkaido's fee: the order keeps what it charged.
  await adminPage.goto("/admin/shop/shipping");
  await adminPage.getByLabel("北海道地方の送料").fill("2000");
  await adminPage.getByRole("button", { name: "設定を保存" }).click();
  await expect(adminPage.getByRole("status").filter({ hasText: "送料の設定を保存しました。" })).toBeVisible();
  await adminPage.goto(`/admin/orders/${order.id}`);
  await expect(adminPage.getByTestId("shipping")).toHaveText("2,500円");
  await expect(adminPage.getByTestId("total").first()).toHaveText("4,700円");
  await page.goto(`/order/${order.id}?key=${order.accessKey}`);
  await expect(page.getByTestId("shipping")).toHaveText("2,500円");
  await adminContext.close();
});
