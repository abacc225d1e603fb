import { normalizeDigitsAndDashes } from "@/lib/text/normalize";

/** 〒 as NNN-NNNN, or null when the input is not a Japanese postal code. */
export function normalizePostalCode(input: string): string | null {
  const compact = normalizeDigitsAndDashes(input).replace(/^〒/, "");
  const match = /^(\d{3})-?(\d{4})$/.exec(compact);
  return match ? `${match[1]}-${match[2]}` : null;
}
