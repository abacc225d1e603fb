// The single-use account links, in Chromium: password reset through the e-mail (no enumeration,
// used once), e-mail verification before a card can be saved, and the first admin's setup link.
import { issueToken } from "@/lib/auth/tokens";
import { configureCard, keepCardSettings } from "./card-support";
import { withDb } from "./e2e-db";
import { expect, login, register, test, uniqueEmail } from "./fixtures";

keepCardSettings();

/** The link in the newest e-mail of `kind` to `to`, as the outbox holds it. */
async function mailedLink(to: string, kind: string): Promise<string> {
  const mail = await withDb((db) => db.emailMessage.findFirstOrThrow({ where: { to, kind }, orderBy: { createdAt: "desc" } }));
  const url = /https?:\/\/\S+\/(reset-password|verify-email)\/[A-Za-z0-9_-]{43}/.exec(mail.body)?.[0];
  expect(url, mail.body).toBeDefined();
  return new URL(url!).pathname;
}

test("password reset: the same answer for any address, a link by e-mail that works once, then the new password logs in", async ({ page }) => {
  const email = uniqueEmail("reset");
  await register(page, email, "first password 1");
  await page.context().clearCookies();

  await page.goto("/login");
  await expect(page.getByRole("link", { name: "パスワードをお忘れの方" })).toHaveAttribute("href", "/forgot-password");
  await page.goto("/forgot-password");
  const sent = "ご登録のメールアドレスであれば、パスワード再設定のご案内をお送りしました。";
  await page.getByLabel("メールアドレス").fill(uniqueEmail("nobody"));
  await page.getByRole("button", { name: "再設定用のリンクを送る" }).click();
  await expect(page.getByTestId("reset-sent")).toContainText(sent);
  await page.getByLabel("メールアドレス").fill(email);
  await page.getByRole("button", { name: "再設定用のリンクを送る" }).click();
  await expect(page.getByTestId("reset-sent")).toContainText(sent);

  const link = await mailedLink(email, "password_reset");
  await page.goto(link);
  await expect(page.getByRole("heading", { name: "新しいパスワードの設定" })).toBeVisible();
  await page.getByRole("textbox", { name: "新しいパスワード", exact: true }).fill("short");
  await page.getByRole("textbox", { name: "新しいパスワード（確認）", exact: true }).fill("short");
  await page.getByRole("button", { name: "パスワードを設定する" }).click();
  await expect(page.getByText("パスワードは8文字以上で入力してください。")).toBeVisible();
  await page.getByRole("textbox", { name: "新しいパスワード", exact: true }).fill("second password 2");
  await page.getByRole("textbox", { name: "新しいパスワード（確認）", exact: true }).fill("second password 2");
  await page.getByRole("button", { name: "パスワードを設定する" }).click();
  await expect(page.getByTestId("password-set")).toContainText("パスワードを設定しました。");

  // Once only.
  await page.goto(link);
  await expect(page.getByTestId("link-error")).toContainText("このリンクは無効か");
  // The old password no longer works; the new one does.
  await page.goto("/login");
  await page.getByLabel("メールアドレス").fill(email);
  await page.getByLabel("パスワード").fill("first password 1");
  await page.getByRole("button", { name: "ログイン" }).click();
  await expect(page.getByText("メールアドレスまたはパスワードが正しくありません")).toBeVisible();
  await login(page, email, "second password 2");
  await expect(page.getByTestId("account-email")).toContainText(email);
});

test("e-mail verification: no card can be saved until the e-mailed link is followed (by a click, not by opening it)", async ({ page }) => {
  const email = uniqueEmail("verify");
  await register(page, email, "verify password 1", { verified: false });
  await expect(page.getByTestId("verify-needed")).toBeVisible();
  await configureCard();
  await page.goto("/account/card");
  await expect(page.getByTestId("verify-needed")).toContainText("メールアドレスの確認が必要です");
  await expect(page.getByLabel("カード番号")).toHaveCount(0);

  const link = await mailedLink(email, "email_verify");
  await page.goto(link);
  // Opening the page used nothing: a mail scanner's visit does not verify.
  expect((await withDb((db) => db.user.findUniqueOrThrow({ where: { email } }))).emailVerifiedAt).toBeNull();
  await page.getByRole("button", { name: "メールアドレスの確認" }).click();
  await expect(page.getByTestId("verify-result")).toHaveText("メールアドレスを確認しました。");
  expect((await withDb((db) => db.user.findUniqueOrThrow({ where: { email } }))).emailVerifiedAt).not.toBeNull();
  await page.goto("/account/card");
  await expect(page.getByTestId("verify-needed")).toHaveCount(0);
});

test("the first admin's setup link: choose a 12-character password once, then log in to the admin", async ({ page }) => {
  const email = uniqueEmail("setup-admin");
  // What `npm start` does on a fresh database (lib/auth/admin-setup.ts ensureAdmin), for another account.
  const token = await withDb(async (db) => {
    const user = await db.user.create({ data: { email, passwordHash: "", role: "admin" } });
    return issueToken(db, user.id, "admin-setup");
  });
  const response = await page.goto(`/setup/${token}`);
  expect(response?.headers()["referrer-policy"]).toBe("no-referrer");
  await expect(page.getByText(email)).toBeVisible();
  await page.getByRole("textbox", { name: "新しいパスワード", exact: true }).fill("too short 1");
  await page.getByRole("textbox", { name: "新しいパスワード（確認）", exact: true }).fill("too short 1");
  await page.getByRole("button", { name: "設定して管理画面へ" }).click();
  await expect(page.getByText("管理者のパスワードは12文字以上で入力してください。")).toBeVisible();
  await page.getByRole("textbox", { name: "新しいパスワード", exact: true }).fill("a long admin password");
  await page.getByRole("textbox", { name: "新しいパスワード（確認）", exact: true }).fill("a long admin password");
  await page.getByRole("button", { name: "設定して管理画面へ" }).click();
  await page.getByTestId("password-set").getByRole("link", { name: "ログイン" }).click();
  await page.getByLabel("メールアドレス").fill(email);
  await page.getByLabel("パスワード").fill("a long admin password");
  await page.getByRole("button", { name: "ログイン" }).click();
  await page.waitForURL("**/admin");
  await expect(page.getByRole("heading", { name: "ダッシュボード" })).toBeVisible();

  await page.goto(`/setup/${token}`);
  await expect(page.getByTestId("link-error")).toBeVisible();
});
