// 配送日時指定 end to end: the admin turns the choice on in the settings page (linked from the admin
// menu), a shopper picks a date and a slot at checkout and sees them on the order page, the admin on
// the admin order page; a tampered date is refused with a field error and no order is created.
import { addToCart, admin, expect, fillBillingAddress, login, test, uniqueEmail } from "./fixtures";
import { enableCvs, gatewayRows, restoreGatewayRows, withDb } from "./cvs-support";
import { deliveryDates, deliverySettingsSchema } from "@/lib/shop/delivery";
import { formatDeliveryDate } from "@/lib/shop/delivery-format";

let saved: Awaited<ReturnType<typeof gatewayRows>>;
test.beforeAll(async () => {
  saved = await gatewayRows();
  await enableCvs();
  await withDb((db) => db.shopSettings.deleteMany({ where: { section: "delivery" } }));
});
test.afterAll(async () => {
  await restoreGatewayRows(saved);
  await withDb((db) => db.shopSettings.deleteMany({ where: { section: "delivery" } }));
});

test("the admin offers delivery dates; the shopper's choice reaches the order page and the admin", async ({ page, browser }) => {
  const adminContext = await browser.newContext({ baseURL: process.env.E2E_BASE_URL });
  const adminPage = await adminContext.newPage();
  await login(adminPage, admin().email, admin().password);
  await adminPage.goto("/admin");
  await adminPage.getByRole("navigation", { name: "管理画面" }).getByRole("link", { name: "配送日時指定" }).click();
  await expect(adminPage.getByRole("heading", { name: "配送日時指定の設定" })).toBeVisible();
  await adminPage.getByRole("checkbox", { name: "お届け日時の指定を受け付ける" }).check();
  await adminPage.getByLabel("最短お届け日（注文日から何営業日後）").fill("2");
  await adminPage.getByLabel("選べる期間（日数）").selectOption("5");
  await adminPage.getByRole("checkbox", { name: "14〜16時" }).uncheck();
  await adminPage.getByRole("button", { name: "設定を保存" }).click();
  await expect(adminPage.getByRole("status").filter({ hasText: "配送日時指定の設定を保存しました。" })).toBeVisible();

  // The dates the shop must offer, computed the same way in Japan time.
  const expected = deliveryDates(deliverySettingsSchema.parse({ enabled: true, leadDays: 2, windowDays: 5 }), new Date());
  const email = uniqueEmail("delivery");
  await addToCart(page, "imabari-face-towels");
  await page.goto("/checkout");
  await fillBillingAddress(page, email);
  const date = page.getByRole("combobox", { name: "お届け希望日" });
  const slot = page.getByRole("combobox", { name: "お届け希望時間帯" });
  await expect(date).toHaveValue("");
  await expect(slot).toHaveValue("");
  await expect(date.locator("option")).toHaveText(["指定なし", ...expected.map((d) => formatDeliveryDate(d, "ja", { year: false }))]);
  await expect(slot.locator("option")).toHaveText(["指定なし", "午前中", "16〜18時", "18〜20時", "19〜21時"]);
  await date.selectOption(expected[1]!);
  await slot.selectOption({ label: "19〜21時" });
  const label = `${formatDeliveryDate(expected[1]!, "ja")} 19〜21時`;
  await expect(page.getByTestId("confirm-delivery-choice")).toHaveText(`ご指定のお届け日時: ${formatDeliveryDate(expected[1]!, "ja", { year: false })} 19〜21時`);
  await page.getByRole("radio", { name: /コンビニ・電子マネー・Pay-easy/ }).check();
  await page.getByRole("button", { name: "注文する" }).click();
  await page.waitForURL(/\/JLPCT\/JLPcon/);

  const order = await withDb((db) => db.order.findFirstOrThrow({ where: { email } }));
  expect(order).toMatchObject({ deliveryDate: expected[1], deliverySlot: "19-21" });
  await page.goto(`/order/${order.id}?key=${order.accessKey}`);
  await expect(page.getByTestId("order-delivery")).toHaveText(`お届け日時: ${label}`);
  await adminPage.goto(`/admin/orders/${order.id}`);
  await expect(adminPage.getByTestId("order-delivery")).toHaveText(`お届け日時: ${label}`);
  // The convenience-store checkout queues "order received" at once.
  const mail = await withDb((db) => db.emailMessage.findFirstOrThrow({ where: { orderId: order.id } }));
  expect(mail.body).toContain(`■ お届け日時: ${label}`);
  await adminContext.close();
});

test("a date the shop did not offer is refused with a field error and creates no order", async ({ page }) => {
  await withDb((db) => db.shopSettings.upsert({ where: { section: "delivery" }, create: { section: "delivery", values: JSON.stringify({ enabled: true }) }, update: { values: JSON.stringify({ enabled: true }) } }));
  const email = uniqueEmail("delivery-tamper");
  await addToCart(page, "imabari-face-towels");
  await page.goto("/checkout");
  await fillBillingAddress(page, email);
  const date = page.getByRole("combobox", { name: "お届け希望日" });
  // The shopper edits the form: an option's value becomes a date years away.
  await date.evaluate((select: HTMLSelectElement) => {
    select.options[1]!.value = "2099-01-01";
  });
  await date.selectOption("2099-01-01");
  await page.getByRole("radio", { name: /コンビニ・電子マネー・Pay-easy/ }).check();
  await page.getByRole("button", { name: "注文する" }).click();
  await expect(page.getByText("このお届け希望日は選べません。表示されている日付から選び直してください。")).toBeVisible();
  await expect(date).toHaveAttribute("aria-invalid", "true");
  expect(await withDb((db) => db.order.count({ where: { email } }))).toBe(0);
});
