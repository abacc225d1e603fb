// Money arrived (入金結果通知 or 2Ref): record it once, move the order on or flag it, and queue
// the "payment received" e-mail in the same transaction.
import { cvsStoreName } from "@/lib/escott";
import type { Tx } from "@/lib/db";
import { ATTENTION } from "@/lib/orders/attention";
import { dictionaryFor, fmt } from "@/lib/i18n";
import { orderPaidMail } from "@/lib/mail/order-mails";
import { queueMail } from "@/lib/mail/outbox";
import type { CvsContext } from "@/lib/payments/cvs/context";
import { paidMailLines } from "@/lib/payments/cvs/mail-lines";
import { formatNyukinDate } from "@/lib/payments/cvs/status";
import { recordReceipt, type ReceiptInput, type ReceiptOutcome } from "@/lib/payments/payments";

const NOTES = dictionaryFor("ja").cvsAdmin.notes;

/** Order.attention when money arrives for an order that no longer waits for it. */
export const PAID_AFTER_CANCEL = ATTENTION.paidAfterCancel;

export type RecordedReceipt = Exclude<ReceiptOutcome, { kind: "duplicate" }>;

/**
 * `alsoRecord` runs in the receipt's transaction once the money is recorded (the notification's
 * log row), so it is written exactly when the receipt is.
 */
export async function applyReceipt(
  deps: Pick<CvsContext, "db" | "deliver">,
  payment: { id: string; orderId: number; state: string },
  receipt: ReceiptInput,
  alsoRecord?: (tx: Tx, recorded: RecordedReceipt) => Promise<void>,
): Promise<ReceiptOutcome> {
  const storeName = receipt.cvsCd ? cvsStoreName(receipt.cvsCd) : null;
  const values = { store: storeName ?? NOTES.unknownStore, recvNum: receipt.recvNum, amount: receipt.amount, date: formatNyukinDate(receipt.nyukinDate) };
  // Composed before the transaction (from the order's items, fees and language, which do not change
  // once it is placed): the transaction then only writes, and holds SQLite's lock that much shorter.
  // The payment and the order as read here are the transaction's guess (compare-and-set).
  const composed = await orderPaidMail(deps.db, payment.orderId, (dict) => paidMailLines(dict, { amount: receipt.amount, nyukinDate: receipt.nyukinDate, storeName }));
  const mail = composed?.mail ?? null;
  const known = composed ? { id: payment.id, state: payment.state, orderId: payment.orderId, order: composed.order } : payment.id;
  const mailIds: string[] = [];
  const outcome = await recordReceipt(deps.db, known, receipt, {
    note: fmt(NOTES.paid, values),
    lateNote: fmt(NOTES.paidAfterCancel, values),
    attention: PAID_AFTER_CANCEL,
    onRecorded: async (tx, recorded) => {
      if (recorded.kind === "applied" && mail) mailIds.push(await queueMail(tx, mail));
      await alsoRecord?.(tx, recorded);
    },
  });
  if (mailIds.length > 0) await deps.deliver(mailIds);
  return outcome;
}
