// The delivery choice as the checkout page offers it: the dates and slots of the settings now, with
// their labels in the shopper's language. Null when the shop does not offer the choice.
import type { Db } from "@/lib/db";
import { dictionaryFor, type Locale } from "@/lib/i18n";
import { deliveryDates, deliverySection } from "@/lib/shop/delivery";
import { formatDeliveryDate } from "@/lib/shop/delivery-format";
import { loadShopSettings } from "@/lib/shop/settings/store";

export interface DeliveryOptions {
  dates: { value: string; label: string }[];
  slots: { value: string; label: string }[];
}

export async function deliveryOptions(db: Db, locale: Locale, now: Date): Promise<DeliveryOptions | null> {
  const settings = await loadShopSettings(db, deliverySection);
  if (!settings.enabled) return null;
  const dict = dictionaryFor(locale);
  const dates = deliveryDates(settings, now).map((value) => ({ value, label: formatDeliveryDate(value, locale, { year: false }) }));
  const slots = settings.slots.map((value) => ({ value, label: dict.delivery.slotLabels[value] }));
  if (dates.length === 0 && slots.length === 0) return null;
  return { dates, slots };
}
