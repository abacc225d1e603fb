import { dictionaryFor, type Locale } from "@/lib/i18n";
import type { CvsSettings } from "@/lib/payments/settings/cvs";
import { feeFor } from "@/lib/payments/settings/fees";
import type { PaymentFee } from "@/lib/payments/registry";

export const CVS_FEE_CODE = "cvs_fee";

/** 決済手数料 for an order total incl. shipping and tax (manual: 送料・消費税を含む合計金額); 0 when off. */
export function cvsFeeAmount(settings: CvsSettings, total: number): number {
  return settings.feeEnabled ? feeFor(total, settings.feeRows) : 0;
}

/** The fee line added to the order; none when the fee is off or 0 yen. */
export function cvsFeeLines(settings: CvsSettings, total: number, locale: Locale): PaymentFee[] {
  const amount = cvsFeeAmount(settings, total);
  if (amount <= 0) return [];
  return [{ code: CVS_FEE_CODE, name: dictionaryFor(locale).cvs.feeName, amount, taxRate: 10 }];
}
