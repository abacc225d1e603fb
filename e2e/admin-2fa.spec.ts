// The admins' second factor in the browser (issue 11): enrolment with a code computed from the setup
// key the page shows (as an authenticator app would), the challenge after the next login, a wrong
// code refused in Japanese, a recovery code that works once. Each test has its own admin: the
// suite's shared admin keeps logging in without a second factor.
import { type Page } from "@playwright/test";
import * as OTPAuth from "otpauth";
import { withDb } from "./e2e-db";
import { expect, login, register, test, uniqueEmail } from "./fixtures";

const PASSWORD = "second-factor-pass-12";

/** What the authenticator app shows for `secret`, `steps` 30-second steps from now. */
function appCode(secret: string, steps = 0): string {
  const totp = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret.replace(/\s/g, "")), algorithm: "SHA1", digits: 6, period: 30 });
  return totp.generate({ timestamp: Date.now() + steps * 30_000 });
}

/** A 6-digit code that is none of the accepted ones. */
function wrongCode(secret: string): string {
  const near = new Set([-2, -1, 0, 1, 2].map((s) => appCode(secret, s)));
  let code = "000000";
  for (let i = 1; near.has(code); i++) code = String(i * 7919).padStart(6, "0");
  return code;
}

/** A new customer promoted to admin in the database (the role is read on every request). */
async function newAdmin(page: Page): Promise<string> {
  const email = uniqueEmail("totp-admin");
  await register(page, email, PASSWORD);
  await withDb((db) => db.user.update({ where: { email }, data: { role: "admin" } }));
  return email;
}

/** Enrols on /admin/security; the setup key and the recovery codes shown once. */
async function enrol(page: Page): Promise<{ secret: string; recoveryCodes: string[] }> {
  await page.goto("/admin/security");
  await expect(page.getByRole("heading", { level: 1, name: "2段階認証" })).toBeVisible();
  const qr = page.getByRole("img", { name: "認証アプリに登録するQRコード" });
  await expect(qr).toBeVisible();
  // Drawn on the server: an SVG in a data: URL, no QR code script in the browser.
  expect(await qr.getAttribute("src")).toMatch(/^data:image\/svg\+xml;base64,/);
  const secret = ((await page.getByTestId("totp-secret").textContent()) ?? "").replace(/\s/g, "");
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);

  await page.getByRole("textbox", { name: "認証コード" }).fill(wrongCode(secret));
  await page.getByRole("button", { name: "設定を完了する" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("認証コードが正しくありません。");

  await page.getByRole("textbox", { name: "認証コード" }).fill(appCode(secret));
  await page.getByRole("button", { name: "設定を完了する" }).click();
  await expect(page.getByTestId("recovery-codes")).toContainText("2段階認証を設定しました。");
  const recoveryCodes = await page.getByTestId("recovery-code").allTextContents();
  expect(recoveryCodes).toHaveLength(10);
  return { secret, recoveryCodes };
}

async function logout(page: Page): Promise<void> {
  await page.getByRole("button", { name: "ログアウト", exact: true }).click();
  await page.waitForURL((u) => u.pathname === "/");
}

/** Logs in with the password and opens the admin: the challenge page asks for the second factor. */
async function loginToChallenge(page: Page, email: string): Promise<void> {
  await login(page, email, PASSWORD);
  await page.goto("/admin/orders");
  await page.waitForURL((u) => u.pathname === "/login/2fa");
  expect(new URL(page.url()).searchParams.get("next")).toMatch(/^\/admin/);
  await expect(page.getByRole("heading", { level: 1, name: "2段階認証" })).toBeVisible();
}

async function submitChallenge(page: Page, code: string): Promise<void> {
  await page.getByRole("textbox", { name: "認証コードまたは回復コード" }).fill(code);
  await page.getByRole("button", { name: "確認する" }).click();
}

test("an admin enrols; the next login needs the code from the app, a wrong one is refused in Japanese", async ({ page, browser }) => {
  const email = await newAdmin(page);
  // Another login of the admin from before the second factor (another device, or its copied cookie).
  const laptop = await browser.newContext({ baseURL: process.env.E2E_BASE_URL });
  await login(await laptop.newPage(), email, PASSWORD);
  const copied = await laptop.cookies();
  await laptop.close();

  const { secret } = await enrol(page);
  await page.getByRole("link", { name: "管理画面へ進む" }).click();
  await page.waitForURL((u) => u.pathname === "/admin");

  // The setup key is never shown again.
  await page.goto("/admin/security");
  await expect(page.getByTestId("two-factor-status")).toContainText("有効");
  await expect(page.getByTestId("two-factor-status")).toContainText("10個");
  await expect(page.getByTestId("totp-secret")).toHaveCount(0);
  await expect(page.getByRole("img", { name: "認証アプリに登録するQRコード" })).toHaveCount(0);

  // The cookie from before is still a login, but not one that passed the second factor.
  const thief = await browser.newContext({ baseURL: process.env.E2E_BASE_URL });
  await thief.addCookies(copied);
  const thiefPage = await thief.newPage();
  await thiefPage.goto("/account");
  await expect(thiefPage.getByTestId("account-email")).toContainText(email);
  for (const path of ["/admin", "/admin/orders", "/admin/security"]) {
    await thiefPage.goto(path);
    await thiefPage.waitForURL((u) => u.pathname === "/login/2fa");
  }
  await thief.close();

  await logout(page);
  await loginToChallenge(page, email);
  await submitChallenge(page, wrongCode(secret));
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("認証コードが正しくありません。");
  await expect(page).toHaveURL(/\/login\/2fa/);

  // The code used for the enrolment may still be on screen: the app's next one is accepted.
  await submitChallenge(page, appCode(secret, 1));
  await page.waitForURL((u) => u.pathname.startsWith("/admin"));
  await page.goto("/admin");
  await expect(page.getByRole("heading", { level: 1, name: "ダッシュボード" })).toBeVisible();
});

test("a recovery code gets an admin in once", async ({ page }) => {
  const email = await newAdmin(page);
  const { recoveryCodes } = await enrol(page);
  const code = recoveryCodes[0]!;

  await logout(page);
  await loginToChallenge(page, email);
  await submitChallenge(page, code);
  await page.waitForURL((u) => u.pathname === "/admin/orders");
  await expect(page.getByRole("heading", { level: 1, name: "注文" })).toBeVisible();
  await page.goto("/admin/security");
  await expect(page.getByTestId("two-factor-status")).toContainText("9個");

  await logout(page);
  await loginToChallenge(page, email);
  await submitChallenge(page, code);
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("認証コードが正しくありません。");
  await submitChallenge(page, recoveryCodes[1]!.toUpperCase());
  await page.waitForURL((u) => u.pathname === "/admin/orders");
});
