// The authorization itself (1Auth 与信 or 1Gathering 与信売上計上, per 処理区分), after any
// token, member and 3-D Secure steps. The one call that moves money at checkout.
import type { CardSource, PayType, ThreeDSValues } from "@/lib/escott";
import type { Payment } from "@/lib/generated/prisma/client";
import { succeedPayment } from "@/lib/payments/payments";
import { declineMessage, failAttempt, failureNote, isDefiniteFailure, unknownAttempt, type AttemptResult } from "@/lib/payments/card/attempt";
import type { CardContext } from "@/lib/payments/card/context";

export interface AuthorizeInput {
  source: CardSource;
  payType: PayType;
  threeDS?: ThreeDSValues;
  agreement: boolean;
}

export async function authorize(c: CardContext, payment: Payment, input: AuthorizeInput): Promise<AttemptResult> {
  const operateId = c.settings.operateId;
  const call = operateId === "1Auth" ? c.client.card.auth : c.client.card.gathering;
  const result = await call({
    orderId: String(payment.orderId),
    amount: payment.amount,
    payType: input.payType,
    source: input.source,
    threeDS: input.threeDS,
    transactionCode: payment.transactionCode,
  });
  if (result.ok) {
    await succeedPayment(c.db, payment.id, {
      state: operateId === "1Auth" ? "authorized" : "captured",
      orderStatus: "processing",
      note: "お支払いが完了しました。",
      expectFrom: ["started"],
      data: {
        operateId,
        payType: input.payType,
        processId: result.data.processId,
        processPass: c.box.seal(result.data.processPass),
        secureResultCode: input.threeDS?.SecureResultCode ?? null,
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
    note: failureNote(operateId, result),
    message: declineMessage(result.codes),
    declined: true,
    data: input.threeDS ? { secureResultCode: input.threeDS.SecureResultCode } : undefined,
  });
}
