import { addToCart, expect, login, register, test, uniqueEmail } from "./fixtures";

test("a customer registers and the guest cart follows them, also across logins", async ({ page }) => {
  await addToCart(page, "uji-matcha", 2);
  await expect(page.getByTestId("cart-count")).toHaveText("2");

  const email = uniqueEmail("customer");
  await register(page, email, "correct horse battery");
  await expect(page.getByTestId("account-email")).toContainText(email);
  await expect(page.getByTestId("cart-count")).toHaveText("2");

  await page.getByRole("button", { name: "ログアウト", exact: true }).click();
  await page.waitForURL((u) => u.pathname === "/");
  // Logged out, the browser no longer sees the customer's cart.
  await expect(page.getByTestId("cart-count")).toHaveText("0");

  // A new guest cart is merged into the customer's cart on the next login.
  await addToCart(page, "hasami-mug", 1);
  await login(page, email, "correct horse battery");
  await page.goto("/cart");
  await expect(page.getByTestId("cart-line")).toHaveCount(2);
  await expect(page.getByTestId("cart-count")).toHaveText("3");
});

test("registration and login errors are shown in Japanese", async ({ page }) => {
  await page.goto("/register");
  await page.getByLabel("メールアドレス").fill("not-an-email");
  await page.getByRole("textbox", { name: "パスワード", exact: true }).fill("short");
  await page.getByLabel("パスワード（確認）").fill("different");
  await page.getByRole("button", { name: "登録する" }).click();
  await expect(page.getByText("メールアドレスの形式が正しくありません。")).toBeVisible();
  await expect(page.getByText("パスワードは8文字以上で入力してください。")).toBeVisible();

  await page.goto("/login");
  await page.getByLabel("メールアドレス").fill("nobody@e2e.test");
  await page.getByLabel("パスワード").fill("wrong password");
  await page.getByRole("button", { name: "ログイン" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("メールアドレスまたはパスワードが正しくありません。");
});

test("after login the shopper stays on this shop, whatever ?next= says", async ({ page }) => {
  const email = uniqueEmail("redirect");
  await register(page, email, "correct horse battery");
  await page.getByRole("button", { name: "ログアウト", exact: true }).click();
  await page.waitForURL((u) => u.pathname === "/");
  const shop = new URL(page.url()).origin;
  // "/\t/evil.example": the browser drops the tab and would follow "//evil.example".
  for (const next of ["/\t/evil.example", "//evil.example", "/.//evil.example", "https://evil.example/"]) {
    await page.goto(`/login?next=${encodeURIComponent(next)}`);
    await page.getByLabel("メールアドレス").fill(email);
    await page.getByLabel("パスワード").fill("correct horse battery");
    await page.getByRole("button", { name: "ログイン" }).click();
    await page.waitForURL((url) => !url.pathname.startsWith("/login"));
    expect(new URL(page.url()).origin, next).toBe(shop);
    expect(new URL(page.url()).pathname, next).toBe("/account");
    await page.getByRole("button", { name: "ログアウト", exact: true }).click();
    await page.waitForURL((u) => u.pathname === "/");
  }
});

test("logging out ends the session on the server: a copied session cookie is refused afterwards", async ({ page, browser }) => {
  const email = uniqueEmail("copied");
  await register(page, email, "copied-cookie-pass-1");
  const stolen = await page.context().cookies();
  expect(stolen.some((c) => c.name.includes("next-auth.session-token"))).toBe(true);

  // The copy works while the login lasts…
  const thief = await browser.newContext({ baseURL: process.env.E2E_BASE_URL });
  await thief.addCookies(stolen);
  const thiefPage = await thief.newPage();
  await thiefPage.goto("/account");
  await expect(thiefPage.getByTestId("account-email")).toContainText(email);

  // …and not once the owner logged out.
  await page.getByRole("button", { name: "ログアウト", exact: true }).click();
  await page.waitForURL("/");
  expect((await page.context().cookies()).some((c) => c.name.includes("next-auth.session-token"))).toBe(false);
  await thiefPage.goto("/account");
  await thiefPage.waitForURL(/\/login\?next=/);
  await thief.close();
});

test("「すべての端末からログアウト」 ends the logins of every device", async ({ page, browser }) => {
  const email = uniqueEmail("everywhere");
  const password = "everywhere-pass-12";
  await register(page, email, password);
  const phone = await browser.newContext({ baseURL: process.env.E2E_BASE_URL });
  const phonePage = await phone.newPage();
  await login(phonePage, email, password);
  await phonePage.goto("/account");
  await expect(phonePage.getByTestId("account-email")).toContainText(email);

  await page.goto("/account");
  await page.getByTestId("logout-everywhere").click();
  await page.waitForURL(/\/login/);
  await phonePage.goto("/account");
  await phonePage.waitForURL(/\/login\?next=/);
  await phone.close();
});

test("changing the password needs the current one and ends the other devices' logins", async ({ page, browser }) => {
  const email = uniqueEmail("change-password");
  await register(page, email, "first-password-1");
  const other = await browser.newContext({ baseURL: process.env.E2E_BASE_URL });
  const otherPage = await other.newPage();
  await login(otherPage, email, "first-password-1");

  await page.goto("/account/password");
  await page.getByRole("textbox", { name: "現在のパスワード", exact: true }).fill("not-the-password");
  await page.getByRole("textbox", { name: "新しいパスワード", exact: true }).fill("second-password-2");
  await page.getByRole("textbox", { name: "新しいパスワード（確認）", exact: true }).fill("second-password-2");
  await page.getByRole("button", { name: "パスワードの変更" }).click();
  await expect(page.getByText("現在のパスワードが正しくありません。")).toBeVisible();

  await page.getByRole("textbox", { name: "現在のパスワード", exact: true }).fill("first-password-1");
  await page.getByRole("textbox", { name: "新しいパスワード", exact: true }).fill("password123");
  await page.getByRole("textbox", { name: "新しいパスワード（確認）", exact: true }).fill("password123");
  await page.getByRole("button", { name: "パスワードの変更" }).click();
  await expect(page.getByText("よく使われていて推測されやすいパスワードです。別のパスワードを入力してください。")).toBeVisible();

  await page.getByRole("textbox", { name: "新しいパスワード", exact: true }).fill("second-password-2");
  await page.getByRole("textbox", { name: "新しいパスワード（確認）", exact: true }).fill("second-password-2");
  await page.getByRole("button", { name: "パスワードの変更" }).click();
  await expect(page.getByTestId("password-changed")).toBeVisible();

  // This browser stays logged in; the other one is logged out; the old password no longer works.
  await page.goto("/account");
  await expect(page.getByTestId("account-email")).toContainText(email);
  await otherPage.goto("/account");
  await otherPage.waitForURL(/\/login\?next=/);
  await otherPage.getByLabel("メールアドレス").fill(email);
  await otherPage.getByLabel("パスワード").fill("first-password-1");
  await otherPage.getByRole("button", { name: "ログイン" }).click();
  await expect(otherPage.getByText("メールアドレスまたはパスワードが正しくありません。")).toBeVisible();
  await login(otherPage, email, "second-password-2");
  await other.close();
});
