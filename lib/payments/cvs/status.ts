// What shoppers and admins see of a convenience-store payment (docs/escott-protocol.md §7.4): 未入金 / 入金済 /
// 期限切れ / 取消済み. 期限切れ is computed from PayLimit, so it shows as soon as the deadline has
// passed, before the scheduled check has confirmed it with 2Ref and cancelled the order.
import { isPayLimitPast } from "@/lib/escott";
import type { Dictionary } from "@/lib/i18n";
import type { Tone } from "@/lib/payments/views";

export type CvsDisplayStatus = "unpaid" | "paid" | "expired" | "cancelled" | "failed";

export function cvsDisplayStatus(payment: { state: string; payLimit: string | null }, now: Date = new Date()): CvsDisplayStatus {
  switch (payment.state) {
    case "paid":
      return "paid";
    case "expired":
      return "expired";
    case "cancelled":
      return "cancelled";
    case "unpaid":
      return payment.payLimit && isPayLimitPast(payment.payLimit, now) ? "expired" : "unpaid";
    default:
      return "failed";
  }
}

export function cvsStatusLabel(dict: Dictionary, status: CvsDisplayStatus): string {
  const t = dict.cvs;
  return { unpaid: t.statusUnpaid, paid: t.statusPaid, expired: t.statusExpired, cancelled: t.statusCancelled, failed: t.statusFailed }[status];
}

export const CVS_STATUS_TONE: Record<CvsDisplayStatus, Tone> = { unpaid: "warning", paid: "success", expired: "neutral", cancelled: "neutral", failed: "error" };

/** `YYYYMMDDHHMM` → `YYYY/MM/DD HH:MM` (JST, as e-SCOTT sent it). */
export function formatPayLimit(payLimit: string): string {
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(payLimit);
  return m ? `${m[1]}/${m[2]}/${m[3]} ${m[4]}:${m[5]}` : payLimit;
}

/** NyukinDate `YYYYMMDDhhmmss` → `YYYY/MM/DD HH:MM:SS` (JST). */
export function formatNyukinDate(value: string): string {
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?$/.exec(value);
  return m ? `${m[1]}/${m[2]}/${m[3]} ${m[4]}:${m[5]}${m[6] ? `:${m[6]}` : ""}` : value;
}
