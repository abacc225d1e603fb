// Order.attention: why an order needs the admin's eyes. One value at a time, the most urgent
// kept; the admin order list shows it as a badge and the order page explains it.
import type { MessageKey } from "@/lib/i18n";

export const ATTENTION = {
  /** A call went out and no usable answer came back: money may have moved (suffix: the reason). */
  paymentUnknown: "payment_unknown",
  /** Money arrived for an order that no longer waited for it (cancelled, failed…). */
  paidAfterCancel: "cvs_paid_after_cancel",
  /** A genuine payment notification for another amount than the registration's. */
  amountMismatch: "amount_mismatch",
} as const;

/** The admin's label for an attention value (dictionary key), or null for none. */
export function attentionLabel(attention: string | null): MessageKey | null {
  if (!attention) return null;
  if (attention.startsWith(ATTENTION.paymentUnknown)) return "admin.attentionPaymentUnknown";
  if (attention === ATTENTION.paidAfterCancel) return "admin.attentionPaidAfterCancel";
  if (attention === ATTENTION.amountMismatch) return "admin.attentionAmountMismatch";
  return "admin.attentionOther";
}
