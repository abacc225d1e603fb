import { test as base, expect, type APIResponse, type Browser, type BrowserContext, type Page, type Request } from "@playwright/test";
import { withDb } from "./e2e-db";

export { expect };

export const test = base.extend({
  // The shop runs on a port chosen by the global setup.
  baseURL: async ({}, use) => {
    await use(process.env.E2E_BASE_URL);
  },
});

export const admin = () => ({ email: process.env.E2E_ADMIN_EMAIL!, password: process.env.E2E_ADMIN_PASSWORD! });

export function uniqueEmail(prefix: string): string {
  return `${prefix}-${Date.now()}-${Math.random().toString(36).slice(2, 7)}@e2e.test`;
}

export async function login(page: Page, email: string, password: string): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("メールアドレス").fill(email);
  await page.getByLabel("パスワード").fill(password);
  await page.getByRole("button", { name: "ログイン" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
}

/**
 * The admin, logged in in a browser context of its own, on the order's admin page, recording every
 * server action request the page sends: the requests the security specs replay as someone else.
 */
export async function adminRecordingActions(browser: Browser, orderId: number): Promise<{ adminContext: BrowserContext; adminPage: Page; captured: Request[] }> {
  const adminContext = await browser.newContext({ baseURL: process.env.E2E_BASE_URL });
  const adminPage = await adminContext.newPage();
  await login(adminPage, admin().email, admin().password);
  await adminPage.goto(`/admin/orders/${orderId}`);
  const captured: Request[] = [];
  adminPage.on("request", (r) => {
    if (r.method() === "POST" && r.headers()["next-action"]) captured.push(r);
  });
  return { adminContext, adminPage, captured };
}

/** A recorded server action request sent again, byte for byte, with `context`'s cookies (a customer's, none, the admin's own). */
export function replayAction(context: BrowserContext, req: Request): Promise<APIResponse> {
  return context.request.post(req.url(), {
    headers: { "next-action": req.headers()["next-action"]!, "content-type": req.headers()["content-type"]!, accept: "text/x-component" },
    data: req.postDataBuffer() ?? undefined,
    maxRedirects: 0,
  });
}

/**
 * Registers through the form. The address counts as verified unless `verified: false` (its owner
 * would follow the e-mailed link, as e2e/account-links.spec.ts does); saved cards need it.
 */
export async function register(page: Page, email: string, password: string, options: { verified?: boolean } = {}): Promise<void> {
  // Every test registers from 127.0.0.1: the suite would hit the 20-accounts-per-IP-per-hour limit
  // (tested on its own in app/register/actions.test.ts) once it has more than 20 registrations.
  await withDb((db) => db.throttleCounter.deleteMany({ where: { key: { startsWith: "register-ip:" } } }));
  await page.goto("/register");
  await page.getByLabel("メールアドレス").fill(email);
  await page.getByRole("textbox", { name: "パスワード", exact: true }).fill(password);
  await page.getByLabel("パスワード（確認）").fill(password);
  await page.getByRole("button", { name: "登録する" }).click();
  await page.waitForURL("**/account");
  if (options.verified ?? true) await withDb((db) => db.user.update({ where: { email: email.toLowerCase() }, data: { emailVerifiedAt: new Date() } }));
}

export async function addToCart(page: Page, slug: string, quantity = 1): Promise<void> {
  await page.goto(`/products/${slug}`);
  await page.getByLabel("数量").fill(String(quantity));
  await page.getByRole("button", { name: "カートに入れる" }).click();
  await expect(page.getByRole("status")).toContainText("カートに追加しました");
}

/** A valid billing address (and e-mail, when given) on the checkout page already open. */
export async function fillBillingAddress(page: Page, email?: string): Promise<void> {
  const billing = page.getByRole("group", { name: "ご請求先" });
  const field = (name: string) => billing.getByRole("textbox", { name, exact: true });
  await field("姓").fill("山田");
  await field("名").fill("花子");
  await field("セイ").fill("ヤマダ");
  await field("メイ").fill("ハナコ");
  await field("郵便番号").fill("604-0000");
  await billing.getByRole("combobox", { name: "都道府県" }).selectOption({ label: "京都府" });
  await field("市区町村").fill("京都市中京区");
  await field("番地").fill("寺町通1-1");
  await field("電話番号").fill("075-123-4567");
  if (email !== undefined) await field("メールアドレス").fill(email);
}
