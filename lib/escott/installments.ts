// Browser-safe (imported by the checkout form directly): no node: imports, no imports at all.
// docs/escott-protocol.md §5.

export const PAY_TYPES = ["01", "02", "03", "05", "06", "10", "12", "15", "18", "20", "24", "80", "88"] as const;

/** 支払区分: 01 一括, 02–24 N回, 80 ボーナス一括, 88 リボ. */
export type PayType = (typeof PAY_TYPES)[number];

export function isPayType(value: string): value is PayType {
  return (PAY_TYPES as readonly string[]).includes(value);
}

export function payTypeLabel(payType: PayType, locale: "ja" | "en"): string {
  if (payType === "01") return locale === "ja" ? "一括払い" : "Lump sum";
  if (payType === "80") return locale === "ja" ? "ボーナス一括払い" : "Bonus lump sum";
  if (payType === "88") return locale === "ja" ? "リボ払い" : "Revolving";
  const n = Number(payType);
  return locale === "ja" ? `${n}回払い` : `${n} installments`;
}

/** Shop setting 支払回数. */
export type InstallmentSetting = 1 | 2 | 3;

export const INSTALLMENT_SETTINGS: ReadonlyArray<{ value: InstallmentSetting; ja: string; en: string }> = [
  { value: 1, ja: "一括払いのみ", en: "Lump sum only" },
  { value: 2, ja: "分割払いを有効にする", en: "Enable installments" },
  { value: 3, ja: "分割払いとボーナス払いを有効にする", en: "Enable installments and bonus payments" },
];

export type CardBrand = "visa" | "mastercard" | "jcb" | "amex" | "diners" | "unknown";

export const CARD_BRAND_NAMES: Readonly<Record<CardBrand, string>> = {
  visa: "VISA",
  mastercard: "Mastercard",
  jcb: "JCB",
  amex: "American Express",
  diners: "Diners Club",
  unknown: "",
};

/** Leading digits of a typed number ("4111 1111…") or a masked one ("4541********0040"). */
function leadingDigits(cardPrefixOrMaskedNumber: string): string {
  const compact = cardPrefixOrMaskedNumber.replace(/[\s-]/g, "");
  return /^\d*/.exec(compact)?.[0] ?? "";
}

/** Display brand. Finer than the installment menu rules, which only look at one or two digits. */
export function brandOf(cardPrefixOrMaskedNumber: string): CardBrand {
  const d = leadingDigits(cardPrefixOrMaskedNumber);
  const two = Number(d.slice(0, 2));
  const four = Number(d.slice(0, 4));
  if (d.startsWith("4")) return "visa";
  if ((two >= 51 && two <= 55) || (d.length >= 4 && four >= 2221 && four <= 2720)) return "mastercard";
  if (d.startsWith("35")) return "jcb";
  if (d.startsWith("34") || d.startsWith("37")) return "amex";
  if (d.startsWith("36") || d.startsWith("38") || d.startsWith("39") || /^30[0-5]/.test(d)) return "diners";
  return "unknown";
}

const FULL_MENU: readonly PayType[] = ["01", "02", "03", "05", "06", "10", "12", "15", "18", "20", "24", "88"];
const DINERS_MENU: readonly PayType[] = ["01", "88"];
const AMEX_MENU: readonly PayType[] = ["01", "03", "05", "06", "10", "12", "15", "18", "20", "24"];

/**
 * PayType choices for a card (§5.2), rules checked in the table's order. `80` is only added with
 * setting 3 and only to the three brand menus, in numeric position. Setting 1 → always ["01"].
 */
export function installmentOptions(cardPrefixOrMaskedNumber: string, setting: InstallmentSetting): PayType[] {
  if (setting === 1) return ["01"];
  const d = leadingDigits(cardPrefixOrMaskedNumber);
  let menu: readonly PayType[];
  if (d.startsWith("4") || d.startsWith("5") || d.startsWith("35")) menu = FULL_MENU;
  else if (d.startsWith("36")) menu = DINERS_MENU;
  else if (d.startsWith("37")) menu = AMEX_MENU;
  else return ["01"];
  const options = setting === 3 ? [...menu, "80" as const] : [...menu];
  return options.sort((a, b) => Number(a) - Number(b));
}

/** Server-side check of a posted PayType against what the form could have offered. */
export function isAllowedPayType(
  cardPrefixOrMaskedNumber: string,
  setting: InstallmentSetting,
  payType: string,
): payType is PayType {
  return (installmentOptions(cardPrefixOrMaskedNumber, setting) as string[]).includes(payType);
}
