import { DEMO_CONTRACT } from "@/lib/escott/demo-contract";
import { cvsSettingsSchema } from "@/lib/payments/settings/cvs";
import { saveSettings } from "@/lib/payments/settings/store";
import { appBox, configureCard, keepCardSettings, PRODUCT, withDb } from "./card-support";
import { admin, expect, login, test } from "./fixtures";

test.describe.configure({ mode: "serial" });
keepCardSettings();

test("a new install starts with 3-D Secure on and a 30-minute abandon wait", async ({ page }) => {
  await withDb((db) => db.gatewaySettings.deleteMany({ where: { gateway: "card" } })); // restored by keepCardSettings
  await login(page, admin().email, admin().password);
  await page.goto("/admin/payments/card");
  const form = page.getByTestId("card-settings-form");
  await expect(form.getByLabel("3Dセキュア認証を利用する")).toBeChecked();
  await expect(page.getByTestId("three-ds-off-warning")).toHaveCount(0);
  await expect(form.getByLabel("未完了の決済を打ち切るまでの時間（分）")).toHaveValue("30");
});

test("the card settings page: the manual's fields, field errors in Japanese, secrets never shown, the URLs to register", async ({ page }) => {
  await configureCard();
  await login(page, admin().email, admin().password);
  await page.goto("/admin/payments/card");
  const form = page.getByTestId("card-settings-form");
  await expect(form.getByLabel("タイトル")).toHaveValue("クレジットカード");
  await expect(form.getByLabel("説明")).toHaveValue("クレジットカードで支払う");
  await expect(form.getByLabel("テストモードを有効化")).toBeChecked();
  await expect(form.getByLabel("店舗コード")).toHaveValue("0001");
  await expect(form.getByLabel("処理区分")).toHaveValue("1Gathering");
  await expect(form.getByLabel("支払回数")).toHaveValue("1");
  await expect(form.getByLabel("セキュリティコードの認証を利用する")).toBeChecked();
  await expect(form.getByLabel("登録済みカードでの支払いを有効化")).toBeChecked();
  await expect(form.getByLabel("常にカード会員に登録する")).toBeChecked();
  await expect(form.getByLabel("決済ログを保存する")).toBeChecked();
  // 3-D Secure off: the 2025 EMV 3-D Secure requirement is pointed out.
  await expect(page.getByTestId("three-ds-off-warning")).toContainText("2025年3月末");
  await configureCard({ threeDSecure: true });
  await page.reload();
  await expect(page.getByTestId("three-ds-off-warning")).toHaveCount(0);
  await configureCard();
  await page.reload();

  // Secrets: "set" and the last 2 characters, never the value.
  const html = await page.content();
  expect(html).not.toContain(DEMO_CONTRACT.card.merchantPass);
  expect(html).not.toContain(DEMO_CONTRACT.card.aesKey);
  expect(html).not.toContain(DEMO_CONTRACT.card.aesIv);
  await expect(form).toContainText(`設定済み（末尾 ${DEMO_CONTRACT.card.merchantPass.slice(-2)}）`);
  await expect(form.getByLabel("マーチャントパスワード")).toHaveValue("");

  await expect(page.getByTestId("three-ds-return-url")).toHaveText(`${process.env.E2E_BASE_URL}/api/escott/3ds`);
  await expect(page.getByTestId("notification-url")).toHaveText(`${process.env.E2E_BASE_URL}/api/escott/notification`);

  await form.getByLabel("マーチャントID").fill("12a");
  await form.getByLabel("店舗コード").fill("1");
  await form.getByLabel("暗号化キー").fill("short");
  await form.getByLabel("未完了の決済を打ち切るまでの時間（分）").fill("5");
  await page.getByRole("button", { name: "保存" }).click();
  await expect(form.getByText("半角数字で入力してください。")).toBeVisible();
  await expect(form.getByText("10〜1440 の整数（分）で入力してください。")).toBeVisible();
  await expect(form.getByText(/店舗コードは半角数字4桁/)).toBeVisible();
  await expect(form.getByText(/半角英数字16文字で入力してください/)).toBeVisible();
  // Nothing was saved: the stored values are the emulator's.
  await page.reload();
  await expect(page.getByTestId("card-settings-form").getByLabel("マーチャントID")).toHaveValue(DEMO_CONTRACT.card.merchantId);

  // Blank secrets keep the stored ones; changed fields are saved.
  await page.getByTestId("card-settings-form").getByLabel("処理区分").selectOption("1Auth");
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.getByRole("status")).toHaveText("設定を保存しました。");
  const stored = await withDb((db) => db.gatewaySettings.findUniqueOrThrow({ where: { gateway: "card" } }));
  expect(stored.values).not.toContain(DEMO_CONTRACT.card.merchantPass);
  expect(JSON.parse(stored.values)).toMatchObject({ operateId: "1Auth", merchantId: DEMO_CONTRACT.card.merchantId });
});

test("test mode must agree with the online payment agency; a gateway missing settings is not offered, and the admin sees why", async ({ page }) => {
  await configureCard();
  const cvsBefore = await withDb((db) => db.gatewaySettings.findUnique({ where: { gateway: "cvs" } }));
  await withDb((db) => saveSettings(db, appBox(), "cvs", cvsSettingsSchema.parse({ enabled: true, testMode: false, ...DEMO_CONTRACT.cvs })));
  try {
    await login(page, admin().email, admin().password);
    await page.goto("/admin/payments/card");
    await page.getByRole("button", { name: "保存" }).click();
    await expect(page.getByText(/テストモードがオンライン収納代行サービスの設定と一致していません/)).toBeVisible();
  } finally {
    await withDb(async (db) => {
      if (cvsBefore) await db.gatewaySettings.update({ where: { gateway: "cvs" }, data: { values: cvsBefore.values } });
      else await db.gatewaySettings.delete({ where: { gateway: "cvs" } });
    });
  }

  await configureCard({ tokenAuthCode: "" });
  await page.goto("/admin/payments");
  await expect(page.getByTestId("gateway-card")).toContainText("トークン決済認証コードが未設定です。");
  await page.goto(`/products/${PRODUCT}`);
  await page.getByRole("button", { name: "カートに入れる" }).click();
  await page.goto("/checkout");
  await expect(page.getByRole("radio", { name: /クレジットカード/ })).toHaveCount(0);
  await configureCard();
  await page.reload();
  await expect(page.getByRole("radio", { name: /クレジットカード/ })).toHaveCount(1);
});
