// 領収書 end to end: the admin sets the issuer; a convenience-store order has no receipt until the
// money arrives (入金結果通知 from the emulator); then the shopper words the addressee once and
// downloads the PDF (read back with a PDF text extractor), the second download says 再発行, and
// nobody without the key or another account gets it. Refunded → void in the admin, no more issues.
import { readFile } from "node:fs/promises";
import type { Download, Page } from "@playwright/test";
import { extractText, getDocumentProxy } from "unpdf";
import { checkoutWithCvs, cvsPayment, emulator, enableCvs, gatewayRows, orderOf, restoreGatewayRows, withDb } from "./cvs-support";
import { admin, expect, login, register, test, uniqueEmail } from "./fixtures";

// Checkout, payment notification and a few downloads: longer than the default minute on a busy machine.
test.describe.configure({ mode: "serial", timeout: 180_000 });

const PRODUCT = "shizuoka-fukamushi-sencha"; // 8%: printed with ※

let savedGateways: Awaited<ReturnType<typeof gatewayRows>>;
let savedInvoice: { values: string } | null;
test.beforeAll(async () => {
  savedGateways = await gatewayRows();
  savedInvoice = await withDb((db) => db.shopSettings.findUnique({ where: { section: "invoice" }, select: { values: true } }));
  await enableCvs();
});
test.afterAll(async () => {
  await restoreGatewayRows(savedGateways);
  await withDb(async (db) => {
    if (savedInvoice) await db.shopSettings.upsert({ where: { section: "invoice" }, create: { section: "invoice", values: savedInvoice.values }, update: { values: savedInvoice.values } });
    else await db.shopSettings.deleteMany({ where: { section: "invoice" } });
  });
});

async function pdfText(download: Download): Promise<string> {
  const bytes = await readFile((await download.path())!);
  expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
  return (await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true })).text;
}

async function downloadReceipt(page: Page): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("receipt-download").click()]);
  return pdfText(download);
}

async function payAtStore(orderId: number): Promise<void> {
  const { transactionCode } = await cvsPayment(orderId);
  expect((await emulator(`/_control/cvs/${transactionCode}/pay`, { cvsCd: "SEV" })).status).toBe(200);
  await expect.poll(async () => (await orderOf(orderId)).status, { timeout: 20_000 }).toBe("processing");
}

test("the admin sets the issuer; 登録番号 with a wrong check digit is refused", async ({ page }) => {
  await withDb((db) => db.shopSettings.deleteMany({ where: { section: "invoice" } }));
  await login(page, admin().email, admin().password);
  await page.goto("/admin");
  await page.getByRole("link", { name: "領収書・インボイス" }).click();
  await expect(page.getByRole("heading", { name: "領収書・インボイス設定" })).toBeVisible();
  await page.getByLabel("発行者名").fill("株式会社E2E商店");
  await page.getByLabel("登録番号").fill("T8000012050002");
  await page.getByLabel("所在地").fill("東京都千代田区霞が関3-1-1");
  await page.getByLabel("電話番号").fill("03-1234-5678");
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.getByText("登録番号は「T」と13桁の数字で、正しい番号を入力してください（検査用数字が一致しません）。")).toBeVisible();
  expect(await withDb((db) => db.shopSettings.count({ where: { section: "invoice" } }))).toBe(0);

  await page.getByLabel("登録番号").fill("T7000012050002");
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.getByRole("status")).toHaveText("領収書の設定を保存しました。");
  await page.reload();
  await expect(page.getByLabel("登録番号")).toHaveValue("T7000012050002");
});

test("a convenience-store order gets its receipt once paid: addressee once, 再発行 on the second, 404 without the key, void once refunded", async ({ page, browser, request }) => {
  const orderId = await checkoutWithCvs(page, { slug: PRODUCT, email: uniqueEmail("receipt-guest") });
  const { accessKey } = await orderOf(orderId);
  const thankYou = `/order/${orderId}?key=${accessKey}`;
  const receiptUrl = `/order/${orderId}/receipt?key=${accessKey}`;

  // Unpaid: no receipt, and the route refuses without recording anything.
  await page.goto(thankYou);
  await expect(page.getByRole("heading", { name: "ご注文ありがとうございます" })).toBeVisible();
  await expect(page.getByTestId("receipt-panel")).toHaveCount(0);
  const unpaid = await request.get(receiptUrl);
  expect(unpaid.status()).toBe(409);
  expect(await unpaid.text()).toBe("このご注文の領収書は発行できません。");

  await payAtStore(orderId);
  await page.goto(thankYou);
  const panel = page.getByTestId("receipt-panel");
  await expect(panel).toBeVisible();
  await expect(panel.getByLabel("宛名")).toHaveValue("山田 花子 様");
  await panel.getByLabel("宛名").fill("株式会社テスト 御中");
  await panel.getByLabel("但し書き").fill("お茶代として");
  await panel.getByRole("button", { name: "この宛名で確定する" }).click();
  await expect(panel.getByTestId("receipt-fixed")).toContainText("宛名：株式会社テスト 御中");
  await expect(panel.getByRole("button", { name: "この宛名で確定する" })).toHaveCount(0);

  const order = await withDb((db) => db.order.findUniqueOrThrow({ where: { id: orderId }, include: { items: true, fees: true } }));
  const first = await downloadReceipt(page);
  for (const s of ["領収書", "株式会社E2E商店", "登録番号 T7000012050002", "株式会社テスト 御中", "但し お茶代として", `ご注文番号 ${orderId}`, "コンビニ決済", `${order.items[0]!.name} ※`, "8%対象", `¥${order.total.toLocaleString("ja-JP")}`, `¥${order.tax8.toLocaleString("ja-JP")}`]) {
    expect(first).toContain(s);
  }
  expect(first).not.toContain("再発行");
  const second = await downloadReceipt(page);
  expect(second).toContain("再発行");
  expect(second).toContain("株式会社テスト 御中");

  // The addressee is fixed: the action refuses a second wording.
  expect(await withDb((db) => db.receipt.findUniqueOrThrow({ where: { orderId } }))).toMatchObject({ addressee: "株式会社テスト 御中", purpose: "お茶代として" });

  // Without the key, with a wrong key, from another site: nothing, and no issue recorded.
  const stranger = await browser.newContext({ baseURL: process.env.E2E_BASE_URL });
  expect((await stranger.request.get(`/order/${orderId}/receipt`)).status()).toBe(404);
  expect((await stranger.request.get(`/order/${orderId}/receipt?key=${"x".repeat(accessKey.length)}`)).status()).toBe(404);
  expect((await stranger.request.get(receiptUrl, { headers: { "sec-fetch-site": "cross-site" } })).status()).toBe(403);
  await stranger.close();
  expect(await withDb((db) => db.receiptIssue.count({ where: { orderId } }))).toBe(2);

  // The admin sees both issues, and issuing from the admin is a 再発行 too.
  const adminContext = await browser.newContext({ baseURL: process.env.E2E_BASE_URL });
  const adminPage = await adminContext.newPage();
  await login(adminPage, admin().email, admin().password);
  await adminPage.goto(`/admin/orders/${orderId}`);
  const adminPanel = adminPage.getByTestId("admin-receipt-panel");
  await expect(adminPanel.getByTestId("receipt-issue")).toHaveCount(2);
  await expect(adminPanel.getByTestId("receipt-count")).toHaveText("発行回数：2回");
  expect(await downloadReceipt(adminPage)).toContain("再発行");
  const issues = await withDb((db) => db.receiptIssue.findMany({ where: { orderId }, orderBy: { number: "asc" } }));
  expect(issues.map((i) => i.issuedBy)).toEqual(["guest", "guest", admin().email]);

  // Refunded (by the refund feature, simulated here): earlier receipts are void, no new one.
  await withDb((db) => db.order.update({ where: { id: orderId }, data: { status: "refunded" } }));
  await adminPage.reload();
  await expect(adminPanel.getByTestId("receipt-void-note")).toBeVisible();
  await expect(adminPanel.getByTestId("receipt-issue-kind").first()).toHaveText("原本（無効）");
  await expect(adminPanel.getByTestId("receipt-download")).toHaveCount(0);
  expect((await request.get(receiptUrl)).status()).toBe(409);
  await page.goto(thankYou);
  await expect(page.getByTestId("receipt-panel")).toHaveCount(0);
  await adminContext.close();
});

test("My Account: the owner downloads with the default addressee; another customer gets 404", async ({ page, browser }) => {
  const email = uniqueEmail("receipt-member");
  await register(page, email, "receipt-Password-123");
  const orderId = await checkoutWithCvs(page, { slug: PRODUCT, email });
  expect((await orderOf(orderId)).userId).not.toBeNull();
  await payAtStore(orderId);

  await page.goto(`/account/orders/${orderId}`);
  const text = await downloadReceipt(page);
  expect(text).toContain("山田 花子 様");
  expect(text).toContain("但し お品代として");
  await page.reload();
  await expect(page.getByTestId("receipt-fixed")).toContainText("宛名：山田 花子 様");
  await expect(page.getByTestId("receipt-count")).toContainText("発行回数：1回");
  // In English the page says the document itself is Japanese.
  await page.getByRole("button", { name: /English/ }).click();
  await expect(page.getByRole("heading", { name: "Receipt" })).toBeVisible();
  await expect(page.getByTestId("receipt-panel")).toContainText("The receipt is a Japanese tax document and is issued in Japanese.");
  await expect(page.getByTestId("receipt-count")).toContainText("Issued 1 time(s)");
  await page.getByRole("button", { name: /日本語/ }).click();
  await expect(page.getByTestId("receipt-count")).toContainText("発行回数：1回");

  const other = await browser.newContext({ baseURL: process.env.E2E_BASE_URL });
  const otherPage = await other.newPage();
  await register(otherPage, uniqueEmail("receipt-other"), "receipt-Password-456");
  expect((await otherPage.request.get(`/order/${orderId}/receipt`)).status()).toBe(404);
  expect((await otherPage.goto(`/account/orders/${orderId}`))?.status()).toBe(404);
  await other.close();
  expect(await withDb((db) => db.receiptIssue.count({ where: { orderId } }))).toBe(1);
});
