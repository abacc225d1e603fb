// Contract: card members on OCRP005 — 4MemAdd, 4MemChg, 4MemRefM, 4MemInval, 4MemDel — and stored-card payments
// with the K80/K81 member-consistency rule on process requests (docs/escott-protocol.md §3.4, §3.5, §8, §12.8, §12.9).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { jstDate } from "../dates";
import { CARDS, expectOk, expectRejected, newMember, newOrderId, startHarness, type ContractHarness, type TestCardInput } from "@/test/support/contract-harness";

let h: ContractHarness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());
beforeEach(() => h.reset());

/** A registered member holding `card`. */
async function registered(card: TestCardInput = CARDS.visa) {
  const member = newMember(h.client);
  const { token } = await h.controlToken(card);
  expectOk(await h.client.member.add({ ...member, token }));
  return member;
}

describe("4MemAdd", () => {
  it("OK: the card is stored under the KaiinId and the token is consumed", async () => {
    const member = newMember(h.client);
    expect(member.kaiinId).toMatch(/^wcu\d+i\d{7}$/);
    expect(member.kaiinPass).toMatch(/^\d{12}$/);
    const { token } = await h.browserToken(CARDS.visa);
    const result = expectOk(await h.client.member.add({ ...member, token }));
    expect(result.operateId).toBe("4MemAdd");
    expect(result.data).toEqual({ transactionId: expect.stringMatching(/^\d{13}$/), companyCd: "V1" });
    expect(result.raw.MerchantFree3).toBe(member.userId);

    const state = await h.state();
    expect(state.members.find((m) => m.kaiinId === member.kaiinId)).toMatchObject({ status: "valid", cardNo: "4111********1111" });
    expect(state.tokens.find((t) => t.token === token)).toMatchObject({ status: "KI2", usedBy: "4MemAdd" });
  });

  it("a full-width MerchantFree3 (user ID) is sent and echoed as UTF-8", async () => {
    const member = { ...newMember(h.client), userId: "山田 太郎+1%" };
    const { token } = await h.controlToken(CARDS.visa);
    const result = expectOk(await h.client.member.add({ ...member, token }));
    expect(result.raw.MerchantFree3).toBe(member.userId);
    expect((await h.state()).members.find((m) => m.kaiinId === member.kaiinId)?.merchantFree3).toBe(member.userId);
  });

  it("a KaiinId that already exists → K69", async () => {
    const member = await registered();
    const { token } = await h.controlToken(CARDS.master);
    expectRejected(await h.client.member.add({ ...member, token }), ["K69"]);
  });

  it("malformed KaiinId and KaiinPass → K45|K46", async () => {
    const { token } = await h.controlToken(CARDS.visa);
    expectRejected(await h.client.member.add({ userId: "u1", kaiinId: "bad id!", kaiinPass: "no-dashes", token }), ["K45", "K46"]);
  });
});

describe("4MemRefM", () => {
  it("OK: masked CardNo → cardPrefix, last4 and brand; CardExp, KaiinStatus, KaiinEnableDate", async () => {
    const member = await registered(CARDS.visa);
    const result = expectOk(await h.client.member.reference(member));
    expect(result.data).toEqual({
      transactionId: expect.stringMatching(/^\d{13}$/),
      companyCd: "V1",
      kaiinId: member.kaiinId,
      cardNo: "4111********1111",
      cardPrefix: "4111",
      last4: "1111",
      brand: "visa",
      cardExp: "3012",
      kaiinStatus: "0",
      kaiinEnableDate: jstDate(new Date()),
    });
  });

  it("AMEX (15 digits) masks to first 4 + last 4 and is recognised as amex", async () => {
    const member = await registered(CARDS.amex);
    const result = expectOk(await h.client.member.reference(member));
    expect(result.data).toMatchObject({ cardNo: "3782*******0005", last4: "0005", brand: "amex", companyCd: "A1" });
  });

  it("unknown KaiinId or wrong KaiinPass → K71", async () => {
    const member = await registered();
    expectRejected(await h.client.member.reference({ ...member, kaiinId: `${member.kaiinId}x` }), ["K71"]);
    expectRejected(await h.client.member.reference({ ...member, kaiinPass: "000000000000" }), ["K71"]);
  });
});

describe("4MemChg", () => {
  it("OK: the stored card is replaced (4MemRefM shows the new card)", async () => {
    const member = await registered(CARDS.visa);
    const { token } = await h.controlToken(CARDS.master);
    const result = expectOk(await h.client.member.change({ ...member, token }));
    expect(result.data.companyCd).toBe("M1");
    const ref = expectOk(await h.client.member.reference(member));
    expect(ref.data).toMatchObject({ cardNo: "5555********4444", last4: "4444", brand: "mastercard" });
  });

  it("wrong KaiinPass → K71 and the card is unchanged", async () => {
    const member = await registered(CARDS.visa);
    const { token } = await h.controlToken(CARDS.master);
    expectRejected(await h.client.member.change({ ...member, kaiinPass: "111111111111", token }), ["K71"]);
    expect(expectOk(await h.client.member.reference(member)).data.last4).toBe("1111");
  });

  it("an invalidated member → K75", async () => {
    const member = await registered();
    expectOk(await h.client.member.invalidate(member));
    const { token } = await h.controlToken(CARDS.master);
    expectRejected(await h.client.member.change({ ...member, token }), ["K75"]);
  });
});

describe("4MemInval", () => {
  it("OK: the member becomes invalid (KaiinStatus 3)", async () => {
    const member = await registered();
    const result = expectOk(await h.client.member.invalidate(member));
    expect(result.operateId).toBe("4MemInval");
    expect(expectOk(await h.client.member.reference(member)).data.kaiinStatus).toBe("3");
  });

  it("an already invalid member → K75", async () => {
    const member = await registered();
    expectOk(await h.client.member.invalidate(member));
    expectRejected(await h.client.member.invalidate(member), ["K75"]);
  });
});

describe("4MemDel", () => {
  it("OK after 4MemInval; afterwards the member is gone (K71) and the KaiinId can never be added again (K69)", async () => {
    const member = await registered();
    expectOk(await h.client.member.invalidate(member));
    const result = expectOk(await h.client.member.delete(member));
    expect(result.operateId).toBe("4MemDel");
    expectRejected(await h.client.member.reference(member), ["K71"]);
    const { token } = await h.controlToken(CARDS.visa);
    expectRejected(await h.client.member.add({ ...member, token }), ["K69"]);
  });

  it("without 4MemInval first → K70", async () => {
    const member = await registered();
    expectRejected(await h.client.member.delete(member), ["K70"]);
    expect(expectOk(await h.client.member.reference(member)).data.kaiinStatus).toBe("0");
  });
});

describe("stored-card payments and K80/K81 on process requests", () => {
  it("1Auth with KaiinId/KaiinPass (no token): the emulator records a member transaction", async () => {
    const member = await registered(CARDS.master);
    const auth = expectOk(await h.client.card.auth({ orderId: newOrderId(), amount: 2500, source: { member } }));
    expect(auth.data.companyCd).toBe("M1");
    expect(auth.raw.KaiinId).toBe(member.kaiinId);
    const tx = (await h.state()).transactions.find((t) => t.processId === auth.data.processId);
    expect(tx).toMatchObject({ hasKaiinId: true, kaiinId: member.kaiinId, merchantFree3: member.userId });
  });

  it("member master: process requests without KaiinId → K80; with it → OK (1Capture, 1Change, 1Search, 1Delete, 1ReAuth)", async () => {
    const member = await registered();
    const auth = expectOk(await h.client.card.auth({ orderId: newOrderId(), amount: 2500, source: { member } }));
    const p = { orderId: newOrderId(), processId: auth.data.processId, processPass: auth.data.processPass };
    const kaiin = { kaiinId: member.kaiinId, kaiinPass: member.kaiinPass };

    expectRejected(await h.client.card.search(p), ["K80"]);
    expectRejected(await h.client.card.capture(p), ["K80"]);
    expectOk(await h.client.card.search({ ...p, member: kaiin }));
    expectOk(await h.client.card.change({ ...p, amount: 2000, member: kaiin }));
    expectOk(await h.client.card.delete({ ...p, member: kaiin }));
    expectRejected(await h.client.card.reAuth({ ...p, amount: 2100 }), ["K80"]);
    expectOk(await h.client.card.reAuth({ ...p, amount: 2100, member }));
    expectOk(await h.client.card.capture({ ...p, member: kaiin }));
  });

  it("non-member master: process requests with KaiinId → K81; the retry without it succeeds", async () => {
    const member = await registered();
    const { token } = await h.controlToken(CARDS.visa);
    const auth = expectOk(await h.client.card.auth({ orderId: newOrderId(), amount: 1800, source: { token } }));
    const p = { orderId: newOrderId(), processId: auth.data.processId, processPass: auth.data.processPass };
    const kaiin = { kaiinId: member.kaiinId, kaiinPass: member.kaiinPass };

    expectRejected(await h.client.card.capture({ ...p, member: kaiin }), ["K81"]);
    expectRejected(await h.client.card.delete({ ...p, member: kaiin }), ["K81"]);
    expectOk(await h.client.card.capture(p));
  });

  it("a payment with an invalidated member → K75", async () => {
    const member = await registered();
    expectOk(await h.client.member.invalidate(member));
    expectRejected(await h.client.card.gathering({ orderId: newOrderId(), amount: 1000, source: { member } }), ["K75"]);
  });
});
