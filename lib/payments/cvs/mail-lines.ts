// The convenience-store part of the order e-mails, in the order's language.
import { fmt, formatYen, type Dictionary } from "@/lib/i18n";
import { formatNyukinDate, formatPayLimit } from "@/lib/payments/cvs/status";

export function unpaidMailLines(dict: Dictionary, payment: { paymentUrl: string; payLimit: string }): string[] {
  const m = dict.cvs.mail;
  return [`■ ${m.paymentUrl}: ${payment.paymentUrl}`, `■ ${m.payLimit}: ${formatPayLimit(payment.payLimit)}`, m.payBeforeLimit];
}

export function paidMailLines(dict: Dictionary, receipt: { amount: number; nyukinDate: string; storeName?: string | null }): string[] {
  const m = dict.cvs.mail;
  return [
    `■ ${m.paidAmount}: ${formatYen(dict, receipt.amount)}`,
    `■ ${m.paidAt}: ${formatNyukinDate(receipt.nyukinDate)}`,
    ...(receipt.storeName ? [`■ ${m.store}: ${receipt.storeName}`] : []),
    fmt(m.paidNext, {}),
  ];
}
