// My Account 「クレジットカード登録/更新」 and the admin's 「カード会員情報を削除」 (docs/escott-protocol.md §8.4):
// register or replace the saved card from a token (through the 3-D Secure page when it is on),
// show it, delete it (4MemInval → 4MemDel).
import { OPERATE_ID, RESPONSE_CODE, type EscottFailure, type ThreeDSReturn } from "@/lib/escott";
import { threeDSReturnUrl, type CardContext } from "@/lib/payments/card/context";
import type { MessageKeys } from "@/lib/i18n";
import { deletionBlock, type DeletionBlock } from "@/lib/payments/card/deletion-rule";
import { cardSummary, findMember, forgetMember, memberKey, saveMember, updateMemberCard, type StoredMember } from "@/lib/payments/card/member-store";
import { claimRegistration, rememberRegistration, type PendingRegistration } from "@/lib/payments/card/registration-pending";

/** Dictionary keys (dict.card.*) of what the customer is told. */
export type MemberNotice =
  | MessageKeys<
      | "card.saved"
      | "card.deleted"
      | "card.threeDSFailed"
      | "card.addFailed"
      | "card.changeFailed"
      | "card.notFound"
      | "card.tokenFailed"
      | "card.deleteFailed"
      | "card.returnUnknown"
    >
  | DeletionBlock;

export type RegisterOutcome =
  | { kind: "done"; notice: MemberNotice }
  | { kind: "post"; action: string; fields: Record<string, string> };

export interface SavedCard {
  brand: string;
  last4: string;
  cardExp?: string;
}

/**
 * The registered card as e-SCOTT knows it (4MemRefM); null when there is none (K71 = e-SCOTT does
 * not know the member). If e-SCOTT cannot be asked, our cached brand and last 4 digits are shown.
 */
export async function referenceSavedCard(c: CardContext, userId: string): Promise<SavedCard | null> {
  const member = await findMember(c.db, c.box, userId);
  if (!member) return null;
  const ref = await c.client.member.reference({ userId, kaiinId: member.kaiinId, kaiinPass: member.kaiinPass });
  if (!ref.ok) return ref.codes.includes(RESPONSE_CODE.memberUnknown) || !member.last4 ? null : { brand: member.brand ?? "unknown", last4: member.last4 };
  await updateMemberCard(c.db, member, { brand: ref.data.brand, last4: ref.data.last4 });
  return { brand: ref.data.brand, last4: ref.data.last4, cardExp: ref.data.cardExp };
}

/** The member to update, or null to register a new one (none yet, or our record is unknown to e-SCOTT: K71). */
async function currentMember(c: CardContext, userId: string): Promise<StoredMember | null | EscottFailure> {
  const member = await findMember(c.db, c.box, userId);
  if (!member) return null;
  const ref = await c.client.member.reference({ userId, kaiinId: member.kaiinId, kaiinPass: member.kaiinPass });
  if (ref.ok) return member;
  return ref.codes.includes(RESPONSE_CODE.memberUnknown) ? null : ref;
}

export async function registerCard(
  c: CardContext,
  user: { id: string; email: string },
  card: { token: string; maskedCard: string; holderName: string },
): Promise<RegisterOutcome> {
  const found = await c.client.token.search({ token: card.token, userId: user.id });
  if (!found.ok) return { kind: "done", notice: "card.tokenFailed" };
  const existing = await currentMember(c, user.id);
  if (existing && "ok" in existing) return { kind: "done", notice: "card.notFound" };
  const operateId = existing ? OPERATE_ID.memberChange : OPERATE_ID.memberAdd;
  const credentials = existing ? { kaiinId: existing.kaiinId, kaiinPass: existing.kaiinPass } : c.client.member.newCredentials(memberKey(user.id));

  if (c.settings.threeDSecure) {
    const form = c.client.threeDS.memberForm({ operateId, userId: user.id, ...credentials, token: card.token, redirectUrl: threeDSReturnUrl(c.siteUrl), billingFullName: card.holderName, billingEmail: user.email });
    if (!form.ok) return { kind: "done", notice: existing ? "card.changeFailed" : "card.addFailed" };
    await rememberRegistration(c.db, c.box, form.transactionCode, { operateId, userId: user.id, ...credentials, maskedCard: card.maskedCard });
    return { kind: "post", action: form.action, fields: form.fields };
  }

  const call = existing ? c.client.member.change : c.client.member.add;
  const result = await call({ userId: user.id, ...credentials, token: card.token });
  if (!result.ok) return { kind: "done", notice: existing ? "card.changeFailed" : "card.addFailed" };
  await saveMember(c.db, c.box, { userId: user.id, ...credentials, ...cardSummary(card.maskedCard) });
  return { kind: "done", notice: "card.saved" };
}

/** The My Account branch of a 3-D Secure return (§8.4): e-SCOTT already stored (or refused) the card. */
export async function finishRegistration(c: CardContext, ret: ThreeDSReturn): Promise<MemberNotice> {
  const pending = await claimRegistration(c.db, c.box, ret.transactionCode, c.now());
  if (!pending || pending.operateId !== ret.operateId || pending.userId !== ret.userId) return "card.returnUnknown";
  const failed = registrationFailed(pending);
  if (!ret.proceed) return "card.threeDSFailed";
  if (!ret.responseOk) return failed;
  // The plugins confirm the registration with 4MemRefM before trusting it.
  const ref = await c.client.member.reference({ userId: pending.userId, kaiinId: pending.kaiinId, kaiinPass: pending.kaiinPass });
  if (!ref.ok) return failed;
  await saveMember(c.db, c.box, { userId: pending.userId, kaiinId: pending.kaiinId, kaiinPass: pending.kaiinPass, brand: ref.data.brand, last4: ref.data.last4 });
  return "card.saved";
}

/** e-SCOTT refused the registration request itself (a used token…): the pending registration ends. */
export async function refusedRegistration(c: CardContext, transactionCode: string): Promise<MemberNotice> {
  const pending = await claimRegistration(c.db, c.box, transactionCode, c.now());
  return pending ? registrationFailed(pending) : "card.returnUnknown";
}

function registrationFailed(pending: PendingRegistration): MemberNotice {
  return pending.operateId === OPERATE_ID.memberChange ? "card.changeFailed" : "card.addFailed";
}

export type DeleteOutcome = { ok: true } | { ok: false; notice: MemberNotice };

/**
 * 4MemInval → 4MemDel, then our record goes. Customers are held to the deletion rule; admins are
 * not. In test mode a K71 (e-SCOTT does not know the member) still clears our record, as the
 * manual advises for unexplained K71s.
 */
export async function deleteCard(c: CardContext, userId: string, by: "customer" | "admin"): Promise<DeleteOutcome> {
  if (by === "customer") {
    const block = await deletionBlock(c.db, userId, c.now());
    if (block) return { ok: false, notice: block };
  }
  const member = await findMember(c.db, c.box, userId);
  if (!member) return { ok: true };
  const params = { userId, kaiinId: member.kaiinId, kaiinPass: member.kaiinPass };
  const unknownInTestMode = (r: EscottFailure) => c.settings.testMode && r.codes.includes(RESPONSE_CODE.memberUnknown);

  const invalidated = await c.client.member.invalidate(params);
  // K75: already invalid (an earlier deletion stopped half-way) — go on with 4MemDel.
  if (!invalidated.ok && !invalidated.codes.includes(RESPONSE_CODE.memberInvalid)) {
    if (!unknownInTestMode(invalidated)) return { ok: false, notice: "card.deleteFailed" };
    await forgetMember(c.db, userId);
    return { ok: true };
  }
  const deleted = await c.client.member.delete(params);
  if (!deleted.ok && !unknownInTestMode(deleted)) return { ok: false, notice: "card.deleteFailed" };
  await forgetMember(c.db, userId);
  return { ok: true };
}
