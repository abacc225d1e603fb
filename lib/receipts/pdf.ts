// The 領収書 as an A4 PDF (pdfkit). The document is Japanese whatever the shopper's language: it
// is a Japanese tax document. Noto Sans JP comes from the @embedpdf/fonts-jp package (OFL), not
// from the system, and pdfkit embeds only the glyphs used (subset), so a receipt stays small.
import { readFileSync } from "node:fs";
import path from "node:path";
import PDFDocument from "pdfkit";
import type { ReceiptTotals } from "@/lib/receipts/document";
import type { InvoiceSettings } from "@/lib/receipts/settings";

export interface ReceiptDocument {
  issuer: InvoiceSettings;
  orderId: number;
  orderDate: Date;
  issuedAt: Date;
  /** 1 for the original; anything later is printed as 再発行. */
  number: number;
  addressee: string;
  purpose: string;
  paymentMethod: string;
  totals: ReceiptTotals;
}

const fontCache = new Map<string, Buffer>();

function font(file: "NotoSansJP-Regular.otf" | "NotoSansJP-Bold.otf"): Buffer {
  let data = fontCache.get(file);
  if (!data) {
    // Read at run time from the project root (where `npm start` and the tests run): the package
    // exports no font paths, and a bundler turns require.resolve() into a module id.
    data = readFileSync(path.join(process.cwd(), "node_modules", "@embedpdf", "fonts-jp", "fonts", file));
    fontCache.set(file, data);
  }
  return data;
}

const yen = (n: number) => `¥${n.toLocaleString("ja-JP")}`;
const jaDate = (d: Date) => new Intl.DateTimeFormat("ja-JP", { timeZone: "Asia/Tokyo", year: "numeric", month: "long", day: "numeric" }).format(d);

export const REDUCED_MARK = "※";

export function receiptNumber(orderId: number, number: number): string {
  return `${orderId}-${number}`;
}

export async function renderReceiptPdf(doc: ReceiptDocument): Promise<Buffer> {
  const pdf = new PDFDocument({ size: "A4", margin: 50, info: { Title: `領収書 ${receiptNumber(doc.orderId, doc.number)}`, Author: doc.issuer.issuerName } });
  const chunks: Buffer[] = [];
  pdf.on("data", (c: Buffer) => chunks.push(c));
  const ended = new Promise<void>((resolve, reject) => {
    pdf.on("end", resolve);
    pdf.on("error", reject);
  });
  pdf.registerFont("jp", font("NotoSansJP-Regular.otf"));
  pdf.registerFont("jp-bold", font("NotoSansJP-Bold.otf"));
  draw(pdf, doc);
  pdf.end();
  await ended;
  return Buffer.concat(chunks);
}

function draw(pdf: PDFKit.PDFDocument, doc: ReceiptDocument): void {
  const left = 50;
  const width = pdf.page.width - 100;
  const right = left + width;

  if (doc.number > 1) {
    pdf.font("jp-bold").fontSize(12).fillColor("#b91c1c");
    pdf.rect(left, 45, 70, 24).stroke("#b91c1c");
    pdf.text("再発行", left, 50, { width: 70, align: "center" });
    pdf.fillColor("black").strokeColor("black");
  }
  pdf.font("jp").fontSize(9);
  pdf.text(`発行日 ${jaDate(doc.issuedAt)}`, left, 45, { width, align: "right" });
  pdf.text(`領収書番号 ${receiptNumber(doc.orderId, doc.number)}`, { width, align: "right" });

  pdf.font("jp-bold").fontSize(24).text("領収書", left, 85, { width, align: "center", characterSpacing: 8 });

  pdf.font("jp").fontSize(15).text(doc.addressee, left, 140, { width: width * 0.6 });
  pdf.moveTo(left, pdf.y + 2).lineTo(left + width * 0.6, pdf.y + 2).stroke();

  const boxTop = pdf.y + 18;
  pdf.rect(left, boxTop, width, 44).fillAndStroke("#f5f5f4", "black");
  pdf.fillColor("black").font("jp").fontSize(12).text("金額", left + 14, boxTop + 15);
  pdf.font("jp-bold").fontSize(20).text(`${yen(doc.totals.total)} -（税込）`, left, boxTop + 10, { width: width - 14, align: "right" });
  pdf.font("jp").fontSize(11).text(`但し ${doc.purpose}`, left, boxTop + 56, { width });
  pdf.text("上記正に領収いたしました。", { width });

  // The issuer, with the seal overlapping the name's right end as a 角印 would be stamped.
  const issuerTop = pdf.y + 16;
  const issuerLeft = left + width * 0.5;
  const issuerWidth = width * 0.5;
  pdf.font("jp-bold").fontSize(12).text(doc.issuer.issuerName, issuerLeft, issuerTop, { width: issuerWidth });
  pdf.font("jp").fontSize(9);
  if (doc.issuer.address) pdf.text(doc.issuer.address, { width: issuerWidth });
  if (doc.issuer.phone) pdf.text(`TEL ${doc.issuer.phone}`, { width: issuerWidth });
  if (doc.issuer.registrationNumber) pdf.text(`登録番号 ${doc.issuer.registrationNumber}`, { width: issuerWidth });
  const issuerBottom = pdf.y;
  if (doc.issuer.seal) {
    try {
      pdf.image(Buffer.from(doc.issuer.seal.base64, "base64"), right - 60, issuerTop - 6, { fit: [60, 60] });
    } catch {
      // A seal that no longer decodes is left off rather than refusing the receipt.
    }
  }

  pdf.font("jp").fontSize(9).text(`ご注文番号 ${doc.orderId}　ご注文日 ${jaDate(doc.orderDate)}　お支払い方法 ${doc.paymentMethod}`, left, Math.max(issuerBottom, issuerTop + 60) + 18, { width });

  // 明細
  const cols = { name: left, unit: left + width * 0.55, qty: left + width * 0.72, amount: left + width * 0.8 };
  const colWidths = { name: width * 0.55 - 8, unit: width * 0.17, qty: width * 0.08, amount: width * 0.2 };
  let y = pdf.y + 10;
  const header = () => {
    pdf.rect(left, y, width, 18).fill("#e7e5e4");
    pdf.fillColor("black").font("jp-bold").fontSize(9);
    pdf.text("品名", cols.name + 4, y + 4, { width: colWidths.name });
    pdf.text("単価", cols.unit, y + 4, { width: colWidths.unit, align: "right" });
    pdf.text("数量", cols.qty, y + 4, { width: colWidths.qty, align: "right" });
    pdf.text("金額", cols.amount, y + 4, { width: colWidths.amount - 4, align: "right" });
    y += 22;
    pdf.font("jp").fontSize(9);
  };
  header();
  for (const line of doc.totals.lines) {
    const name = line.taxRate === 8 ? `${line.name} ${REDUCED_MARK}` : line.name;
    const h = Math.max(pdf.heightOfString(name, { width: colWidths.name }), 12) + 6;
    if (y + h > pdf.page.height - 160) {
      pdf.addPage();
      y = 50;
      header();
    }
    pdf.text(name, cols.name + 4, y, { width: colWidths.name });
    pdf.text(yen(line.unitPrice), cols.unit, y, { width: colWidths.unit, align: "right" });
    pdf.text(String(line.quantity), cols.qty, y, { width: colWidths.qty, align: "right" });
    pdf.text(yen(line.amount), cols.amount, y, { width: colWidths.amount - 4, align: "right" });
    y += h;
    pdf.moveTo(left, y - 3).lineTo(right, y - 3).lineWidth(0.5).stroke("#a8a29e");
  }

  // Per rate: the amount and the consumption tax in it (one rounding per rate per document).
  y += 6;
  const row = (label: string, value: string, bold = false) => {
    pdf.font(bold ? "jp-bold" : "jp").fontSize(bold ? 11 : 9).fillColor("black");
    pdf.text(label, cols.unit - 80, y, { width: colWidths.unit + colWidths.qty + 80, align: "right" });
    pdf.text(value, cols.amount, y, { width: colWidths.amount - 4, align: "right" });
    y += bold ? 18 : 14;
  };
  // Partial refunds (返金): what was paid back, then the amount finally received as 合計.
  for (const r of doc.totals.refunds) {
    row(`返金（${jaDate(r.createdAt)}）`, `-${yen(r.amount)}`);
  }
  row(doc.totals.refunds.length > 0 ? "合計（返金後）" : "合計", yen(doc.totals.total), true);
  for (const r of doc.totals.byRate) {
    row(`${r.rate}%対象${r.rate === 8 ? "（軽減税率）" : ""}`, yen(r.amount));
    row(`内消費税（${r.rate}%）`, yen(r.tax));
  }
  if (doc.totals.lines.some((l) => l.taxRate === 8)) {
    pdf.font("jp").fontSize(8).text(`${REDUCED_MARK}は軽減税率（8%）対象です。`, left, y + 6, { width });
  }
}
