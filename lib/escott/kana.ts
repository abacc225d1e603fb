// Width conversions for the online-payment text fields. e-SCOTT accepts only full-width text in
// ShouhinName (K53) and katakana in NameKana (K52) — docs/escott-protocol.md §7.1. Browser-safe.

const HALF_WIDTH_KANA_RUN = /[\uFF61-\uFF9F]+/g;

/** Half-width katakana (incl. ｶﾞ/ﾊﾟ pairs) → full-width; lone voicing marks → ゛/゜. */
function widenKana(text: string): string {
  return text
    .replace(HALF_WIDTH_KANA_RUN, (run) => run.normalize("NFKC"))
    .replace(/\u3099/g, "\u309B")
    .replace(/\u309A/g, "\u309C");
}

/** ASCII letters, digits, symbols and spaces and half-width kana → full-width (PHP mb_convert_kana "ASKV"). */
export function toFullWidth(text: string): string {
  return widenKana(text)
    .replace(/[\x21-\x7E]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))
    .replace(/ /g, "\u3000");
}

/** For NameKana: hiragana and half-width katakana → full-width katakana; everything else untouched. */
export function toFullWidthKatakana(text: string): string {
  return widenKana(text).replace(/[\u3041-\u3096\u309D\u309E]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60));
}

const MAX_SHOUHIN_CHARS = 16;

/**
 * ShouhinName from the order's line-item names (§7.1): the first item's name, full-width, ≤ 16 chars.
 * - several items and name + 「、他」 > 16 → first 12 chars + 「、他」; when it fits the name is sent
 *   alone, exactly as the vendor's WooCommerce plugins do (docs/escott-protocol.md §7.1);
 * - one item longer than 16 → first 13 chars + 「…」.
 * English suffixes (" etc." / "...") are converted to full-width too and the cut is shortened so the
 * result still fits in 16 characters.
 */
export function shouhinName(itemNames: readonly string[], locale: "ja" | "en" = "ja"): string {
  const first = itemNames[0];
  if (first === undefined) return "";
  const name = Array.from(toFullWidth(first.trim()));
  const several = itemNames.length > 1;
  const suffix = Array.from(
    several ? (locale === "ja" ? "、他" : toFullWidth(" etc.")) : locale === "ja" ? "…" : toFullWidth("..."),
  );
  const tooLong = several ? name.length + suffix.length > MAX_SHOUHIN_CHARS : name.length > MAX_SHOUHIN_CHARS;
  if (!tooLong) return name.join("");
  const keep = Math.min(several ? 12 : 13, MAX_SHOUHIN_CHARS - suffix.length);
  return name.slice(0, keep).join("") + suffix.join("");
}
