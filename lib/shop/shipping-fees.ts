// 送料 by prefecture: a fee per region (北海道 … 沖縄) with per-prefecture overrides, the free-shipping
// threshold, and a surcharge for remote islands found by postal-code prefix. A region without a fee
// of its own charges the base fee, which is also the cart's estimate before an address is known; the
// base fee and threshold default to SHIPPING_FEE_YEN / FREE_SHIPPING_THRESHOLD_YEN, so a shop that
// never saved this section ships exactly as before.
import { z } from "zod";
import { PREFECTURES, type PrefectureCode } from "@/lib/address/prefectures";
import type { ShippingRule } from "@/lib/cart/totals";
import { msg } from "@/lib/i18n/keys";
import { defineSection } from "@/lib/shop/settings/section";

export const REGIONS = [
  { id: "hokkaido", ja: "北海道", en: "Hokkaido", prefectures: ["01"] },
  { id: "tohoku", ja: "東北", en: "Tohoku", prefectures: ["02", "03", "04", "05", "06", "07"] },
  { id: "kanto", ja: "関東", en: "Kanto", prefectures: ["08", "09", "10", "11", "12", "13", "14"] },
  { id: "chubu", ja: "中部", en: "Chubu", prefectures: ["15", "16", "17", "18", "19", "20", "21", "22", "23"] },
  { id: "kinki", ja: "近畿", en: "Kinki", prefectures: ["24", "25", "26", "27", "28", "29", "30"] },
  { id: "chugoku", ja: "中国", en: "Chugoku", prefectures: ["31", "32", "33", "34", "35"] },
  { id: "shikoku", ja: "四国", en: "Shikoku", prefectures: ["36", "37", "38", "39"] },
  { id: "kyushu", ja: "九州", en: "Kyushu", prefectures: ["40", "41", "42", "43", "44", "45", "46"] },
  { id: "okinawa", ja: "沖縄", en: "Okinawa", prefectures: ["47"] },
] as const satisfies readonly { id: string; ja: string; en: string; prefectures: readonly PrefectureCode[] }[];

export type RegionId = (typeof REGIONS)[number]["id"];
export const REGION_IDS = REGIONS.map((r) => r.id) as [RegionId, ...RegionId[]];
export const PREFECTURE_CODES = PREFECTURES.map((p) => p.code) as [PrefectureCode, ...PrefectureCode[]];

export const MAX_FEE_YEN = 100_000;
export const MAX_ISLAND_PREFIXES = 200;

export function regionOf(prefecture: string): RegionId | null {
  return REGIONS.find((r) => (r.prefectures as readonly string[]).includes(prefecture))?.id ?? null;
}

// A blank field means "not set" (null); anything else must be whole yen in range.
const optionalYen = z.preprocess(
  (v) => (v === "" || v === undefined || v === null ? null : typeof v === "string" ? Number(v.trim()) : v),
  z.number({ error: msg("shipping.feeRange") }).int(msg("shipping.feeRange")).min(0, msg("shipping.feeRange")).max(MAX_FEE_YEN, msg("shipping.feeRange")).nullable(),
);

const postalPrefix = z.string().trim().regex(/^\d{3,7}$/, msg("shipping.prefixInvalid"));

export const shippingSettingsSchema = z.object({
  /** Null: SHIPPING_FEE_YEN. */
  baseFee: optionalYen.default(null),
  /** Null: FREE_SHIPPING_THRESHOLD_YEN. */
  freeThreshold: optionalYen.default(null),
  regionFees: z.partialRecord(z.enum(REGION_IDS), optionalYen).default({}),
  prefectureFees: z.partialRecord(z.enum(PREFECTURE_CODES), optionalYen).default({}),
  islandSurcharge: optionalYen.default(null),
  /** Postal-code prefixes (digits, no hyphen) of the remote islands that pay the surcharge. */
  islandPrefixes: z.array(postalPrefix).max(MAX_ISLAND_PREFIXES, msg("shipping.prefixesTooMany")).default([]).transform((p) => [...new Set(p)]),
});

export type ShippingSettings = z.output<typeof shippingSettingsSchema>;

export const shippingSection = defineSection("shipping", shippingSettingsSchema);

export interface ShippingDefaults {
  flatFee: number;
  freeThreshold: number;
}

export interface Destination {
  prefecture: string;
  postalCode: string;
}

/** The fee a prefecture pays before the threshold: its own override, else its region's, else the base fee. */
export function prefectureFee(settings: ShippingSettings, defaults: ShippingDefaults, prefecture: string): number {
  const base = settings.baseFee ?? defaults.flatFee;
  const own = settings.prefectureFees[prefecture as PrefectureCode];
  if (own !== undefined && own !== null) return own;
  const region = regionOf(prefecture);
  const regional = region ? settings.regionFees[region] : null;
  return regional ?? base;
}

export function isRemoteIsland(settings: ShippingSettings, postalCode: string): boolean {
  const digits = postalCode.replace(/\D/g, "");
  return digits.length === 7 && settings.islandPrefixes.some((p) => digits.startsWith(p));
}

/**
 * The rule computeTotals applies for a destination (none yet: the base fee, the cart's estimate).
 * The island surcharge is added even when the order ships free: it is the carrier's 中継料.
 */
export function shippingRuleFor(settings: ShippingSettings, defaults: ShippingDefaults, destination?: Destination | null): ShippingRule {
  const freeThreshold = settings.freeThreshold ?? defaults.freeThreshold;
  if (!destination) return { flatFee: settings.baseFee ?? defaults.flatFee, freeThreshold };
  const surcharge = settings.islandSurcharge && isRemoteIsland(settings, destination.postalCode) ? settings.islandSurcharge : 0;
  return { flatFee: prefectureFee(settings, defaults, destination.prefecture), freeThreshold, ...(surcharge > 0 && { surcharge }) };
}
