// The payment column of the admin order list: 決済ステータス for cards (与信 / 売上計上 / 取消 …),
// 入金ステータス for online payments (未入金 / 入金済 / 期限切れ / 取消済み), as the vendor's WooCommerce plugins show them (docs/escott-protocol.md §7.4).
import type { Dictionary } from "@/lib/i18n";
import { cvsDisplayStatus } from "@/lib/payments/cvs/status";

export function paymentStatusLabel(payment: { gateway: string; state: string; payLimit: string | null }, dict: Dictionary, now = new Date()): string {
  if (payment.gateway === "cvs") {
    const status = cvsDisplayStatus(payment, now);
    return {
      unpaid: dict.cvs.statusUnpaid,
      paid: dict.cvs.statusPaid,
      expired: dict.cvs.statusExpired,
      cancelled: dict.cvs.statusCancelled,
      failed: dict.cvs.statusFailed,
    }[status];
  }
  const key = `state_${payment.state}` as keyof Dictionary["card"];
  const label = dict.card[key];
  return typeof label === "string" ? label : payment.state;
}
