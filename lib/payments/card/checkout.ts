// Card checkout (docs/escott-protocol.md §3.2, §4, §6.3, §8.2): 1TokenSearch → saved-card steps → 3-D Secure
// hand-off or authorization. Exactly once: the order's single live Payment (checkoutAttempt)
// is taken before anything is sent, so a double submit, a second tab or a retried request waits
// for the first attempt's result instead of charging again.
import { OPERATE_ID, RESPONSE_CODE, type CardSource } from "@/lib/escott";
import type { Payment } from "@/lib/generated/prisma/client";
import { dictionaryFor, fmt, type Locale } from "@/lib/i18n";
import { writePaymentLog } from "@/lib/payments/payment-log";
import { awaitThreeDS, CartBusyError, cancelUnpaidOrder, checkoutAttempt, livePayment, PaymentConflictError, succeedPayment, type CheckoutPayment, type CheckoutPaymentStart, type StartedPayment } from "@/lib/payments/payments";
import type { CardSettings } from "@/lib/payments/settings/card";
import type { CheckoutContext, PayOutcome, PlacedOrderRef } from "@/lib/payments/registry";
import { declineMessage, failAttempt, failureNote, thankYouPath, type AttemptResult } from "@/lib/payments/card/attempt";
import { authorize } from "@/lib/payments/card/authorize";
import { countFailedCardAttempt, failedAttemptsOfOrder } from "@/lib/payments/card/card-testing";
import { threeDSReturnUrl, type CardContext } from "@/lib/payments/card/context";
import type { CardInput } from "@/lib/payments/card/input";
import { registeredCardSource, savedCardSource } from "@/lib/payments/card/member-steps";
import { sealPending } from "@/lib/payments/card/pending";

const NOTES = dictionaryFor("ja").cardAdmin.notes;

/**
 * The attempt a card checkout starts: one live payment per order, 3-D Secure attempts of the same
 * cart superseded, no second order of the cart charged at once.
 */
export function cardPaymentStart(settings: CardSettings, input: CardInput): CheckoutPaymentStart {
  return {
    payment: { gateway: "card", operateId: settings.operateId, payType: input.payType, agreement: input.agreement, memberUsed: input.mode === "saved" || input.save },
    options: { supersedeAwaiting: true, exclusiveCart: true },
  };
}

/** `started`: the attempt begun with a new order (PaymentGateway.startWith); else it is started here. */
export async function payWithCard(c: CardContext, order: PlacedOrderRef, input: CardInput, ctx: CheckoutContext, started?: StartedPayment): Promise<PayOutcome> {
  const before = order.created ? 0 : await failedAttemptsOfOrder(c.db, order.id);
  // The same order submitted again after its last allowed failure (a retried request).
  if (before >= c.settings.declinesPerOrder) {
    await cancelUnpaidOrder(c.db, order.id, fmt(NOTES.tooManyAttempts, { count: before }));
    return { kind: "failed", message: dictionaryFor(ctx.locale).card.tooManyAttemptsOrder };
  }
  const outcome = await attemptCardPayment(c, order, input, ctx, started);
  if (outcome.kind !== "failed") return outcome;
  const failures = await failedAttemptsOfOrder(c.db, order.id);
  return failures > before ? afterFailedAttempt(c, order, outcome, failures, ctx) : outcome;
}

/**
 * A card attempt failed (the card, the token or e-SCOTT said no): count it for this client, and
 * once the order has used up its attempts cancel it (stock back) and ask for a new checkout.
 */
async function afterFailedAttempt(c: CardContext, order: PlacedOrderRef, outcome: PayOutcome, failures: number, ctx: CheckoutContext): Promise<PayOutcome> {
  if (ctx.client) await countFailedCardAttempt(c.db, c.settings, ctx.client);
  if (failures < c.settings.declinesPerOrder) return outcome;
  await cancelUnpaidOrder(c.db, order.id, fmt(NOTES.tooManyAttempts, { count: failures }));
  return { kind: "failed", message: dictionaryFor(ctx.locale).card.tooManyAttemptsOrder };
}

async function attemptCardPayment(c: CardContext, order: PlacedOrderRef, input: CardInput, ctx: CheckoutContext, started?: StartedPayment): Promise<PayOutcome> {
  let payment: CheckoutPayment;
  try {
    payment = await checkoutAttempt(c.db, order, cardPaymentStart(c.settings, input), started);
  } catch (err) {
    if (err instanceof CartBusyError) {
      await cancelUnpaidOrder(c.db, order.id, dictionaryFor("ja").payment.notes.cartTaken);
      const dict = dictionaryFor(ctx.locale);
      return { kind: "failed", message: err.reason === "unknown" ? dict.payment.cartUnknown : dict.card.cartBusy };
    }
    if (err instanceof PaymentConflictError) return settledOutcome(c, order, ctx.locale);
    throw err;
  }

  if (order.total === 0) {
    // Nothing to charge (§3.2): the order completes locally and e-SCOTT is never called.
    await succeedPayment(c.db, payment, { event: "authorize_and_capture", orderStatus: "processing", note: NOTES.freeOrder, data: { operateId: null, paidAt: c.now() } });
    return { kind: "redirect", url: thankYouPath(order) };
  }

  if (input.mode === "new") {
    const found = await c.client.token.search({ token: input.token, orderId: String(order.id), amount: order.total, transactionCode: payment.transactionCode });
    if (!found.ok) return toOutcome(await failAttempt(c, payment, { codes: found.codes, note: failureNote(found) }), order, ctx.locale);
  }

  let source: CardSource | undefined;
  if (input.mode === "saved") {
    if (!ctx.userId) return toOutcome(await failAttempt(c, payment, { codes: [RESPONSE_CODE.memberUnknown], note: NOTES.guestChoseSavedCard }), order, ctx.locale);
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
  // Nothing has moved the attempt since it started: its success is recorded without reading it again.
  return toOutcome(await authorize(c, payment, { source, payType: input.payType, agreement: input.agreement }, payment), order, ctx.locale);
}

/** 3Secure (§6.3 steps 3–6): remember the choices, then the browser auto-posts to the 3DS page. */
async function handOffToThreeDS(c: CardContext, payment: Payment, order: PlacedOrderRef, input: CardInput, ctx: CheckoutContext, savedSource: CardSource | undefined): Promise<PayOutcome> {
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
    const note = failureNote({ operateId: OPERATE_ID.threeDSecure, codes: [RESPONSE_CODE.ng], reason: form.reason, detail: form.detail });
    return toOutcome(await failAttempt(c, payment, { codes: [RESPONSE_CODE.ng], note }), order, ctx.locale);
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
  await awaitThreeDS(c.db, payment.id, pendingData);
  await writePaymentLog(
    c.db,
    { gateway: "card", orderId: order.id, transactionCode: payment.transactionCode, operateId: form.operateId, kind: "call", outcome: "ok", request: form.logged, detail: NOTES.toThreeDSPage },
    c.settings.saveLog,
  );
  return { kind: "post", action: form.action, fields: form.fields };
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
