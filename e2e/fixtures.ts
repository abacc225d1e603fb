import { test as base, expect, type Page } from "@playwright/test";

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

export async function register(page: Page, email: string, password: string): Promise<void> {
  await page.goto("/register");
  await page.getByLabel("メールアドレス").fill(email);
  await page.getByRole("textbox", { name: "パスワード", exact: true }).fill(password);
  await page.getByLabel("パスワード（確認）").fill(password);
  await page.getByRole("button", { name: "登録する" }).click();
  await page.waitForURL("**/account");
}

export async function addToCart(page: Page, slug: string, quantity = 1): Promise<void> {
  await page.goto(`/products/${slug}`);
  await page.getByLabel("数量").fill(String(quantity));
  await page.getByRole("button", { name: "カートに入れる" }).click();
  await expect(page.getByRole("status")).toContainText("カートに追加しました");
}
