// Deployment guards as a browser sees them: the demo banner on every page while payments go to the
// emulator, and the 3-D Secure return's answers to anything but a genuine form POST.
import { expect, test } from "./fixtures";

const BANNER_JA = "デモ環境（e-SCOTT エミュレーター）: 実際の決済は行われません";
const BANNER_EN = "Demo environment (e-SCOTT emulator): no real payments are made";

test("with ESCOTT_TARGET=emulator every page says no real payment is made, in Japanese and in English", async ({ page }) => {
  for (const path of ["/", "/cart", "/checkout", "/login", "/legal/tokushoho", "/no-such-page"]) {
    await page.goto(path);
    await expect(page.getByTestId("demo-banner"), path).toHaveText(BANNER_JA);
  }
  await page.goto("/");
  await page.getByRole("button", { name: /English/ }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByTestId("demo-banner")).toHaveText(BANNER_EN);
  await page.getByRole("button", { name: /日本語/ }).click();
  await expect(page.getByTestId("demo-banner")).toHaveText(BANNER_JA);
});

test("the 3-D Secure return takes a form POST only: GET → 405 (Allow: POST), over 16 KB → 413, anything else bad → one page", async ({ request, page }) => {
  const get = await request.get("/api/escott/3ds?EncryptValue=abc", { maxRedirects: 0 });
  expect(get.status()).toBe(405);
  expect(get.headers().allow).toBe("POST");

  const big = await request.post("/api/escott/3ds", { form: { EncryptValue: "A".repeat(20_000) }, maxRedirects: 0 });
  expect(big.status()).toBe(413);

  const bodies = new Set<string>();
  const forms: Record<string, string>[] = [{ EncryptValue: "bm90LWVuY3J5cHRlZA==" }, { EncryptValue: "" }, { Other: "x" }];
  for (const form of forms) {
    const res = await request.post("/api/escott/3ds", { form, maxRedirects: 0 });
    expect(res.status()).toBe(400);
    const text = await res.text();
    expect(text).not.toMatch(/decrypt|missing|invalid|EncryptValue/i);
    bodies.add(text);
  }
  expect(bodies.size).toBe(1);

  // What a shopper sees, with the link back to checkout.
  await page.setContent([...bodies][0]!);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("お支払い手続きを続けられませんでした");
  await expect(page.getByRole("link", { name: "ご注文手続きに戻る" })).toHaveAttribute("href", "/checkout");
});
