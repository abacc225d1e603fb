import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { updateInvoiceSettings, type InvoiceSettingsForm } from "@/lib/receipts/settings-update";
import { invoiceSection, receiptsConfigured, SEAL_MAX_BYTES } from "@/lib/receipts/settings";
import { loadShopSettings } from "@/lib/shop/settings/store";
import { createTestDb, type TestDb } from "@/test/support/db";

const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "base64");

let t: TestDb;
beforeEach(async () => {
  t = await createTestDb();
});
afterEach(async () => {
  await t.cleanup();
});

const form = (over: Partial<InvoiceSettingsForm> = {}): InvoiceSettingsForm => ({
  issuerName: "テスト商店",
  registrationNumber: "T7000012050002",
  address: "東京都千代田区",
  phone: "03-1234-5678",
  sealFile: null,
  removeSeal: false,
  ...over,
});

describe("updateInvoiceSettings", () => {
  it("starts unconfigured and saves a valid form, normalizing the registration number", async () => {
    expect(receiptsConfigured(await loadShopSettings(t.db, invoiceSection))).toBe(false);
    const r = await updateInvoiceSettings(t.db, form({ registrationNumber: "ｔ７０００ー０１２０－５０００２", sealFile: PNG }));
    expect(r.ok).toBe(true);
    const s = await loadShopSettings(t.db, invoiceSection);
    expect(s.registrationNumber).toBe("T7000012050002");
    expect(s.seal?.type).toBe("image/png");
    expect(receiptsConfigured(s)).toBe(true);
  });

  it("refuses a registration number whose check digit is wrong and saves nothing", async () => {
    await updateInvoiceSettings(t.db, form());
    const r = await updateInvoiceSettings(t.db, form({ issuerName: "別の名前", registrationNumber: "T8000012050002" }));
    expect(r).toEqual({ ok: false, errors: { registrationNumber: "receipts.registrationNumberInvalid" } });
    expect((await loadShopSettings(t.db, invoiceSection)).issuerName).toBe("テスト商店");
  });

  it("refuses a seal that is not a PNG/JPEG, a broken one and one over the cap", async () => {
    expect(await updateInvoiceSettings(t.db, form({ sealFile: Buffer.from("<svg></svg>") }))).toEqual({ ok: false, errors: { seal: "receipts.sealInvalid" } });
    expect(await updateInvoiceSettings(t.db, form({ sealFile: PNG.subarray(0, 20) }))).toEqual({ ok: false, errors: { seal: "receipts.sealInvalid" } });
    const big = Buffer.concat([PNG, Buffer.alloc(SEAL_MAX_BYTES)]);
    expect(await updateInvoiceSettings(t.db, form({ sealFile: big }))).toEqual({ ok: false, errors: { seal: "receipts.sealTooLarge" } });
    expect(await t.db.shopSettings.count()).toBe(0);
  });

  it("keeps the seal when none is uploaded and removes it on request", async () => {
    await updateInvoiceSettings(t.db, form({ sealFile: PNG }));
    await updateInvoiceSettings(t.db, form({ issuerName: "改名" }));
    expect((await loadShopSettings(t.db, invoiceSection)).seal).not.toBeNull();
    await updateInvoiceSettings(t.db, form({ removeSeal: true }));
    expect((await loadShopSettings(t.db, invoiceSection)).seal).toBeNull();
  });

  it("refuses a phone number with letters", async () => {
    expect(await updateInvoiceSettings(t.db, form({ phone: "call me" }))).toEqual({ ok: false, errors: { phone: "receipts.phoneInvalid" } });
  });
});
