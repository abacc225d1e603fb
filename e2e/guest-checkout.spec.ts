import { addToCart, expect, test } from "./fixtures";

test("a guest browses, fills the cart and reaches checkout with no payment method", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByTestId("product-card")).toHaveCount(12);

  // Out-of-stock products are marked and cannot be added.
  await page.goto("/products/tenugui-mount-fuji");
  await expect(page.getByTestId("stock-status")).toHaveText("在庫切れ");
  await expect(page.getByRole("button", { name: "在庫切れ" })).toBeDisabled();

  await page.goto("/");
  await page.getByRole("link", { name: /静岡 深蒸し煎茶/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("静岡 深蒸し煎茶 100g");
  await page.getByRole("button", { name: "カートに入れる" }).click();
  await expect(page.getByRole("status")).toContainText("カートに追加しました");
  await addToCart(page, "hasami-mug", 1);
  await expect(page.getByTestId("cart-count")).toHaveText("2");

  await page.goto("/cart");
  await expect(page.getByTestId("cart-line")).toHaveCount(2);
  // 1,296 (8%) + 2,640 (10%) + shipping 800
  await expect(page.getByTestId("total")).toHaveText("4,736円");
  await page.getByLabel("波佐見焼 しのぎマグカップの数量").fill("3");
  await page.locator('[data-slug="hasami-mug"]').getByRole("button", { name: "更新" }).click();
  await expect(page.getByTestId("subtotal")).toHaveText("9,216円");
  await expect(page.getByTestId("total")).toHaveText("10,016円");
  await expect(page.getByTestId("cart-count")).toHaveText("4");

  // Asking for more than the stock is refused with the available count.
  await page.getByLabel("波佐見焼 しのぎマグカップの数量").fill("31");
  await page.locator('[data-slug="hasami-mug"]').getByRole("button", { name: "更新" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText("在庫が不足しています（残り30点）");
  await expect(page.getByTestId("subtotal")).toHaveText("9,216円");

  await page.getByRole("link", { name: "ご注文手続きへ" }).click();
  await expect(page.getByRole("heading", { name: "ご注文手続き" })).toBeVisible();
  const billing = page.getByRole("group", { name: "ご請求先" });
  const field = (name: string) => billing.getByRole("textbox", { name, exact: true });
  await field("姓").fill("山田");
  await field("名").fill("花子");
  await field("セイ").fill("やまだ"); // hiragana is accepted and converted
  await field("メイ").fill("ﾊﾅｺ"); // so is half-width katakana
  await field("郵便番号").fill("12-345");
  await billing.getByRole("combobox", { name: "都道府県" }).selectOption({ label: "京都府" });
  await field("市区町村").fill("京都市中京区");
  await field("番地").fill("寺町通1-1");
  await field("電話番号").fill("075-123-4567");
  await field("メールアドレス").fill("hanako@e2e.test");
  await page.getByRole("button", { name: "注文する" }).click();

  await expect(page.getByText("郵便番号は「123-4567」の形式で入力してください。")).toBeVisible();
  await expect(field("郵便番号")).toHaveAttribute("aria-invalid", "true");
  await expect(field("セイ")).toHaveValue("ヤマダ");
  await expect(field("メイ")).toHaveValue("ハナコ");

  await field("郵便番号").fill("6040000");
  await field("郵便番号").blur();
  await expect(field("郵便番号")).toHaveValue("604-0000");
  await page.getByRole("button", { name: "注文する" }).click();
  await expect(page.getByTestId("checkout-no_payment_method")).toContainText("現在ご利用いただけるお支払い方法がありません");
  await expect(page.getByText("郵便番号は「123-4567」の形式で入力してください。")).toHaveCount(0);
});

test("the shopper can switch the shop to English and back", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("button", { name: /English/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Good things from Japan, for everyday life");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.goto("/checkout");
  await expect(page.getByText("Your cart is empty, so checkout cannot continue.")).toBeVisible();
  await page.getByRole("button", { name: /日本語/ }).click();
  await expect(page.getByText("カートが空のため、ご注文手続きを進められません。")).toBeVisible();
});

test("in English, the checkout's field errors show in English before anything is submitted", async ({ page }) => {
  await addToCart(page, "hasami-mug", 1);
  await page.goto("/");
  await page.getByRole("button", { name: /English/ }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.goto("/checkout");
  const billing = page.getByRole("group", { name: "Billing details" });
  const field = (name: string) => billing.getByRole("textbox", { name, exact: true });
  const actions: string[] = [];
  page.on("request", (r) => {
    if (r.method() === "POST" && r.headers()["next-action"]) actions.push(r.url());
  });

  // On leaving a field: its rule runs in the browser (the value is normalised, or the message shows).
  await field("Last name (katakana)").fill("Yamada");
  await field("Last name (katakana)").blur();
  await expect(page.getByText("Please enter full-width katakana.")).toBeVisible();
  await field("Last name (katakana)").fill("やまだ");
  await field("Last name (katakana)").blur();
  await expect(field("Last name (katakana)")).toHaveValue("ヤマダ");
  await expect(page.getByText("Please enter full-width katakana.")).toHaveCount(0);

  // On submit: every bad field at once, in English, and no place-order request.
  await field("Postal code").fill("12");
  await field("Email address").fill("hanako@");
  const actionsBefore = actions.length;
  await page.getByRole("button", { name: "Place order" }).click();
  await expect(page.getByTestId("checkout-invalid")).toContainText("Please check the highlighted fields.");
  await expect(page.getByText("Enter the postal code as 123-4567.")).toBeVisible();
  await expect(page.getByText("The email address is not valid.")).toBeVisible();
  await expect(field("Last name")).toHaveAttribute("aria-invalid", "true");
  await expect(billing.getByText("This field is required.").first()).toBeVisible();
  await expect(field("Last name (katakana)")).not.toHaveAttribute("aria-invalid", "true");
  // The browser stopped it: no server action was called (no place-order request, so no card token either).
  expect(actions.length).toBe(actionsBefore);
});
