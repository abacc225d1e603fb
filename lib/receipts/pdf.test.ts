import { extractText, getDocumentProxy } from "unpdf";
import { describe, expect, it } from "vitest";
import { receiptTotals } from "@/lib/receipts/document";
import { renderReceiptPdf, type ReceiptDocument } from "@/lib/receipts/pdf";
import { invoiceSection } from "@/lib/receipts/settings";

// A 1×1 PNG, as an uploaded seal would be stored.
const PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";

function sample(number: number): ReceiptDocument {
  return {
    issuer: invoiceSection.schema.parse({ issuerName: "株式会社テスト商店", registrationNumber: "T7000012050002", address: "東京都千代田区霞が関3-1-1", phone: "03-1234-5678", seal: { type: "image/png", base64: PNG } }),
    orderId: 42,
    orderDate: new Date("2026-12-01T15:30:00Z"),
    issuedAt: new Date("2026-12-02T16:00:00Z"),
    number,
    addressee: "山田 太郎 様",
    purpose: "お品代として",
    paymentMethod: "クレジットカード",
    totals: receiptTotals({ items: [{ name: "有田焼 湯呑", unitPrice: 3300, quantity: 2, taxRate: 10 }, { name: "宇治抹茶", unitPrice: 1620, quantity: 1, taxRate: 8 }], shippingFee: 800, fees: [] }),
  };
}

async function text(pdf: Buffer): Promise<string> {
  const doc = await getDocumentProxy(new Uint8Array(pdf));
  return (await extractText(doc, { mergePages: true })).text;
}

describe("renderReceiptPdf", () => {
  it("writes an A4 Japanese receipt with the invoice's required items", async () => {
    const pdf = await renderReceiptPdf(sample(1));
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const doc = await getDocumentProxy(new Uint8Array(pdf));
    const [, , w, h] = (await doc.getPage(1)).view;
    expect([Math.round(w!), Math.round(h!)]).toEqual([595, 842]);
    const t = await text(pdf);
    for (const s of ["領収書", "株式会社テスト商店", "登録番号 T7000012050002", "山田 太郎 様", "但し お品代として", "2026年12月3日", "2026年12月2日", "ご注文番号 42", "クレジットカード", "宇治抹茶 ※", "¥9,020", "10%対象", "¥7,400", "内消費税（10%）", "¥672", "8%対象", "¥1,620", "内消費税（8%）", "¥120"]) {
      expect(t).toContain(s);
    }
    expect(t).not.toContain("再発行");
    // Subset fonts: the whole Noto Sans JP is over 4 MB a weight.
    expect(pdf.length).toBeLessThan(200_000);
  });

  it("marks every issue after the first 再発行", async () => {
    expect(await text(await renderReceiptPdf(sample(2)))).toContain("再発行");
  });
});
