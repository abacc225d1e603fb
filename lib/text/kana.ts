// Shoppers type furigana in whatever their keyboard gives them; e-SCOTT and invoices want
// full-width katakana. Usable in the browser (no Node imports).

const HIRAGANA_START = 0x3041;
const HIRAGANA_END = 0x3096;
const KATAKANA_OFFSET = 0x60;

/** Hiragana and half-width katakana → full-width katakana; spaces collapsed to one full-width space. */
export function toFullWidthKatakana(input: string): string {
  // NFKC turns half-width katakana (incl. ｶﾞ → ガ) into full-width and full-width ASCII into ASCII.
  const normalized = input.normalize("NFKC");
  let out = "";
  for (const ch of normalized) {
    const code = ch.codePointAt(0)!;
    if (code >= HIRAGANA_START && code <= HIRAGANA_END) out += String.fromCodePoint(code + KATAKANA_OFFSET);
    else if (ch === "ゝ") out += "ヽ";
    else if (ch === "ゞ") out += "ヾ";
    else out += ch;
  }
  return out.trim().replace(/[\s\u3000]+/g, "\u3000");
}

/** Full-width katakana, the long-vowel mark, middle dot and (full-width) spaces only. */
export function isFullWidthKatakana(value: string): boolean {
  return /^[\u30A1-\u30F6\u30FC\u30FB\u30FD\u30FE\u3000]+$/.test(value) && !/^\u3000+$/.test(value);
}
