import { jstDate } from "@/lib/escott";

/** Two-digit expiry years a card form offers: this year (JST) and the next 15. */
export function expiryYears(now: Date): string[] {
  const thisYear = Number(jstDate(now).slice(2, 4));
  return Array.from({ length: 16 }, (_, i) => String((thisYear + i) % 100).padStart(2, "0"));
}
