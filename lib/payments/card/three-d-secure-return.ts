// What e-SCOTT's 3-D Secure page posts back to (docs/escott-protocol.md §6.3 steps 7–9, §6.4).
// It is a cross-site POST: no session cookie can be relied on. The attempt is found by its
// 決済コード inside the AES-encrypted EncryptValue (only e-SCOTT and we hold the key), claimed by
// compare-and-set, so a replayed or duplicated return only leads to where the first one led.
import { OPERATE_ID, threeDSReturnedValue, type CardSource, type ThreeDSRefusal, type ThreeDSReturn, type ThreeDSValues } from "@/lib/escott";
import type { Payment } from "@/lib/generated/prisma/client";
import { dictionaryFor, noticePath } from "@/lib/i18n";
import { writePaymentLog } from "@/lib/payments/payment-log";
import { takeThreeDSReturn } from "@/lib/payments/payments";
import { nextPaymentState } from "@/lib/payments/state";
import { failAttempt, failureNote, thankYouPath, type AttemptResult } from "@/lib/payments/card/attempt";
import { authorize } from "@/lib/payments/card/authorize";
import type { CardContext } from "@/lib/payments/card/context";
import { finishRegistration, refusedRegistration } from "@/lib/payments/card/member-service";
import { registeredCardSource, savedCardSource, type SourceResult } from "@/lib/payments/card/member-steps";
import { openPending, type PendingCheckout } from "@/lib/payments/card/pending";
import { readLimitedBody } from "@/lib/security/body-limit";
import { countRejection } from "@/lib/security/rejections";
import { paymentErrorResponse } from "@/lib/security/uniform-error";

/** `reason` is for the log only: the HTTP answer to any 400 is the same page (threeDSReturnEndpoint). */
export type ReturnResponse = { status: 303; location: string } | { status: 400; reason: string };

type OrderRef = { id: number; accessKey: string };

const SETTLE_WAIT_MS = 15_000;

export async function handleThreeDSReturn(c: CardContext | null, encryptValue: unknown): Promise<ReturnResponse> {
  if (!c) return { status: 400, reason: "not_configured: the card gateway lacks what e-SCOTT needs" };
  const goTo = (path: string): ReturnResponse => ({ status: 303, location: new URL(path, c.siteUrl).href });

  // 1. Decrypt and check what was posted: a 3-D Secure result, e-SCOTT refusing the request
  //    itself (a used token, a re-posted form), or nothing we accept.
  const ret = c.client.threeDS.parseReturn(encryptValue);
  if (!ret.ok && ret.reason !== "refused") {
    const reason = `${ret.reason}: ${ret.detail}`;
    await countRejection(c.db, "3ds_return", reason, () =>
      writePaymentLog(c.db, { gateway: "card", operateId: "3DS", kind: "return", outcome: "error", detail: reason }, c.settings.saveLog),
    );
    return { status: 400, reason };
  }
  // A genuine return posted again (a replay, the second of a double post) is counted, not logged.
  if (await alreadyLogged(c, ret.transactionCode)) {
    await countRejection(c.db, "3ds_return", "replayed");
  } else {
    await logReturn(c, ret);
  }

  // 2. A My Account card registration (4MemAdd / 4MemChg through the 3DS page) ends there.
  if (ret.operateId !== OPERATE_ID.threeDSecure) {
    const notice = ret.ok ? await finishRegistration(c, ret) : await refusedRegistration(c, ret.transactionCode);
    return goTo(noticePath("/account/card", notice));
  }

  // 3. The checkout attempt it names.
  const payment = await c.db.payment.findUnique({ where: { transactionCode: ret.transactionCode }, include: { order: true } });
  const claimedOrder = ret.orderId && /^\d+$/.test(ret.orderId) ? Number(ret.orderId) : null;
  if (!payment || payment.gateway !== "card" || (claimedOrder !== null && claimedOrder !== payment.orderId)) {
    return goTo(noticePath("/checkout", "payment.threeDSReturnFailed"));
  }

  // 4. Exactly one return goes on; a replay (or the second of a double post) waits for its result.
  const secureResultCode = ret.ok ? ret.secureResultCode : null;
  if (!(await takeThreeDSReturn(c.db, payment.id, { secureResultCode }))) return goTo(await settledPath(c, payment));

  // 5. e-SCOTT refused the request, or the card company did not authenticate the shopper: the
  //    attempt fails and the shopper goes back to checkout.
  if (!ret.ok) {
    return goTo(pathFor(await failAttempt(c, payment, { codes: ret.codes, note: failureNote({ operateId: ret.operateId, codes: ret.codes, reason: "rejected" }) }), payment.order));
  }
  if (!ret.proceed) {
    const failed = await failAttempt(c, payment, {
      codes: [`3DS${ret.secureResultCode}`],
      note: dictionaryFor("ja").cardAdmin.notes.threeDSNotAuthenticated.replace("{code}", ret.secureResultCode),
      message: bothLanguages("threeDSFailed"),
      notice: "payment.threeDSFailed",
    });
    return goTo(pathFor(failed, payment.order));
  }

  // 6. What the shopper chose before leaving (sealed in the payment), and the card to charge.
  const pending = openPending(c.box, payment.pendingData);
  if (!pending) {
    const failed = await failAttempt(c, payment, {
      codes: ["NG"],
      note: dictionaryFor("ja").cardAdmin.notes.threeDSPendingLost,
      message: bothLanguages("threeDSReturnFailed"),
      notice: "payment.threeDSReturnFailed",
    });
    return goTo(pathFor(failed, payment.order));
  }
  const card = await cardToCharge(c, payment, pending, ret.values);
  if (!card.ok) return goTo(pathFor(card.result, payment.order));

  // 7. The authorization: the one call that moves money.
  // This request claimed the return (awaiting_3ds → its next state) and nothing has moved it since.
  const claimed = { ...payment, state: nextPaymentState(payment.state, "return_3ds") ?? payment.state };
  const result = await authorize(c, payment, { source: card.source, payType: pending.payType, threeDS: ret.values, agreement: pending.agreement }, claimed);
  return goTo(pathFor(result, payment.order));
}

async function alreadyLogged(c: CardContext, transactionCode: string): Promise<boolean> {
  if (!transactionCode) return false;
  const row = await c.db.paymentLog.findFirst({ where: { transactionCode, kind: "return" }, select: { id: true } });
  return row !== null;
}

async function logReturn(c: CardContext, ret: ThreeDSReturn | ThreeDSRefusal): Promise<void> {
  const orderId = ret.orderId && /^\d+$/.test(ret.orderId) ? Number(ret.orderId) : null;
  const common = { gateway: "card" as const, orderId, transactionCode: ret.transactionCode, operateId: ret.operateId, kind: "return" as const, response: ret.raw };
  const entry = ret.ok
    ? { ...common, outcome: ret.responseOk ? ("ok" as const) : ("rejected" as const), responseCd: ret.responseCd, detail: `SecureResultCode=${ret.secureResultCode}` }
    : { ...common, outcome: "rejected" as const, responseCd: ret.codes.join("|") };
  await writePaymentLog(c.db, entry, c.settings.saveLog);
}

/** The saved card (confirmed by 4MemRefM), a new card to keep (registered now, with the 3DS values), or the token. */
function cardToCharge(c: CardContext, payment: Payment, pending: PendingCheckout, threeDS: ThreeDSValues): Promise<SourceResult> | SourceResult {
  if (pending.mode === "saved") return savedCardSource(c, payment, pending.userId, pending.payType);
  if (pending.save && pending.userId && pending.token && pending.maskedCard) {
    return registeredCardSource(c, payment, pending.userId, { token: pending.token, maskedCard: pending.maskedCard }, threeDS);
  }
  return { ok: true, source: { token: pending.token ?? "" } satisfies CardSource };
}

function bothLanguages(key: "threeDSFailed" | "threeDSReturnFailed") {
  return { ja: dictionaryFor("ja").payment[key], en: dictionaryFor("en").payment[key] };
}

function pathFor(result: AttemptResult, order: OrderRef): string {
  if (result.kind === "failed") {
    const codes = result.declineCodes?.length ? `&codes=${encodeURIComponent(result.declineCodes.join("|"))}` : "";
    return `${noticePath("/checkout", result.notice)}${codes}`;
  }
  return thankYouPath(order);
}

/** Where an attempt that another request is handling (or handled) leads. */
async function settledPath(c: CardContext, payment: Payment & { order: OrderRef }): Promise<string> {
  const deadline = Date.now() + SETTLE_WAIT_MS;
  let current = payment;
  while (current.state === "started" && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    current = await c.db.payment.findUniqueOrThrow({ where: { id: payment.id }, include: { order: true } });
  }
  if (current.state === "failed") {
    return noticePath("/checkout", ["1", "8", "9"].includes(current.secureResultCode ?? "") ? "payment.threeDSFailed" : "payment.failed");
  }
  if (current.state === "awaiting_3ds") return noticePath("/checkout", "payment.threeDSReturnFailed");
  return thankYouPath(payment.order);
}

/** A return is one form field of a few KB; anything larger is refused before it is read. */
export const THREE_DS_RETURN_MAX_BYTES = 16 * 1024;

/**
 * The HTTP side of the return (the card gateway's "3ds" endpoint): e-SCOTT's page posts a form,
 * and nothing else is accepted — a GET would put EncryptValue in access logs (405, Allow: POST), a
 * body over 16 KB is refused unread (413). Every kind of bad input gets the same page (400); why it
 * was refused goes to the log only.
 */
export async function threeDSReturnEndpoint(request: Request, context: () => Promise<CardContext | null>): Promise<Response> {
  // Refused before the return is parsed: counted like the others (handleThreeDSReturn counts those).
  const refuse = async (status: 400 | 405 | 413, reason: string, headers?: Record<string, string>) => {
    const c = await context();
    if (c) await countRejection(c.db, "3ds_return", reason);
    return refuseReturn(request, status, reason, headers);
  };
  if (request.method !== "POST") return refuse(405, `method_not_post: ${request.method}`, { Allow: "POST" });
  const body = await readLimitedBody(request, THREE_DS_RETURN_MAX_BYTES);
  if (!body.ok) return refuse(body.reason === "too_large" ? 413 : 400, `body_${body.reason}`);
  const value = await postedEncryptValue(request.headers.get("content-type"), body.bytes);
  if (value === null) return refuse(400, "not_a_form: content type or body");
  const res = await handleThreeDSReturn(await context(), value);
  if (res.status === 400) return refuseReturn(request, 400, res.reason);
  return new Response(null, { status: 303, headers: { Location: res.location } });
}

/** EncryptValue from a form body (url-encoded as browsers post it, or multipart); null when the body is no form. */
async function postedEncryptValue(contentType: string | null, bytes: Uint8Array<ArrayBuffer>): Promise<string | undefined | null> {
  const type = (contentType ?? "").split(";")[0]!.trim().toLowerCase();
  if (type === "" || type === "application/x-www-form-urlencoded") return threeDSReturnedValue(new URLSearchParams(new TextDecoder().decode(bytes)));
  if (type !== "multipart/form-data") return null;
  const form = await new Response(bytes, { headers: { "Content-Type": contentType! } }).formData().catch(() => null);
  return form ? threeDSReturnedValue(form) : null;
}

function refuseReturn(request: Request, status: 400 | 405 | 413, reason: string, headers: Record<string, string> = {}): Response {
  console.warn(`[escott] 3-D Secure return refused (${status}): ${reason.slice(0, 200)}`);
  return paymentErrorResponse(request, status, headers);
}
