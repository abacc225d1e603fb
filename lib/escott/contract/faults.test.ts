// Contract: transport faults injected by the emulator (POST /_control/faults) surface as results with
// codes ["NG"] and a machine-readable reason — never as exceptions — and the next call works again (§1.3, §9.4).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { payLimitFromDays } from "../dates";
import type { NgReason } from "../result";
import { CARDS, expectNg, expectOk, expectRejected, newMember, newOrderId, startHarness, type ContractHarness } from "@/test/support/contract-harness";

const CLIENT_TIMEOUT_MS = 300;

let h: ContractHarness;
beforeAll(async () => {
  h = await startHarness({ timeoutMs: CLIENT_TIMEOUT_MS, emulator: { hangMs: 1_000 } });
});
afterAll(() => h?.close());
beforeEach(() => h.reset());

async function addFault(rule: { mode: string; operateId?: string; afterProcessing?: boolean; count?: number }) {
  const { status } = await h.control("/_control/faults", rule);
  expect(status).toBe(200);
}

const MODES: Array<[mode: string, reason: NgReason, httpStatus: number | undefined]> = [
  ["timeout", "timeout", undefined],
  ["reset", "connection_reset", undefined],
  ["garbage", "unparsable_body", 200],
  ["http500", "http_status", 500],
];

describe("faults before processing (nothing happened at the gateway)", () => {
  it.each(MODES)("1Auth + %s → NG/%s; the token was not consumed and the retry succeeds", async (mode, reason, httpStatus) => {
    await addFault({ mode, operateId: "1Auth" });
    const { token } = await h.controlToken(CARDS.visa);
    const params = { orderId: newOrderId(), amount: 1000, source: { token } };

    const started = Date.now();
    const failed = expectNg(await h.client.card.auth(params), reason);
    expect(failed.httpStatus).toBe(httpStatus);
    expect(failed.raw).toBeNull();
    expect(failed.transactionCode).toMatch(/^\d{12}$/);
    if (mode === "timeout") {
      expect(failed.detail).toBe("deadline exceeded");
      expect(Date.now() - started).toBeGreaterThanOrEqual(CLIENT_TIMEOUT_MS - 20);
    }
    if (mode === "http500") expect(failed.detail).toBe("HTTP 500");
    expect(h.calls.at(-1)).toMatchObject({ operateId: "1Auth", outcome: "error", reason, codes: ["NG"] });

    const state = await h.state();
    expect(state.calls.at(-1)).toMatchObject({ operateId: "1Auth", fault: mode, merchantFree1: failed.transactionCode });
    expect(state.transactions).toEqual([]);
    expect(state.faults).toEqual([]);

    const retried = expectOk(await h.client.card.auth({ ...params, transactionCode: failed.transactionCode }));
    expect(retried.transactionCode).toBe(failed.transactionCode);
  });

  it.each(MODES)("other endpoints too: %s on 4MemRefM, 2Ref and 1TokenSearch → NG/%s, then OK", async (mode, reason) => {
    const member = newMember(h.client);
    expectOk(await h.client.member.add({ ...member, token: (await h.controlToken(CARDS.visa)).token }));
    const reg = expectOk(
      await h.client.cvs.add({
        orderId: newOrderId("cvs"),
        amount: 1000,
        payLimit: payLimitFromDays(7),
        nameKanji: "山田",
        nameKana: "ヤマダ",
        telNo: "0312345678",
        shouhinName: "テスト",
      }),
    );
    const cvsProcess = { orderId: "o", processId: reg.data.processId, processPass: reg.data.processPass };
    const { token } = await h.controlToken(CARDS.visa);

    await addFault({ mode, count: 3 });
    expectNg(await h.client.member.reference(member), reason);
    expectNg(await h.client.cvs.reference(cvsProcess), reason);
    expectNg(await h.client.token.search({ token }), reason);

    expectOk(await h.client.member.reference(member));
    expectOk(await h.client.cvs.reference(cvsProcess));
    expectOk(await h.client.token.search({ token }));
  });
});

describe("faults after processing (the charge happened, the answer was lost)", () => {
  it.each([
    ["timeout", "timeout"],
    ["reset", "connection_reset"],
  ] as const)("%s: NG/%s, yet the emulator lists the authorization under the transaction code", async (mode, reason) => {
    await addFault({ mode, operateId: "1Auth", afterProcessing: true });
    const { token } = await h.controlToken(CARDS.visa);
    const orderId = newOrderId();

    const failed = expectNg(await h.client.card.auth({ orderId, amount: 2400, source: { token } }), reason);
    // The shop never saw ProcessId/ProcessPass, so it cannot 1Search this transaction itself.
    expect(failed.raw).toBeNull();

    const state = await h.state();
    expect(state.transactions).toHaveLength(1);
    expect(state.transactions[0]).toMatchObject({
      status: "AUTH",
      amount: 2400,
      merchantFree1: failed.transactionCode,
      merchantFree2: orderId,
      processId: expect.stringMatching(/^[A-Za-z0-9]{32}$/),
    });
    expect(state.tokens.find((t) => t.token === token)).toMatchObject({ status: "KI2", usedBy: "1Auth" });

    // Retrying blindly is caught: same transaction code and amount → KBX (double submit).
    expectRejected(await h.client.card.auth({ orderId, amount: 2400, source: { token }, transactionCode: failed.transactionCode }), ["KBX"]);
  });
});
