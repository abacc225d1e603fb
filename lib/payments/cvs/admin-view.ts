// The admin order page's オンライン収納代行 box: the registration (決済コード, 支払期日, amount,
// payment URL), the money received, the operations (照会 / 変更 / 取消) and the call and
// notification history.
import type { Db } from "@/lib/db";
import { adminText, cvsStoreName, RESPONSE_CODE } from "@/lib/escott";
import { dictionaryFor, formatYen, type Locale } from "@/lib/i18n";
import type { OrderSummary } from "@/lib/payments/registry";
import type { AdminPaymentView, Fact, FactGroup, OperationView, Tone } from "@/lib/payments/views";
import { formatDateTime } from "@/lib/shop/dates";
import { cvsHistoryOfOrder, cvsPaymentOfOrder } from "@/lib/payments/cvs/queries";
import { ATTENTION } from "@/lib/orders/attention";
import { PAID_AFTER_CANCEL } from "@/lib/payments/cvs/receipt";
import { cvsDisplayStatus, cvsStatusLabel, CVS_STATUS_TONE, formatNyukinDate, formatPayLimit } from "@/lib/payments/cvs/status";

const OUTCOME_TONE: Record<string, Tone> = { ok: "success", duplicate: "warning", rejected: "error", error: "error" };

export async function cvsAdminView(db: Db, order: OrderSummary, locale: Locale, now: Date): Promise<AdminPaymentView> {
  const [payment, history] = await Promise.all([cvsPaymentOfOrder(db, order.id), cvsHistoryOfOrder(db, order.id)]);
  const dict = dictionaryFor(locale);
  const t = dict.cvs;
  const adminT = dict.cvsAdmin;
  const status = payment ? cvsDisplayStatus(payment, now) : null;
  const receipt = payment?.receipts[0];
  const facts: Fact[] = [];
  const groups: FactGroup[] = [];
  const operations: OperationView[] = [];
  if (payment && status) {
    facts.push({ label: t.paymentStatus, value: cvsStatusLabel(dict, status), pill: CVS_STATUS_TONE[status], testId: "cvs-admin-status" });
    facts.push({ label: t.transactionCode, value: payment.transactionCode, testId: "cvs-transaction-code", mono: true });
    if (payment.kessaiNumber) facts.push({ label: t.kessaiNumber, value: payment.kessaiNumber, mono: true });
    if (payment.payLimit) facts.push({ label: t.payLimit, value: formatPayLimit(payment.payLimit), testId: "cvs-admin-pay-limit" });
    facts.push({ label: t.amount, value: formatYen(dict, payment.amount), testId: "cvs-admin-amount" });
    if (payment.paymentUrl) facts.push({ label: t.paymentUrl, value: payment.paymentUrl, href: payment.paymentUrl });
    if (receipt) {
      groups.push({
        title: adminT.receipt,
        tone: "success",
        testId: "cvs-receipt",
        facts: [
          { label: t.recvNum, value: receipt.recvNum, testId: "cvs-recvnum" },
          { label: t.paidAt, value: formatNyukinDate(receipt.nyukinDate) },
          ...(receipt.cvsCd ? [{ label: t.store, value: cvsStoreName(receipt.cvsCd), testId: "cvs-receipt-store" }] : []),
          { label: t.amount, value: formatYen(dict, receipt.amount) },
          { label: adminT.receiptSource, value: receipt.source === "inquiry" ? adminT.sourceInquiry : adminT.sourceNotification },
        ],
      });
    }
    operations.push({ id: "reference", label: adminT.opReference, confirm: adminT.confirmReference, hint: adminT.opReferenceHint, fields: [] });
    if (payment.state === "unpaid") {
      const limitDate = payment.payLimit ? `${payment.payLimit.slice(0, 4)}-${payment.payLimit.slice(4, 6)}-${payment.payLimit.slice(6, 8)}` : "";
      operations.push({
        id: "change",
        label: adminT.opChange,
        confirm: adminT.confirmChange,
        hint: adminT.opChangeHint,
        fields: [
          { name: "payLimitDate", label: adminT.newPayLimit, kind: "date", defaultValue: limitDate },
          { name: "amount", label: adminT.newAmount, kind: "yen", defaultValue: payment.amount },
        ],
      });
      operations.push({ id: "delete", label: adminT.opDelete, confirm: adminT.confirmDelete, hint: adminT.opDeleteHint, danger: true, fields: [] });
    }
  }
  return {
    title: adminT.panelTitle,
    testId: "cvs-panel",
    testIdPrefix: "cvs",
    alerts: [
      ...(order.attention === PAID_AFTER_CANCEL ? [{ tone: "error" as const, text: adminT.attentionPaidAfterCancel, testId: "cvs-attention" }] : []),
      ...(order.attention === ATTENTION.amountMismatch ? [{ tone: "error" as const, text: adminT.attentionAmountMismatch, testId: "cvs-attention" }] : []),
    ],
    empty: payment ? undefined : adminT.noRegistration,
    facts,
    groups,
    operations: payment ? { title: adminT.operations, items: operations, empty: "", expectedState: payment.state } : null,
    history: {
      title: adminT.history,
      empty: adminT.historyEmpty,
      columns: [adminT.historyDate, adminT.historyOperation, adminT.historyResult, adminT.historyDetail],
      rows: history.map((h) => ({
        id: h.id,
        tone: OUTCOME_TONE[h.outcome],
        cells: [
          formatDateTime(h.createdAt, locale),
          `${h.operateId}${h.kind === "notification" ? ` (${adminT.sourceNotification})` : ""}`,
          `${h.outcome}${h.responseCd ? ` ${h.responseCd}` : ""}`,
          h.detail ?? (h.responseCd && h.responseCd !== RESPONSE_CODE.ok ? adminText(h.responseCd.split("|")) : ""),
        ],
      })),
      testId: "cvs-history",
      rowTestId: "cvs-history-row",
    },
  };
}
