import { admin, adminRecordingActions, expect, login, register, replayAction, test, uniqueEmail } from "./fixtures";
import { orderStatus, seedOrder } from "./seed-order";

test("an admin finds an order, changes its status with a note, and the customer-visible timeline follows", async ({ page }) => {
  const email = uniqueEmail("buyer");
  const orderId = await seedOrder(email);
  await login(page, admin().email, admin().password);
  await page.goto("/admin/orders");
  await expect(page.getByTestId("admin-order-row").first()).toBeVisible();

  await page.getByLabel("ステータスで絞り込み").selectOption("pending");
  await page.getByLabel("注文番号・メールアドレスで検索").fill(email);
  await page.getByRole("button", { name: "検索" }).click();
  await expect(page.getByTestId("admin-order-row")).toHaveCount(1);
  await page.getByRole("link", { name: `#${orderId}` }).click();

  await expect(page.getByTestId("order-status")).toHaveText("支払い待ち");
  await page.getByLabel("新しいステータス").selectOption("on-hold");
  await page.getByLabel("メモ", { exact: true }).fill("入金確認待ち");
  await page.getByRole("button", { name: "変更する" }).click();
  await expect(page.getByRole("status")).toHaveText("ステータスを変更しました。");
  await expect(page.getByTestId("order-status")).toHaveText("保留中");
  await expect(page.getByTestId("timeline")).toContainText("入金確認待ち");

  expect(await orderStatus(orderId)).toEqual({ status: "on-hold", notes: 2 });
});

test("admin pages: anonymous visitors are sent to log in, customers get 403", async ({ page, request }) => {
  const orderId = await seedOrder(uniqueEmail("x"));
  const urls = ["/admin", "/admin/orders", `/admin/orders/${orderId}`, "/admin/payments"];

  for (const url of urls) {
    const res = await request.get(url, { maxRedirects: 0 });
    expect(res.status(), url).toBe(307);
    expect(res.headers().location, url).toContain("/login?next=");
  }

  await register(page, uniqueEmail("nosy"), "customer password");
  for (const url of urls) {
    const res = await page.goto(url);
    expect(res?.status(), url).toBe(403);
    await expect(page.getByTestId("forbidden")).toBeVisible();
    await expect(page.getByTestId("admin-orders")).toHaveCount(0);
  }
});

test("admin server actions replayed by a customer are refused and change nothing", async ({ browser }) => {
  const orderId = await seedOrder(uniqueEmail("victim"));

  // Capture the real requests the admin UI sends for both order actions.
  const { adminContext, adminPage, captured } = await adminRecordingActions(browser, orderId);
  await adminPage.getByLabel("メモを追加").fill("admin note");
  await adminPage.getByRole("button", { name: "メモを追加" }).click();
  await expect(adminPage.getByRole("status")).toHaveText("メモを追加しました。");
  await adminPage.getByLabel("新しいステータス").selectOption("cancelled");
  await adminPage.getByLabel("メモ", { exact: true }).fill("admin cancels");
  // Let the admin's own status change fail harmlessly: we only need the request shape, so
  // block it before it reaches the server.
  await adminPage.route("**/admin/orders/**", (route) => (route.request().method() === "POST" ? route.abort() : route.continue()));
  await adminPage.getByRole("button", { name: "変更する" }).click();
  await expect.poll(() => captured.length).toBe(2);
  await adminContext.close();
  expect(await orderStatus(orderId)).toEqual({ status: "pending", notes: 2 });

  const customerContext = await browser.newContext({ baseURL: process.env.E2E_BASE_URL });
  const customerPage = await customerContext.newPage();
  await register(customerPage, uniqueEmail("attacker"), "customer password");
  for (const req of captured) {
    const res = await replayAction(customerContext, req);
    expect(res.status()).toBe(403);
  }
  // Anonymous replays are refused too.
  const anonymous = await browser.newContext({ baseURL: process.env.E2E_BASE_URL });
  for (const req of captured) {
    const res = await replayAction(anonymous, req);
    expect([303, 307, 403]).toContain(res.status());
  }
  await customerContext.close();
  await anonymous.close();
  expect(await orderStatus(orderId)).toEqual({ status: "pending", notes: 2 });
});
