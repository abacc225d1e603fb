// Money arrived (入金結果通知 or 2Ref): record it once, move the order on or flag it, and queue
// the "payment received" e-mail in the same transaction.
import { cvsStoreName } from "@/lib/escott";
import { ATTENTION } from "@/lib/orders/attention";
import { dictionaryFor, fmt, isLocale } from "@/lib/i18n";
import { queueOrderPaidMail } from "@/lib/mail/order-mails";
import type { CvsContext } from "@/lib/payments/cvs/context";
import { paidMailLines } from "@/lib/payments/cvs/mail-lines";
import { formatNyukinDate } from "@/lib/payments/cvs/status";
import { recordReceipt, type ReceiptInput, type ReceiptOutcome } from "@/lib/payments/payments";

const NOTES = dictionaryFor("ja").cvs.notes;

/** Order.attention when money arrives for an order that no longer waits for it. */
export const PAID_AFTER_CANCEL = ATTENTION.paidAfterCancel;

export async function applyReceipt(deps: Pick<CvsContext, "db" | "deliver">, paymentId: string, receipt: ReceiptInput): Promise<ReceiptOutcome> {
  const storeName = receipt.cvsCd ? cvsStoreName(receipt.cvsCd) : null;
  const values = { store: storeName ?? NOTES.unknownStore, recvNum: receipt.recvNum, amount: receipt.amount, date: formatNyukinDate(receipt.nyukinDate) };
  const mailIds: string[] = [];
  const outcome = await recordReceipt(deps.db, paymentId, receipt, {
    note: fmt(NOTES.paid, values),
    lateNote: fmt(NOTES.paidAfterCancel, values),
    attention: PAID_AFTER_CANCEL,
    onRecorded: async (tx, recorded) => {
      if (recorded.kind !== "applied") return;
      const order = await tx.order.findUniqueOrThrow({ where: { id: recorded.orderId }, select: { locale: true } });
      const dict = dictionaryFor(isLocale(order.locale) ? order.locale : "ja");
      const id = await queueOrderPaidMail(tx, recorded.orderId, paidMailLines(dict, { amount: receipt.amount, nyukinDate: receipt.nyukinDate, storeName }));
      if (id) mailIds.push(id);
    },
  });
  if (mailIds.length > 0) await deps.deliver(mailIds);
  return outcome;
}
