// How a delivery date and slot read for people (checkout, order pages, e-mails, admin).
import type { Dictionary, Locale } from "@/lib/i18n";

/** "2026年12月5日(土)" / "Sat, 5 Dec 2026" — the stored Tokyo calendar date, shown as that same day. */
export function formatDeliveryDate(date: string, locale: Locale, options: { year?: boolean } = {}): string {
  return new Intl.DateTimeFormat(locale === "ja" ? "ja-JP" : "en-GB", {
    timeZone: "UTC",
    ...(options.year !== false && { year: "numeric" }),
    month: locale === "ja" ? "long" : "short",
    day: "numeric",
    weekday: "short",
  }).format(new Date(`${date}T00:00:00Z`));
}

export function deliverySlotLabel(dict: Dictionary, slot: string | null): string {
  if (!slot) return dict.delivery.none;
  return (dict.delivery.slotLabels as Record<string, string>)[slot] ?? slot;
}

/** "2026年12月5日(土) 午前中", or null when the shopper asked for nothing. */
export function deliverySummary(dict: Dictionary, locale: Locale, order: { deliveryDate: string | null; deliverySlot: string | null }): string | null {
  if (!order.deliveryDate && !order.deliverySlot) return null;
  const date = order.deliveryDate ? formatDeliveryDate(order.deliveryDate, locale) : dict.delivery.none;
  return `${date} ${deliverySlotLabel(dict, order.deliverySlot)}`;
}
