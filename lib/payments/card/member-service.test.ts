// Saved cards in My Account and the deletion rule, against the real emulator.
import { describe, expect, it } from "vitest";
import { payWithCard } from "@/lib/payments/card/checkout";
import { deletionBlock } from "@/lib/payments/card/deletion-rule";
import { deleteCard, referenceSavedCard, registerCard } from "@/lib/payments/card/member-service";
import { findMember } from "@/lib/payments/card/member-store";
import { cardHarnessPerFile, type TestCardName } from "@/test/support/card-harness";

const h = cardHarnessPerFile({ operateId: "1Auth", threeDSecure: false, testMode: true });

async function register(user: { id: string; email: string }, card: TestCardName) {
  const { token, maskedCard } = await h.token(card);
  return registerCard(await h.context(), user, { token, maskedCard, holderName: "TARO YAMADA" });
}

async function payWithSavedCard(userId: string) {
  const order = await h.order({ userId });
  const outcome = await payWithCard(await h.context(), order, { mode: "saved", payType: "01", agreement: false }, { locale: "ja", total: 0, userId });
  expect(outcome.kind).toBe("redirect");
  return order;
}

const DAY = 24 * 60 * 60 * 1000;

describe("My Account card registration", () => {
  it("registers (4MemAdd), shows the last 4 digits from 4MemRefM, and replaces the card under the same member (4MemChg)", async () => {
    const user = await h.user();
    expect(await register(user, "visa")).toEqual({ kind: "done", notice: "card.saved" });
    expect(await referenceSavedCard(await h.context(), user.id)).toMatchObject({ brand: "visa", last4: "1111", cardExp: "3012" });
    const { kaiinId } = (await findMember(h.db, (await h.context()).box, user.id))!;

    expect(await register(user, "amex")).toEqual({ kind: "done", notice: "card.saved" });
    expect(await referenceSavedCard(await h.context(), user.id)).toMatchObject({ brand: "amex", last4: "0005" });
    expect((await findMember(h.db, (await h.context()).box, user.id))!.kaiinId).toBe(kaiinId);
    expect((await h.state()).members).toHaveLength(1);
  });

  it("shows our cached card when e-SCOTT cannot be asked, and none when e-SCOTT does not know the member (K71)", async () => {
    const user = await h.user();
    await register(user, "jcb");
    await h.control("/_control/faults", { mode: "http500", count: 1, operateId: "4MemRefM" });
    expect(await referenceSavedCard(await h.context(), user.id)).toEqual({ brand: "jcb", last4: "0000" });
    await h.control("/_control/reset");
    expect(await referenceSavedCard(await h.context(), user.id)).toBeNull();
  });

  it("a used token is refused and nothing is stored", async () => {
    const user = await h.user();
    const { token, maskedCard } = await h.token("visa");
    await registerCard(await h.context(), user, { token, maskedCard, holderName: "A" });
    const other = await h.user();
    expect(await registerCard(await h.context(), other, { token, maskedCard, holderName: "A" })).toEqual({ kind: "done", notice: "card.tokenFailed" });
    expect(await h.db.cardMember.count({ where: { userId: other.id } })).toBe(0);
  });
});

describe("deleting the saved card", () => {
  it("is refused while a 与信 order is open, allowed once captured and completed", async () => {
    const user = await h.user();
    await register(user, "visa");
    const order = await payWithSavedCard(user.id);
    expect(await deletionBlock(h.db, user.id, new Date())).toBe("card.deleteBlockedOpenOrder");
    expect(await deleteCard(await h.context(), user.id, "customer")).toEqual({ ok: false, notice: "card.deleteBlockedOpenOrder" });

    // Completed but never captured: still a 与信 within 90 days.
    await h.db.order.update({ where: { id: order.id }, data: { status: "completed" } });
    expect(await deletionBlock(h.db, user.id, new Date())).toBe("card.deleteBlockedAuthorization");
    // …which no longer counts after 90 days.
    expect(await deletionBlock(h.db, user.id, new Date(Date.now() + 91 * DAY))).toBeNull();

    await h.db.payment.updateMany({ where: { orderId: order.id }, data: { state: "captured" } });
    expect(await deletionBlock(h.db, user.id, new Date())).toBeNull();
    expect(await deleteCard(await h.context(), user.id, "customer")).toEqual({ ok: true });
    expect(await h.db.cardMember.count({ where: { userId: user.id } })).toBe(0);
    const member = (await h.state()).members[0];
    expect(member?.history).toEqual(expect.arrayContaining([expect.objectContaining({ operateId: "4MemInval" }), expect.objectContaining({ operateId: "4MemDel" })]));
  });

  it("an admin deletes regardless of the rule", async () => {
    const user = await h.user();
    await register(user, "visa");
    await payWithSavedCard(user.id);
    expect(await deleteCard(await h.context(), user.id, "admin")).toEqual({ ok: true });
    expect(await h.db.cardMember.count({ where: { userId: user.id } })).toBe(0);
  });

  it("K71 in test mode clears our record; in production mode it is reported and kept", async () => {
    const user = await h.user();
    await register(user, "visa");
    await h.control("/_control/reset"); // e-SCOTT forgets the member → K71
    await h.configure({ testMode: false });
    expect(await deleteCard(await h.context(), user.id, "customer")).toEqual({ ok: false, notice: "card.deleteFailed" });
    expect(await h.db.cardMember.count({ where: { userId: user.id } })).toBe(1);
    await h.configure({ testMode: true });
    expect(await deleteCard(await h.context(), user.id, "customer")).toEqual({ ok: true });
    expect(await h.db.cardMember.count({ where: { userId: user.id } })).toBe(0);
  });
});
