// Ending a card attempt: the three ways an e-SCOTT call can end for a payment (paid, definitely
// not paid, nobody knows) and where the shopper goes next.
import { adminText, customerMessage, PAYMENT_FAILED_MESSAGE, type EscottFailure, type LocalizedText } from "@/lib/escott";
import type { Payment } from "@/lib/generated/prisma/client";
import { dictionaryFor, fmt, type MessageKeys } from "@/lib/i18n";
import { failPayment, markPaymentUnknown } from "@/lib/payments/payments";
import type { CardContext } from "@/lib/payments/card/context";

const NOTES = dictionaryFor("ja").cardAdmin.notes;

export type AttemptResult =
  | { kind: "paid" }
  /** `notice`: the checkout page's message key when the shopper is sent back there (3-D Secure return). */
  | {
      kind: "failed";
      message: LocalizedText;
      notice: MessageKeys<"payment.failed" | "payment.threeDSFailed" | "payment.threeDSReturnFailed">;
      /** The card company's codes when the card was declined, so the checkout page can show the grouped message. */
      declineCodes?: string[];
    }
  | { kind: "unknown" };

export function thankYouPath(order: { id: number; accessKey: string }): string {
  return `/order/${order.id}?key=${encodeURIComponent(order.accessKey)}`;
}

/** Nothing was sent, or e-SCOTT answered with codes: no money moved. Everything else may have moved money. */
export function isDefiniteFailure(result: EscottFailure): boolean {
  return result.reason === "rejected" || result.reason === "invalid_request" || result.reason === "not_configured";
}

/** The timeline note of a failed call: which operation, and e-SCOTT's codes (or why nothing usable came back). */
export function failureNote(result: Pick<EscottFailure, "operateId" | "codes" | "reason" | "detail">): string {
  const why = result.reason === "rejected" ? adminText(result.codes) : `NG (${result.reason}${result.detail ? `: ${result.detail}` : ""})`;
  return fmt(NOTES.failed, { operation: result.operateId, why });
}

/** Records a definite failure; the order becomes failed (stock back), the cart stays for another try. */
export async function failAttempt(
  c: CardContext,
  payment: Payment,
  input: {
    codes: string[];
    note: string;
    message?: LocalizedText;
    notice?: Extract<AttemptResult, { kind: "failed" }>["notice"];
    data?: Parameters<typeof failPayment>[2]["data"];
    declined?: boolean;
  },
): Promise<AttemptResult> {
  await failPayment(c.db, payment.id, { event: "decline", codes: input.codes, note: input.note, data: input.data });
  return { kind: "failed", message: input.message ?? PAYMENT_FAILED_MESSAGE, notice: input.notice ?? "payment.failed", ...(input.declined && { declineCodes: input.codes }) };
}

/** A call that went out without a usable answer: the payment stays live and the admin resolves it. */
export async function unknownAttempt(c: CardContext, payment: Payment, operateId: string, result: EscottFailure): Promise<AttemptResult> {
  await markPaymentUnknown(c.db, payment.id, {
    codes: result.codes,
    reason: result.reason,
    note: fmt(NOTES.unknown, { operation: operateId, reason: result.reason, code: payment.transactionCode }),
  });
  return { kind: "unknown" };
}

/** The grouped message of the card's problem, or the generic one the vendor's plugins show for "contact us" codes. */
export function declineMessage(codes: string[]): LocalizedText {
  return { ja: customerMessage(codes, "ja"), en: customerMessage(codes, "en") };
}
