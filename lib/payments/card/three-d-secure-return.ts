// What e-SCOTT's 3-D Secure page posts back to (PROTOCOL §6.3 steps 7–8, §6.4). It is a
// cross-site POST: no session cookie can be relied on. The attempt is found by MerchantFree1
// inside the AES-encrypted EncryptValue (only e-SCOTT and we hold the key), checked against
// what we remembered, and claimed by compare-and-set, so a replayed or duplicated return only
// redirects to where the first one led.
import { decryptValue, splitResponseCodes } from "@/lib/escott";
import type { Payment } from "@/lib/generated/prisma/client";
import { writePaymentLog } from "@/lib/payments/payment-log";
import { PaymentConflictError } from "@/lib/payments/payments";
import { failAttempt, failureNote, thankYouPath, type AttemptResult } from "@/lib/payments/card/attempt";
import { continueAfterThreeDS } from "@/lib/payments/card/checkout";
import type { CardContext } from "@/lib/payments/card/context";
import { finishRegistration } from "@/lib/payments/card/member-service";
import { claimRegistration } from "@/lib/payments/card/registration-pending";

export type ReturnResponse = { status: 303; location: string } | { status: 400; reason: string };

const SETTLE_WAIT_MS = 15_000;

export async function handleThreeDSReturn(c: CardContext | null, encryptValue: unknown): Promise<ReturnResponse> {
  if (!c) return { status: 400, reason: "The card gateway is not configured" };
  const redirect = (path: string): ReturnResponse => ({ status: 303, location: new URL(path, c.siteUrl).href });
  const ret = c.client.threeDS.parseReturn(encryptValue);
  if (!ret.ok) {
    const refused = ret.reason === "missing_fields" ? refusedAttempt(c, encryptValue) : null;
    if (refused) return redirect(await handleRefusal(c, refused));
    await writePaymentLog(c.db, { gateway: "card", operateId: "3DS", kind: "return", outcome: "error", detail: `${ret.reason}: ${ret.detail}` }, c.settings.saveLog);
    return { status: 400, reason: `EncryptValue is invalid (${ret.reason})` };
  }
  const orderId = ret.orderId && /^\d+$/.test(ret.orderId) ? Number(ret.orderId) : null;
  await writePaymentLog(
    c.db,
    { gateway: "card", orderId, transactionCode: ret.transactionCode, operateId: ret.operateId, kind: "return", outcome: ret.responseOk ? "ok" : "rejected", responseCd: ret.responseCd, response: ret.raw, detail: `SecureResultCode=${ret.secureResultCode}` },
    c.settings.saveLog,
  );

  if (ret.operateId !== "3Secure") return redirect(`/account/card?notice=${await finishRegistration(c, ret)}`);

  const payment = await c.db.payment.findUnique({ where: { transactionCode: ret.transactionCode }, include: { order: true } });
  if (!payment || payment.gateway !== "card" || (orderId !== null && orderId !== payment.orderId)) {
    return redirect("/checkout?notice=payment.threeDSReturnFailed");
  }
  if (payment.state === "awaiting_3ds") {
    const result = await continueAfterThreeDS(c, payment, ret);
    if (result.kind !== "duplicate") return redirect(pathFor(result, payment.order));
  }
  return redirect(await settledPath(c, payment));
}

interface Refusal {
  operateId: string;
  transactionCode: string;
  codes: string[];
  raw: Record<string, string>;
}

/**
 * e-SCOTT refused the request itself (a used token, a duplicate ProcNo…): it returns without a
 * SecureResultCode, which parseReturn rightly does not accept as a 3DS result. The value still
 * decrypts with our key — so it is authentic — and names the attempt and the codes.
 */
function refusedAttempt(c: CardContext, encryptValue: unknown): Refusal | null {
  if (typeof encryptValue !== "string" || !c.settings.aesKey || !c.settings.aesIv) return null;
  const decrypted = decryptValue(encryptValue, { key: c.settings.aesKey, iv: c.settings.aesIv });
  if (!decrypted.ok) return null;
  const f = decrypted.fields;
  const codes = splitResponseCodes(f.ResponseCd);
  if (!f.OperateId || !/^\d{12}$/.test(f.MerchantFree1 ?? "") || codes.length === 0 || codes.includes("OK")) return null;
  if (f.MerchantId && f.MerchantId !== c.settings.merchantId) return null;
  // Only fields that are never secret go to the log.
  const raw = Object.fromEntries(["OperateId", "ResponseCd", "MerchantFree1", "MerchantFree2", "MerchantFree3", "TransactionId", "TransactionDate", "ProcNo"].flatMap((k) => (f[k] ? [[k, f[k]]] : [])));
  return { operateId: f.OperateId, transactionCode: f.MerchantFree1!, codes, raw };
}

async function handleRefusal(c: CardContext, refusal: Refusal): Promise<string> {
  const payment = await c.db.payment.findUnique({ where: { transactionCode: refusal.transactionCode }, include: { order: true } });
  await writePaymentLog(
    c.db,
    { gateway: "card", orderId: payment?.orderId ?? null, transactionCode: refusal.transactionCode, operateId: refusal.operateId, kind: "return", outcome: "rejected", responseCd: refusal.codes.join("|"), response: refusal.raw },
    c.settings.saveLog,
  );
  if (refusal.operateId === "4MemAdd" || refusal.operateId === "4MemChg") {
    const pending = await claimRegistration(c.db, c.box, refusal.transactionCode, c.now());
    if (!pending) return "/account/card?notice=card.returnUnknown";
    return `/account/card?notice=${pending.operateId === "4MemChg" ? "card.changeFailed" : "card.addFailed"}`;
  }
  if (!payment || payment.gateway !== "card") return "/checkout?notice=payment.threeDSReturnFailed";
  if (payment.state === "awaiting_3ds") {
    try {
      const result = await failAttempt(c, payment, { codes: refusal.codes, note: failureNote(refusal.operateId, { codes: refusal.codes, reason: "rejected" }), from: ["awaiting_3ds"] });
      return pathFor(result, payment.order);
    } catch (err) {
      if (!(err instanceof PaymentConflictError)) throw err;
    }
  }
  return settledPath(c, payment);
}

function pathFor(result: AttemptResult, order: { id: number; accessKey: string }): string {
  if (result.kind === "failed") {
    const codes = result.declineCodes?.length ? `&codes=${encodeURIComponent(result.declineCodes.join("|"))}` : "";
    return `/checkout?notice=${result.notice}${codes}`;
  }
  return thankYouPath(order);
}

/** Where an attempt that another request is handling (or handled) leads. */
async function settledPath(c: CardContext, payment: Payment & { order: { id: number; accessKey: string } }): Promise<string> {
  const deadline = Date.now() + SETTLE_WAIT_MS;
  let current = payment;
  while (current.state === "started" && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    current = await c.db.payment.findUniqueOrThrow({ where: { id: payment.id }, include: { order: true } });
  }
  if (current.state === "failed") {
    return `/checkout?notice=${["1", "8", "9"].includes(current.secureResultCode ?? "") ? "payment.threeDSFailed" : "payment.failed"}`;
  }
  if (current.state === "awaiting_3ds") return "/checkout?notice=payment.threeDSReturnFailed";
  return thankYouPath(payment.order);
}
