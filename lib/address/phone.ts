import { normalizeDigitsAndDashes } from "@/lib/text/normalize";

/**
 * A Japanese phone number: 10–11 digits starting with 0, hyphens optional.
 * Kept ≤ 13 characters because e-SCOTT's TelNo allows digits and hyphens up to 13 (K28).
 */
export function normalizePhone(input: string): string | null {
  const value = normalizeDigitsAndDashes(input).replace(/[()]/g, "-").replace(/-+/g, "-").replace(/^-|-$/g, "");
  const digits = value.replace(/-/g, "");
  if (!/^0\d{9,10}$/.test(digits)) return null;
  if (!/^[\d-]+$/.test(value)) return null;
  return value.length <= 13 ? value : digits;
}
