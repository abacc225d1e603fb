import "server-only";
import { db } from "@/lib/db";
import { MAX_ISSUES, receiptEligibility } from "@/lib/receipts/issue";
import { invoiceSection, receiptsConfigured } from "@/lib/receipts/settings";
import { loadShopSettings } from "@/lib/shop/settings/store";

/** What the order pages show about the order's 領収書 (issues newest last; at most MAX_ISSUES). */
export async function receiptPanelData(orderId: number) {
  const [settings, order] = await Promise.all([
    loadShopSettings(db(), invoiceSection),
    db().order.findUnique({
      where: { id: orderId },
      select: {
        status: true,
        billingLastName: true,
        billingFirstName: true,
        payments: { select: { gateway: true, state: true } },
        receipt: { select: { addressee: true, purpose: true } },
        receiptIssues: { select: { number: true, issuedAt: true, issuedBy: true }, orderBy: { number: "asc" }, take: MAX_ISSUES },
      },
    }),
  ]);
  if (!order) return null;
  return {
    configured: receiptsConfigured(settings),
    eligibility: receiptEligibility(order),
    receipt: order.receipt,
    issues: order.receiptIssues,
    billingName: `${order.billingLastName} ${order.billingFirstName} 様`,
  };
}

export type ReceiptPanelData = NonNullable<Awaited<ReturnType<typeof receiptPanelData>>>;
