// Card checkout (PROTOCOL §3.2, §4, §6.3, §8.2): 1TokenSearch → saved-card steps → 3-D Secure
// hand-off or authorization. Exactly once: the order's single live Payment (startCheckoutPayment)
// is taken before anything is sent, so a double submit, a second tab or a retried request waits
// for the first attempt's result instead of charging again.
import type { CardSource, ThreeDSReturn } from "@/lib/escott";
import type { Payment } from "@/lib/generated/prisma/client";
import { dictionaryFor, type Locale } from "@/lib/i18n";
import { writePaymentLog } from "@/lib/payments/payment-log";
import { CartBusyError, cancelUnpaidOrder, claimPayment, livePayment, PaymentConflictError, startCheckoutPayment, succeedPayment } from "@/lib/payments/payments";
import type { PaymentContext, PayOutcome, PlacedOrderRef } from "@/lib/payments/registry";
import { declineMessage, failAttempt, failureNote, thankYouPath, type AttemptResult } from "@/lib/payments/card/attempt";
import { authorize } from "@/lib/payments/card/authorize";
import { threeDSReturnUrl, type CardContext } from "@/lib/payments/card/context";
import type { CardInput } from "@/lib/payments/card/input";
import { registeredCardSource, savedCardSource } from "@/lib/payments/card/member-steps";
import { openPending, sealPending } from "@/lib/payments/card/pending";

export async function payWithCard(c: CardContext, order: PlacedOrderRef, input: CardInput, ctx: PaymentContext): Promise<PayOutcome> {
  let payment: Payment;
  try {
    payment = await startCheckoutPayment(c.db, {
      orderId: order.id,
      gateway: "card",
      amount: order.total,
      operateId: c.settings.operateId,
      payType: input.payType,
      agreement: input.agreement,
      memberUsed: input.mode === "saved" || input.save,
    }, { supersedeAwaiting: true, exclusiveCart: true });
  } catch (err) {
    if (err instanceof CartBusyError) {
      await cancelUnpaidOrder(c.db, order.id, "このご注文のカートは別のご注文でお支払い中、またはお支払い済みのため、取り消しました。");
      return { kind: "failed", message: dictionaryFor(ctx.locale).card.cartBusy };
    }
    if (err instanceof PaymentConflictError) return settledOutcome(c, order, ctx.locale);
    throw err;
  }

  if (order.total === 0) {
    // Nothing to charge (§3.2): the order completes locally and e-SCOTT is never called.
    await succeedPayment(c.db, payment.id, { state: "captured", orderStatus: "processing", note: "合計金額が0円のため、カード決済は行いませんでした。", expectFrom: ["started"], data: { operateId: null, paidAt: c.now() } });
    return { kind: "redirect", url: thankYouPath(order) };
  }

  if (input.mode === "new") {
    const found = await c.client.token.search({ token: input.token, orderId: String(order.id), amount: order.total, transactionCode: payment.transactionCode });
    if (!found.ok) return toOutcome(await failAttempt(c, payment, { codes: found.codes, note: failureNote("1TokenSearch", found) }), order, ctx.locale);
  }

  let source: CardSource | undefined;
  if (input.mode === "saved") {
    if (!ctx.userId) return toOutcome(await failAttempt(c, payment, { codes: ["K71"], note: "ログインしていない購入者が登録済みカードを選びました。" }), order, ctx.locale);
    const saved = await savedCardSource(c, payment, ctx.userId, input.payType);
    if (!saved.ok) return toOutcome(saved.result, order, ctx.locale);
    source = saved.source;
  }

  if (c.settings.threeDSecure) return handOffToThreeDS(c, payment, order, input, ctx, source);

  if (input.mode === "new") {
    const chosen = input.save && ctx.userId ? await registeredCardSource(c, payment, ctx.userId, input) : ({ ok: true, source: { token: input.token } } as const);
    if (!chosen.ok) return toOutcome(chosen.result, order, ctx.locale);
    source = chosen.source;
  }
  if (!source) throw new Error("card checkout without a card source");
  return toOutcome(await authorize(c, payment, { source, payType: input.payType, agreement: input.agreement }), order, ctx.locale);
}

/** 3Secure (§6.3 steps 3–6): remember the choices, then the browser auto-posts to the 3DS page. */
async function handOffToThreeDS(c: CardContext, payment: Payment, order: PlacedOrderRef, input: CardInput, ctx: PaymentContext, savedSource: CardSource | undefined): Promise<PayOutcome> {
  const form = c.client.threeDS.checkoutForm({
    orderId: String(order.id),
    amount: order.total,
    source: savedSource ?? { token: input.mode === "new" ? input.token : "" },
    redirectUrl: threeDSReturnUrl(c.siteUrl),
    billingFullName: input.mode === "new" ? input.holderName : "",
    billingEmail: order.email,
    transactionCode: payment.transactionCode,
  });
  if (!form.ok) {
    return toOutcome(await failAttempt(c, payment, { codes: ["NG"], note: failureNote("3Secure", { codes: ["NG"], reason: form.reason, detail: form.detail }) }), order, ctx.locale);
  }
  const pendingData = sealPending(c.box, {
    mode: input.mode,
    token: input.mode === "new" ? input.token : undefined,
    maskedCard: input.mode === "new" ? input.maskedCard : undefined,
    payType: input.payType,
    save: input.mode === "new" && input.save,
    userId: ctx.userId,
    agreement: input.agreement,
  });
  if (!(await claimPayment(c.db, payment.id, ["started"], "awaiting_3ds", { pendingData }))) {
    throw new PaymentConflictError(`Payment ${payment.id} changed before the 3-D Secure hand-off`);
  }
  await writePaymentLog(
    c.db,
    { gateway: "card", orderId: order.id, transactionCode: payment.transactionCode, operateId: "3Secure", kind: "call", outcome: "ok", request: { OperateId: "3Secure", MerchantFree1: payment.transactionCode, MerchantFree2: String(order.id), ProcNo: form.procNo, RedirectUrl: threeDSReturnUrl(c.siteUrl) }, detail: "3Dセキュア認証ページへ遷移" },
    c.settings.saveLog,
  );
  return { kind: "post", action: form.action, fields: form.fields };
}

/**
 * The checkout part of a 3-D Secure return (§6.3 steps 8–9). The caller found the payment by
 * MerchantFree1; the compare-and-set from awaiting_3ds lets exactly one of several returns go on.
 */
export async function continueAfterThreeDS(c: CardContext, payment: Payment, ret: ThreeDSReturn): Promise<AttemptResult | { kind: "duplicate" }> {
  const pending = openPending(c.box, payment.pendingData);
  if (!ret.proceed) {
    try {
      return await failAttempt(c, payment, {
        codes: [`3DS${ret.secureResultCode}`],
        note: `3Dセキュア認証ができませんでした（SecureResultCode=${ret.secureResultCode}）。`,
        message: dictionaryText("threeDSFailed"),
        notice: "payment.threeDSFailed",
        from: ["awaiting_3ds"],
        data: { secureResultCode: ret.secureResultCode },
      });
    } catch (err) {
      if (err instanceof PaymentConflictError) return { kind: "duplicate" };
      throw err;
    }
  }
  if (!(await claimPayment(c.db, payment.id, ["awaiting_3ds"], "started", { secureResultCode: ret.secureResultCode }))) return { kind: "duplicate" };
  if (!pending) {
    return failAttempt(c, payment, { codes: ["NG"], note: "3Dセキュア認証からの復帰に失敗しました（保存した支払い情報を読めません）。", message: dictionaryText("threeDSReturnFailed"), notice: "payment.threeDSReturnFailed" });
  }

  let source: CardSource;
  if (pending.mode === "saved") {
    if (!pending.userId) return failAttempt(c, payment, { codes: ["K71"], note: "登録済みカードの購入者が分かりません。" });
    const saved = await savedCardSource(c, payment, pending.userId, pending.payType);
    if (!saved.ok) return saved.result;
    source = saved.source;
  } else if (pending.save && pending.userId && pending.token && pending.maskedCard) {
    const registered = await registeredCardSource(c, payment, pending.userId, { token: pending.token, maskedCard: pending.maskedCard }, ret.values);
    if (!registered.ok) return registered.result;
    source = registered.source;
  } else {
    source = { token: pending.token ?? "" };
  }
  return authorize(c, payment, { source, payType: pending.payType, threeDS: ret.values, agreement: pending.agreement });
}

function dictionaryText(key: "threeDSFailed" | "threeDSReturnFailed") {
  return { ja: dictionaryFor("ja").payment[key], en: dictionaryFor("en").payment[key] };
}

function toOutcome(result: AttemptResult, order: PlacedOrderRef, locale: Locale): PayOutcome {
  if (result.kind === "paid") return { kind: "redirect", url: thankYouPath(order) };
  if (result.kind === "failed") return { kind: "failed", message: result.message[locale] };
  return { kind: "unknown", message: dictionaryFor(locale).payment.unknown, url: thankYouPath(order) };
}

const SETTLE_WAIT_MS = 15_000;

/**
 * Another request is paying this order (double click, second tab, retried request). Wait for
 * it to finish and answer with its result — never with a second charge.
 */
export async function settledOutcome(c: CardContext, order: PlacedOrderRef, locale: Locale): Promise<PayOutcome> {
  const dict = dictionaryFor(locale);
  const deadline = Date.now() + SETTLE_WAIT_MS;
  for (;;) {
    const current = await c.db.order.findUniqueOrThrow({ where: { id: order.id } });
    if (current.status === "processing" || current.status === "completed") return { kind: "redirect", url: thankYouPath(order) };
    if (current.status === "cancelled") return { kind: "failed", message: dict.card.cartBusy };
    const live = await livePayment(c.db, order.id);
    if (live?.state === "unknown") return { kind: "unknown", message: dict.payment.unknown, url: thankYouPath(order) };
    if (!live && current.status === "failed") {
      const last = await c.db.payment.findFirst({ where: { orderId: order.id }, orderBy: { createdAt: "desc" } });
      return { kind: "failed", message: declineMessage(last?.lastCodes?.split("|") ?? ["NG"])[locale] };
    }
    if (live?.state === "awaiting_3ds" || Date.now() > deadline) return { kind: "failed", message: dict.payment.inProgress };
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
