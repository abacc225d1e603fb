// Shared input normalisation for Japanese forms: full-width digits and the many dash
// look-alikes (－ ‐ ‑ – — ― − ー) become ASCII.
const DASHES = /[\u2010-\u2015\u2212\uFF0D\u30FC\uFE63]/g;

export function normalizeDigitsAndDashes(input: string): string {
  return input.normalize("NFKC").replace(DASHES, "-").replace(/\s+/g, "");
}
