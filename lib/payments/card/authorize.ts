// The authorization itself (1Auth 与信 or 1Gathering 与信売上計上, per 処理区分), after any
// token, member and 3-D Secure steps. The one call that moves money at checkout.
import { OPERATE_ID, type CardSource, type PayType, type ThreeDSValues } from "@/lib/escott";
import type { Payment } from "@/lib/generated/prisma/client";
import { dictionaryFor } from "@/lib/i18n";
import { succeedPayment, type KnownPayment } from "@/lib/payments/payments";
import { declineMessage, failAttempt, failureNote, isDefiniteFailure, unknownAttempt, type AttemptResult } from "@/lib/payments/card/attempt";
import type { CardContext } from "@/lib/payments/card/context";

const NOTES = dictionaryFor("ja").cardAdmin.notes;

export interface AuthorizeInput {
  source: CardSource;
  payType: PayType;
  threeDS?: ThreeDSValues;
  agreement: boolean;
}

/**
 * `known`: the payment and its order as this request left them (the attempt it started, or the
 * 3-D Secure return it claimed), so recording the success need not read them again.
 */
export async function authorize(c: CardContext, payment: Payment, input: AuthorizeInput, known?: KnownPayment): Promise<AttemptResult> {
  const operateId = c.settings.operateId;
  const call = operateId === OPERATE_ID.auth ? c.client.card.auth : c.client.card.gathering;
  const result = await call({
    orderId: String(payment.orderId),
    amount: payment.amount,
    payType: input.payType,
    source: input.source,
    threeDS: input.threeDS,
    transactionCode: payment.transactionCode,
  });
  if (result.ok) {
    await succeedPayment(c.db, known ?? payment.id, {
      event: operateId === OPERATE_ID.auth ? "authorize" : "authorize_and_capture",
      orderStatus: "processing",
      note: NOTES.paid,
      data: {
        operateId,
        payType: input.payType,
        processId: result.data.processId,
        processPass: c.box.seal(result.data.processPass),
        agreement: input.agreement,
        memberUsed: "member" in input.source,
        paidAt: c.now(),
        lastCodes: "OK",
        pendingData: null,
      },
    });
    return { kind: "paid" };
  }
  if (!isDefiniteFailure(result)) return unknownAttempt(c, payment, operateId, result);
  return failAttempt(c, payment, {
    codes: result.codes,
    note: failureNote(result),
    message: declineMessage(result.codes),
    declined: true,
  });
}
