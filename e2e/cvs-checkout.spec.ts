// オンライン収納代行 end to end: the admin sets the gateway up in the settings UI (fee table,
// refused overlaps and test-mode mismatch), a shopper pays 3,330 yen at Lawson on the emulator's
// payment page, the 入金結果通知 arrives over HTTP and the order becomes 処理中 / 入金済.
import { addToCart, admin, expect, fillBillingAddress, login, register, test, uniqueEmail } from "./fixtures";
import { checkoutWithCvs, emulator, enableCvs, gatewayRows, orderOf, restoreGatewayRows, withDb } from "./cvs-support";

let saved: Awaited<ReturnType<typeof gatewayRows>>;
test.beforeAll(async () => {
  saved = await gatewayRows();
  // Start from the manual's defaults: no stored CVS settings.
  await withDb((db) => db.gatewaySettings.deleteMany({ where: { gateway: "cvs" } }));
});
test.afterAll(async () => {
  await restoreGatewayRows(saved);
});

test("the admin enables the gateway with the fee table; overlaps and a test-mode mismatch are refused", async ({ page, baseURL }) => {
  await login(page, admin().email, admin().password);
  await page.goto("/admin/payments");
  await page.getByTestId("gateway-cvs").getByRole("link", { name: "設定" }).click();
  await expect(page.getByRole("heading", { name: "オンライン収納代行サービスの設定" })).toBeVisible();
  await expect(page.getByTestId("notify-url")).toHaveText(`${baseURL}/api/escott/notification`);

  // The manual's defaults.
  const enabled = page.getByRole("checkbox", { name: "オンライン収納代行サービスを有効化" });
  const testMode = page.getByRole("checkbox", { name: "テストモードを有効化" });
  const fee = page.getByRole("checkbox", { name: "決済手数料を設定する" });
  await expect(enabled).not.toBeChecked();
  await expect(page.getByLabel("タイトル")).toHaveValue("コンビニ・電子マネー・Pay-easy");
  await expect(page.getByLabel("説明")).toHaveValue("コンビニ・電子マネー・Pay-easy で支払う");
  await expect(testMode).toBeChecked();
  await expect(page.getByRole("textbox", { name: "支払期限日数" }).or(page.getByRole("spinbutton", { name: "支払期限日数" }))).toHaveValue("7");
  await expect(fee).not.toBeChecked();
  await expect(page.getByRole("checkbox", { name: "支払い結果通知ログを保存" })).toBeChecked();
  await expect(page.getByText("設定済み（末尾「02」）")).toBeVisible(); // the emulator's demo password, never shown in full
  await expect(page.getByLabel("マーチャントパスワード")).toHaveValue("");

  await enabled.check();
  await fee.check();
  // First enabled: the manual's example table.
  const rows = page.getByTestId("fee-row");
  await expect(rows).toHaveCount(3);
  const cell = (n: number, field: string) => page.getByRole("textbox", { name: `${n}行目の${field}` });
  const expected = [["0", "1100", "0"], ["1101", "5500", "330"], ["5501", "", "550"]];
  for (const [i, [from, to, amount]] of expected.entries()) {
    await expect(cell(i + 1, "合計金額（～から）")).toHaveValue(from!);
    await expect(cell(i + 1, "合計金額（～まで）")).toHaveValue(to!);
    await expect(cell(i + 1, "決済手数料（税込）")).toHaveValue(amount!);
  }
  await page.getByRole("button", { name: "行を挿入" }).click();
  await expect(rows).toHaveCount(4);
  await page.getByRole("button", { name: "4行目を削除" }).click();
  await expect(rows).toHaveCount(3);

  // Overlapping ranges are refused with a clear error and nothing is saved.
  await cell(2, "合計金額（～から）").fill("1000");
  await page.getByRole("button", { name: "変更を保存" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "入力内容をご確認ください。" })).toBeVisible();
  await expect(page.getByText("他の行と金額の範囲が重なっています。")).toBeVisible();
  await expect(cell(2, "合計金額（～から）")).toHaveAttribute("aria-invalid", "true");
  expect(await withDb((db) => db.gatewaySettings.count({ where: { gateway: "cvs" } }))).toBe(0);

  await cell(2, "合計金額（～から）").fill("1101");
  await page.getByRole("button", { name: "変更を保存" }).click();
  await expect(page.getByRole("status").filter({ hasText: "設定を保存しました。" })).toBeVisible();
  await page.reload();
  await expect(enabled).toBeChecked();
  await expect(rows).toHaveCount(3);
  await expect(cell(2, "合計金額（～から）")).toHaveValue("1101");
  await page.goto("/admin/payments");
  await expect(page.getByTestId("gateway-cvs")).toContainText("チェックアウトに表示されています。");

  // The card gateway is enabled in test mode: switching this one to production is refused.
  await withDb((db) =>
    db.gatewaySettings.upsert({ where: { gateway: "card" }, create: { gateway: "card", values: JSON.stringify({ enabled: true, testMode: true, threeDSecure: false }) }, update: { values: JSON.stringify({ enabled: true, testMode: true, threeDSecure: false }) } }),
  );
  try {
    await page.goto("/admin/payments/cvs");
    await testMode.uncheck();
    await page.getByRole("button", { name: "変更を保存" }).click();
    await expect(page.getByText("テストモードがクレジットカード決済の設定と一致していません。")).toBeVisible();
    await page.reload();
    await expect(testMode).toBeChecked();
  } finally {
    await restoreGatewayRows([...saved.filter((r) => r.gateway !== "cvs"), ...(await gatewayRows()).filter((r) => r.gateway === "cvs")]);
  }
});

test("a shopper pays 3,330 yen (fee included) at Lawson; the notification makes the order 処理中 / 入金済 and both e-mails are in the outbox", async ({ page, browser }) => {
  const email = uniqueEmail("cvs-buyer");
  // 2,200 (towels) + 800 shipping = 3,000 → fee 330 from the table saved above.
  const orderId = await checkoutWithCvs(page, { email, fee: "決済手数料 330円（税込）が加算されます。", total: "お支払い合計：3,330円（税込）" });
  expect(await orderOf(orderId)).toMatchObject({ status: "on-hold", total: 3330, feeTotal: 330 });

  // The emulator's payment page (JLPcon): the shopper picks Lawson and pays.
  await expect(page.locator("body")).toContainText("3,330 円");
  await page.getByRole("radio", { name: /ローソン/ }).check();
  await page.getByRole("button", { name: /支払う/ }).click();
  await expect(page.locator("body")).toContainText("入金済");

  // Back to the shop: the notification has been (or is about to be) processed.
  await page.getByRole("link", { name: /ショップへ戻る/ }).click();
  await expect(page.getByRole("heading", { name: "ご注文ありがとうございます" })).toBeVisible();
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("cvs-status")).toHaveText("入金済", { timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  await expect(page.getByTestId("order-status").first()).toHaveText("処理中");
  await expect(page.getByTestId("cvs-store")).toHaveText("ローソン");

  const { json } = await emulator<{ cvs: { merchantFree2: string; payment?: { recvNum: string } }[] }>("/_control/state", undefined, "GET");
  const recvNum = json.cvs.find((r) => r.merchantFree2 === String(orderId))?.payment?.recvNum;
  expect(recvNum).toMatch(/^\d+$/);

  const adminContext = await browser.newContext({ baseURL: process.env.E2E_BASE_URL });
  const adminPage = await adminContext.newPage();
  await login(adminPage, admin().email, admin().password);
  await adminPage.goto(`/admin/orders/${orderId}`);
  await expect(adminPage.getByTestId("order-status").first()).toHaveText("処理中");
  const panel = adminPage.getByTestId("cvs-panel");
  await expect(panel.getByTestId("cvs-admin-status")).toHaveText("入金済");
  await expect(panel.getByTestId("cvs-recvnum")).toHaveText(recvNum!);
  await expect(panel.getByTestId("cvs-receipt-store")).toHaveText("ローソン");
  await expect(panel.getByTestId("cvs-admin-amount")).toHaveText("3,330円");
  await expect(panel.getByTestId("cvs-history")).toContainText("2Add");
  await expect(panel.getByTestId("cvs-history-row").filter({ hasText: "入金結果通知" })).toContainText("ok");
  await expect(adminPage.getByTestId("timeline")).toContainText(`ローソンで入金がありました（受付番号 ${recvNum}）。`);

  // The order list shows the 入金ステータス column, as the order list of the vendor's WooCommerce plugins does (docs/escott-protocol.md §10.1).
  await adminPage.goto(`/admin/orders?q=${orderId}`);
  const row = adminPage.getByTestId("admin-order-row").filter({ has: adminPage.getByRole("link", { name: `#${orderId}`, exact: true }) });
  await expect(row.getByTestId("payment-status")).toHaveText("入金済");
  await adminPage.getByRole("link", { name: "送信メール" }).click();
  const mails = adminPage.getByTestId("outbox-message").and(adminPage.locator(`[data-order="${orderId}"]`));
  await expect(mails).toHaveCount(2);
  const received = mails.and(adminPage.locator('[data-kind="order_received"]'));
  await expect(received).toContainText(`【和み商店】ご注文を受け付けました（注文番号 ${orderId}）`);
  await expect(received).toContainText(email);
  await received.getByText("本文").click();
  const payment = (await withDb((db) => db.payment.findFirstOrThrow({ where: { orderId } })))!;
  await expect(received.getByTestId("outbox-body")).toContainText(`お支払いURL: ${payment.paymentUrl}`);
  await expect(received.getByTestId("outbox-body")).toContainText(/お支払い期限: \d{4}\/\d{2}\/\d{2} 23:59/);
  await expect(received.getByTestId("outbox-body")).toContainText("決済手数料: 330円");
  const paid = mails.and(adminPage.locator('[data-kind="payment_received"]'));
  await paid.getByText("本文").click();
  await expect(paid.getByTestId("outbox-body")).toContainText("ご入金金額: 3,330円");
  await expect(paid.getByTestId("outbox-body")).toContainText("お支払い先: ローソン");
  await adminContext.close();
});

test("a customer finds 支払期日, the payment page and 未入金 on the My Account order page, in either language", async ({ page }) => {
  const email = uniqueEmail("cvs-member");
  await register(page, email, "member password 1");
  const orderId = await checkoutWithCvs(page, { email, slug: "uji-matcha" });
  const payment = (await withDb((db) => db.payment.findFirstOrThrow({ where: { orderId } })))!;
  await page.goto(`/account/orders/${orderId}`);
  const info = page.getByTestId("cvs-order-payment");
  await expect(info.getByTestId("cvs-status")).toHaveText("未入金");
  await expect(info.getByTestId("cvs-pay-limit")).toHaveText(/^\d{4}\/\d{2}\/\d{2} 23:59$/);
  await expect(info.getByTestId("cvs-payment-link")).toHaveAttribute("href", payment.paymentUrl!);
  await expect(page.getByTestId("order-status").first()).toHaveText("保留中");

  await page.getByRole("button", { name: /English/ }).click();
  await expect(info.getByRole("heading", { name: "Payment" })).toBeVisible();
  await expect(info.getByTestId("cvs-status")).toHaveText("Awaiting payment");
  await expect(info.getByRole("link", { name: "Open the payment page" })).toBeVisible();
  await page.getByRole("button", { name: /日本語/ }).click();
  await expect(info.getByTestId("cvs-status")).toHaveText("未入金");
});

test("a shopper with the maximum of unpaid orders is asked to pay first: no order, no registration at e-SCOTT", async ({ page }) => {
  await enableCvs({ unpaidPerEmail: 1, unpaidPerIp: 100 });
  const email = uniqueEmail("cvs-unpaid-cap");
  await checkoutWithCvs(page, { email });
  const orders = await withDb((db) => db.order.count({ where: { email } }));
  const registrations = (await emulator<{ cvs: unknown[] }>("/_control/state", undefined, "GET")).json.cvs.length;

  await addToCart(page, "imabari-face-towels");
  await page.goto("/checkout");
  await fillBillingAddress(page, email);
  await page.getByRole("radio", { name: /コンビニ・電子マネー・Pay-easy/ }).check();
  await page.getByRole("button", { name: "注文する" }).click();
  await expect(page.getByTestId("payment-error")).toHaveText(
    "お支払いがお済みでないコンビニ・電子マネー・Pay-easy のご注文が上限に達しています。先にお支払いいただくか、別のお支払い方法をお選びください。",
  );
  expect(await withDb((db) => db.order.count({ where: { email } }))).toBe(orders);
  expect((await emulator<{ cvs: unknown[] }>("/_control/state", undefined, "GET")).json.cvs).toHaveLength(registrations);

  // Another address from the same shop computer is still welcome.
  await checkoutWithCvs(page, { email: uniqueEmail("cvs-unpaid-other") });
});
