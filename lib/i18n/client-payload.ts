// What of the dictionary the client components get (components/i18n-provider.tsx). The root layout hands it to
// them on every page, so all of it travels in every page's HTML: ≈70 KB, ≈19 KB of a page's ≈26 KB gzip. The
// card and CVS groups — half of it — are read only by the payment forms (checkout, the saved-card page, the admin
// pages), so the root layout leaves them out and those pages add them back (PaymentTextsProvider).
// No "use client" and no server-only imports: server layouts call these, the provider uses the types.
import type { Dictionary } from "@/lib/i18n";

export type PaymentGroups = Pick<Dictionary, "card" | "cvs">;
/** The dictionary without the payment groups: what every page's client components can read. */
export type ShellDictionary = Omit<Dictionary, keyof PaymentGroups>;

export function shellDictionary(dict: Dictionary): ShellDictionary {
  const shell: Partial<Dictionary> = { ...dict };
  delete shell.card;
  delete shell.cvs;
  return shell as ShellDictionary;
}

export function paymentGroups(dict: Dictionary): PaymentGroups {
  return { card: dict.card, cvs: dict.cvs };
}
