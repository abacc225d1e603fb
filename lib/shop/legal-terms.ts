// The 特定商取引法 terms a shopper must see on the final confirmation screen (2022 amendment: 最終確認画面),
// found among the merchant's own rows in content/legal.json by their label, so the checkout shows the
// merchant's exact wording and never a second copy that could drift from the legal page.
import type { Locale } from "@/lib/i18n";

export type CheckoutTerm = "paymentTiming" | "delivery" | "returns";

export const CHECKOUT_TERMS: readonly CheckoutTerm[] = ["paymentTiming", "delivery", "returns"];

// Labels merchants commonly use (ja and en); matched against the row's term, first row wins.
const LABELS: Record<CheckoutTerm, RegExp> = {
  paymentTiming: /支払(い)?(の)?時期|payment timing|when.*(pay|charged)/i,
  delivery: /引渡(し)?(の)?時期|引き渡し|お届け時期|発送時期|^delivery|shipping time/i,
  returns: /返品|キャンセル|解約|契約の解除|申込みの撤回|^returns?|cancell?ation/i,
};

export type CheckoutTerms = Record<CheckoutTerm, string | null>;

/** The payment timing, delivery timing and returns/cancellation rows in the shopper's language (null: missing). */
export function checkoutTerms(rows: Record<Locale, [string, string][]>, locale: Locale): CheckoutTerms {
  const list = rows[locale];
  const find = (term: CheckoutTerm) => list.find(([label]) => LABELS[term].test(label))?.[1] ?? null;
  return { paymentTiming: find("paymentTiming"), delivery: find("delivery"), returns: find("returns") };
}
