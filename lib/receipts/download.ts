// One receipt download: settings, the recorded issue and the PDF together (the route stays thin).
import type { Db } from "@/lib/db";
import { receiptTotals } from "@/lib/receipts/document";
import { issueReceipt, type ReceiptRefusal } from "@/lib/receipts/issue";
import { renderReceiptPdf } from "@/lib/receipts/pdf";
import { invoiceSection, receiptsConfigured } from "@/lib/receipts/settings";
import { loadShopSettings } from "@/lib/shop/settings/store";

/** お支払い方法 as printed (the document is Japanese). */
const PAYMENT_LABELS: Record<string, string> = { card: "クレジットカード", cvs: "コンビニ決済" };

export type DownloadResult = { ok: true; pdf: Buffer; number: number } | { ok: false; reason: ReceiptRefusal | "missing" | "not_configured" };

export async function downloadReceipt(db: Db, orderId: number, issuedBy: string): Promise<DownloadResult> {
  const issuer = await loadShopSettings(db, invoiceSection);
  if (!receiptsConfigured(issuer)) return { ok: false, reason: "not_configured" };
  const result = await issueReceipt(db, orderId, issuedBy);
  if (!result.ok) return result;
  const { order, gateway, addressee, purpose, number, issuedAt } = result.issued;
  const pdf = await renderReceiptPdf({
    issuer,
    orderId: order.id,
    orderDate: order.createdAt,
    issuedAt,
    number,
    addressee,
    purpose,
    paymentMethod: PAYMENT_LABELS[gateway] ?? gateway,
    totals: receiptTotals(order),
  });
  return { ok: true, pdf, number };
}
