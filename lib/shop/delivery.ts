// 配送日時指定: which delivery dates and time slots the shopper may ask for. Dates are calendar days
// in Japan (Asia/Tokyo) written "YYYY-MM-DD", whatever the server's timezone; the arithmetic runs on
// those strings through UTC so no daylight-saving or server offset can shift a day.
import { z } from "zod";
import { defineSection } from "@/lib/shop/settings/section";
import { checkbox } from "@/lib/payments/settings/fields";
import { msg, type MessageRef } from "@/lib/i18n/keys";

/** The common carriers' time slots (ヤマト・佐川・日本郵便). "指定なし" is always offered and stored as null. */
export const DELIVERY_SLOTS = ["am", "14-16", "16-18", "18-20", "19-21"] as const;
export type DeliverySlot = (typeof DELIVERY_SLOTS)[number];

export const MIN_WINDOW_DAYS = 3;
export const MAX_WINDOW_DAYS = 14;
export const MAX_LEAD_DAYS = 30;
/** Enough for a year of holidays; bounded so no form can make the settings grow without limit. */
export const MAX_CLOSED_DATES = 100;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

const wholeNumber = (min: number, max: number, key: "delivery.leadDaysRange" | "delivery.windowDaysRange") =>
  z.preprocess((v) => (typeof v === "string" ? (v.trim() === "" ? undefined : Number(v.trim())) : v), z.number({ error: msg(key) }).int(msg(key)).min(min, msg(key)).max(max, msg(key)));

export const deliverySettingsSchema = z.object({
  enabled: checkbox.default(false),
  /** The earliest date is this many open days after today (the shop needs them to pack and ship). */
  leadDays: wholeNumber(0, MAX_LEAD_DAYS, "delivery.leadDaysRange").default(2),
  /** How many calendar days, from the earliest date on, the shopper may choose from. */
  windowDays: wholeNumber(MIN_WINDOW_DAYS, MAX_WINDOW_DAYS, "delivery.windowDaysRange").default(7),
  /** 定休日: 0 = Sunday … 6 = Saturday. */
  closedWeekdays: z.array(z.coerce.number().int().min(0).max(6)).max(7).default([]).transform((days) => [...new Set(days)].sort()),
  /** 臨時休業日 and holidays ("YYYY-MM-DD"). */
  closedDates: z
    .array(z.string().trim().refine(isIsoDate, msg("delivery.closedDateInvalid")))
    .max(MAX_CLOSED_DATES, msg("delivery.closedDatesTooMany"))
    .default([])
    .transform((dates) => [...new Set(dates)].sort()),
  slots: z.array(z.enum(DELIVERY_SLOTS)).default([...DELIVERY_SLOTS]).transform((slots) => DELIVERY_SLOTS.filter((s) => slots.includes(s))),
});

export type DeliverySettings = z.output<typeof deliverySettingsSchema>;

export const deliverySection = defineSection("delivery", deliverySettingsSchema);

/** Today's date in Japan. */
export function tokyoToday(now: Date): string {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Tokyo", year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function weekday(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

export function isClosed(settings: Pick<DeliverySettings, "closedWeekdays" | "closedDates">, date: string): boolean {
  return settings.closedWeekdays.includes(weekday(date)) || settings.closedDates.includes(date);
}

/**
 * The dates the shopper may choose, in order: from the day `leadDays` open days after today (Tokyo)
 * on, `windowDays` calendar days, leaving out the shop's closed days. Empty when the choice is off,
 * or when every day is closed.
 */
export function deliveryDates(settings: DeliverySettings, now: Date): string[] {
  if (!settings.enabled) return [];
  if (settings.closedWeekdays.length >= 7) return [];
  let earliest = tokyoToday(now);
  // Each lead day must be a day the shop works; a closed day does not count towards them.
  for (let counted = 0; counted < settings.leadDays; ) {
    earliest = addDays(earliest, 1);
    if (!isClosed(settings, earliest)) counted++;
  }
  const dates: string[] = [];
  for (let i = 0; i < settings.windowDays; i++) {
    const date = addDays(earliest, i);
    if (!isClosed(settings, date)) dates.push(date);
  }
  return dates;
}

export interface DeliveryChoice {
  /** "YYYY-MM-DD", or null for 指定なし. */
  date: string | null;
  slot: DeliverySlot | null;
}

export type DeliveryChoiceResult = { ok: true; value: DeliveryChoice } | { ok: false; errors: Record<string, MessageRef> };

/**
 * Validates the shopper's choice against the settings as they are now. Empty values mean 指定なし.
 * Anything the checkout page did not offer (a tampered form, a date that went out of the window at
 * midnight, the choice switched off meanwhile) is refused with a field error.
 */
export function parseDeliveryChoice(settings: DeliverySettings, now: Date, raw: { deliveryDate?: unknown; deliverySlot?: unknown }): DeliveryChoiceResult {
  const date = raw.deliveryDate === undefined || raw.deliveryDate === null ? "" : raw.deliveryDate;
  const slot = raw.deliverySlot === undefined || raw.deliverySlot === null ? "" : raw.deliverySlot;
  const errors: Record<string, MessageRef> = {};
  if (typeof date !== "string" || (date !== "" && !deliveryDates(settings, now).includes(date))) errors.deliveryDate = msg("delivery.dateUnavailable");
  const offered: readonly string[] = settings.enabled ? settings.slots : [];
  if (typeof slot !== "string" || (slot !== "" && !offered.includes(slot))) errors.deliverySlot = msg("delivery.slotUnavailable");
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, value: { date: date === "" ? null : (date as string), slot: slot === "" ? null : (slot as DeliverySlot) } };
}
