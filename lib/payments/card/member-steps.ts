// The saved-card steps of a checkout (docs/escott-protocol.md §8.2, §8.3): which card source the authorization
// uses. Saved card → 4MemRefM must confirm it; new card to keep → 4MemAdd (first card) or
// 4MemChg (replacing the saved one — the step the vendor's WooCommerce plugins forgot), then pay as the member.
import { isAllowedPayType, MEMBER_MESSAGES, RESPONSE_CODE, type CardSource, type InstallmentSetting, type PayType, type ThreeDSValues } from "@/lib/escott";
import type { Payment } from "@/lib/generated/prisma/client";
import { dictionaryFor, fmt } from "@/lib/i18n";
import { failAttempt, failureNote, type AttemptResult } from "@/lib/payments/card/attempt";
import type { CardContext } from "@/lib/payments/card/context";
import { cardSummary, findMember, memberKey, saveMember, updateMemberCard } from "@/lib/payments/card/member-store";

const NOTES = dictionaryFor("ja").cardAdmin.notes;

export type SourceResult = { ok: true; source: CardSource } | { ok: false; result: AttemptResult };

export async function savedCardSource(c: CardContext, payment: Payment, userId: string | null, payType: PayType): Promise<SourceResult> {
  if (!userId) return { ok: false, result: await failAttempt(c, payment, { codes: [RESPONSE_CODE.memberUnknown], note: NOTES.savedCardOwnerUnknown }) };
  const member = await findMember(c.db, c.box, userId);
  if (!member) {
    return { ok: false, result: await failAttempt(c, payment, { codes: [RESPONSE_CODE.memberUnknown], note: NOTES.savedCardMissing, message: MEMBER_MESSAGES.notFound }) };
  }
  const ref = await c.client.member.reference({ userId, kaiinId: member.kaiinId, kaiinPass: member.kaiinPass, orderId: String(payment.orderId), transactionCode: payment.transactionCode });
  if (!ref.ok) {
    return { ok: false, result: await failAttempt(c, payment, { codes: ref.codes, note: failureNote(ref), message: MEMBER_MESSAGES.notFound }) };
  }
  await updateMemberCard(c.db, member, { brand: ref.data.brand, last4: ref.data.last4 });
  if (!isAllowedPayType(ref.data.cardNo, Number(c.settings.installments) as InstallmentSetting, payType)) {
    const message = { ja: dictionaryFor("ja").card.payTypeNotForCard, en: dictionaryFor("en").card.payTypeNotForCard };
    return { ok: false, result: await failAttempt(c, payment, { codes: ["PAYTYPE"], note: fmt(NOTES.payTypeNotForSavedCard, { payType, card: ref.data.cardNo }), message }) };
  }
  return { ok: true, source: { member: { kaiinId: member.kaiinId, kaiinPass: member.kaiinPass, userId } } };
}

export async function registeredCardSource(
  c: CardContext,
  payment: Payment,
  userId: string,
  card: { token: string; maskedCard: string },
  threeDS?: ThreeDSValues,
): Promise<SourceResult> {
  const existing = await findMember(c.db, c.box, userId);
  const common = { userId, token: card.token, orderId: String(payment.orderId), transactionCode: payment.transactionCode, threeDS };
  if (existing) {
    const changed = await c.client.member.change({ ...common, kaiinId: existing.kaiinId, kaiinPass: existing.kaiinPass });
    if (!changed.ok) {
      return { ok: false, result: await failAttempt(c, payment, { codes: changed.codes, note: failureNote(changed), message: MEMBER_MESSAGES.changeFailed }) };
    }
    await updateMemberCard(c.db, existing, cardSummary(card.maskedCard));
    return { ok: true, source: { member: { kaiinId: existing.kaiinId, kaiinPass: existing.kaiinPass, userId } } };
  }
  const credentials = c.client.member.newCredentials(memberKey(userId));
  const added = await c.client.member.add({ ...common, ...credentials });
  if (!added.ok) {
    return { ok: false, result: await failAttempt(c, payment, { codes: added.codes, note: failureNote(added), message: MEMBER_MESSAGES.addFailed }) };
  }
  await saveMember(c.db, c.box, { userId, ...credentials, ...cardSummary(card.maskedCard) });
  return { ok: true, source: { member: { ...credentials, userId } } };
}
