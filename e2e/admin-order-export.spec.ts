import { readFile } from "node:fs/promises";
import type { Download, Page } from "@playwright/test";
import iconv from "iconv-lite";
import { withDb } from "./e2e-db";
import { admin, expect, login, register, test, uniqueEmail } from "./fixtures";
import { seedOrder } from "./seed-order";

async function download(page: Page, mode: string, encoding: string): Promise<{ file: Download; bytes: Buffer }> {
  const form = page.getByTestId("order-export");
  await form.getByLabel("行の単位").selectOption(mode);
  await form.getByLabel("文字コード").selectOption(encoding);
  const [file] = await Promise.all([page.waitForEvent("download"), form.getByRole("button", { name: "CSVをダウンロード" }).click()]);
  return { file, bytes: await readFile((await file.path())!) };
}

const rowsOf = (text: string) => text.split("\r\n").filter(Boolean);

test("an admin downloads the filtered order list as UTF-8 and as Shift_JIS CSV", async ({ page }) => {
  const tag = `export-${Date.now()}`;
  const first = await seedOrder(`${tag}-a@e2e.test`);
  const second = await seedOrder(`${tag}-b@e2e.test`, "imabari-face-towels", 2);
  await seedOrder(uniqueEmail("not-exported"));
  // A customer who typed a formula as their name.
  await withDb((db) => db.order.update({ where: { id: second }, data: { billingLastName: "=cmd|' /C calc'!A0", billingAddress2: "梅田ビル, 3F" } }));

  await login(page, admin().email, admin().password);
  await page.goto("/admin/orders");
  await page.getByLabel("注文番号・メールアドレスで検索").fill(tag);
  await page.getByRole("button", { name: "検索" }).click();
  await expect(page.getByTestId("admin-order-row")).toHaveCount(2);
  await expect(page.getByTestId("order-export")).toContainText("最大10,000行");

  const utf8 = await download(page, "orders", "utf8");
  expect(utf8.file.suggestedFilename()).toMatch(/^orders-\d{8}-\d{4}\.csv$/);
  expect([...utf8.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const rows = rowsOf(utf8.bytes.subarray(3).toString("utf8"));
  expect(rows).toHaveLength(3);
  expect(rows[0]).toMatch(/^注文番号,注文日時,ステータス,メールアドレス,/);
  // Newest first; only the filtered orders.
  expect(rows.slice(1).map((r) => r.split(",")[0])).toEqual([String(second), String(first)]);
  // Neutralized by a leading apostrophe (no comma or quote in it, so not quoted).
  expect(rows[1]).toContain(`,ゲスト,'=cmd|' /C calc'!A0 一郎,`);
  expect(rows[1]).toContain('"大阪府大阪市北区梅田1-1 梅田ビル, 3F"');
  expect(rows[2]).toContain(`${tag}-a@e2e.test,ゲスト,佐藤 一郎,サトウ イチロウ,530-0001,大阪府大阪市北区梅田1-1,06-1234-5678`);

  const sjis = await download(page, "items", "sjis");
  expect(sjis.file.suggestedFilename()).toMatch(/^orders-\d{8}-\d{4}-items\.csv$/);
  expect(sjis.bytes[0]).not.toBe(0xef);
  // Not UTF-8: decoding it as such breaks the Japanese text.
  expect(sjis.bytes.toString("utf8")).not.toContain("注文番号");
  const items = rowsOf(iconv.decode(sjis.bytes, "Shift_JIS"));
  expect(items[0]).toMatch(/,商品名,商品コード,単価,税率（%）,数量,金額$/);
  expect(items).toHaveLength(3);
  expect(items[1]).toMatch(new RegExp(`^${second},.*,imabari-face-towels,\\d+,10,2,\\d+$`));
});

test("the export is for admins only: anonymous visitors are sent to log in, customers get 403, neither gets a CSV", async ({ page, request }) => {
  // proxy.ts sends anonymous /admin requests to the login page before the handler runs.
  const anonymous = await request.get("/admin/orders/export?encoding=utf8", { maxRedirects: 0 });
  expect(anonymous.status()).toBe(307);
  expect(anonymous.headers().location).toContain("/login?next=");
  expect(anonymous.headers()["content-type"] ?? "").not.toContain("text/csv");

  await register(page, uniqueEmail("nosy-export"), "customer password");
  const customer = await page.request.get("/admin/orders/export?encoding=utf8", { maxRedirects: 0 });
  expect(customer.status()).toBe(403);
  expect(customer.headers()["content-type"] ?? "").not.toContain("text/csv");
  expect(await customer.text()).not.toContain("注文番号");
});
