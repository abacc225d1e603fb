import { describe, expect, it } from "vitest";
import { CARD_STATES, CVS_STATES, isLiveState, nextPaymentState, PAYMENT_EVENTS, PAYMENT_TRANSITIONS, statesAllowing, type PaymentEvent, type PaymentState } from "@/lib/payments/state";

// Every allowed move, written out once more by hand: a change to the table must change this list too.
const ALLOWED: [PaymentState, PaymentEvent, PaymentState][] = [
  ["started", "await_3ds", "awaiting_3ds"],
  ["awaiting_3ds", "return_3ds", "started"],
  ["awaiting_3ds", "supersede", "failed"],
  ["started", "authorize", "authorized"],
  ["started", "authorize_and_capture", "captured"],
  ["started", "register", "unpaid"],
  ["started", "decline", "failed"],
  ["awaiting_3ds", "decline", "failed"],
  ["started", "lose_answer", "unknown"],
  ["started", "abandon", "failed"],
  ["awaiting_3ds", "abandon", "failed"],
  ["authorized", "capture", "captured"],
  ["authorized", "void", "voided"],
  ["captured", "void", "voided"],
  ["authorized", "change_amount", "authorized"],
  ["captured", "change_amount", "captured"],
  ["authorized", "reauthorize", "authorized"],
  ["captured", "refund_part", "captured"],
  ["captured", "refund_rest", "voided"],
  ["unknown", "reconcile_authorized", "authorized"],
  ["started", "reconcile_authorized", "authorized"],
  ["captured", "reconcile_authorized", "authorized"],
  ["unknown", "reconcile_captured", "captured"],
  ["started", "reconcile_captured", "captured"],
  ["authorized", "reconcile_captured", "captured"],
  ["unknown", "reconcile_voided", "voided"],
  ["authorized", "reconcile_voided", "voided"],
  ["captured", "reconcile_voided", "voided"],
  ["unknown", "reconcile_failed", "failed"],
  ["started", "reconcile_failed", "failed"],
  ["awaiting_3ds", "reconcile_failed", "failed"],
  ["unpaid", "change_registration", "unpaid"],
  ["unpaid", "cancel", "cancelled"],
  ["unpaid", "expire", "expired"],
  ["unpaid", "receive", "paid"],
  ["expired", "receive", "paid"],
  ["cancelled", "receive", "paid"],
  ["failed", "receive", "paid"],
  ["started", "receive", "paid"],
  ["unknown", "receive", "paid"],
];

const ALL_STATES = [...new Set<PaymentState>([...CARD_STATES, ...CVS_STATES])];

describe("payment transition table", () => {
  it.each(ALLOWED)("%s --%s--> %s", (from, event, to) => {
    expect(nextPaymentState(from, event)).toBe(to);
  });

  it("allows nothing else: every (state, event) pair not listed is refused", () => {
    const listed = new Set(ALLOWED.map(([from, event]) => `${from}/${event}`));
    let refused = 0;
    for (const from of ALL_STATES) {
      for (const event of PAYMENT_EVENTS) {
        if (listed.has(`${from}/${event}`)) continue;
        expect(nextPaymentState(from, event), `${from} --${event}-->`).toBeNull();
        refused++;
      }
    }
    expect(refused + ALLOWED.length).toBe(ALL_STATES.length * PAYMENT_EVENTS.length);
  });

  it.each<[string, PaymentEvent]>([
    ["captured", "capture"],
    ["voided", "void"],
    ["failed", "authorize"],
    ["awaiting_3ds", "authorize"],
    ["paid", "receive"],
    ["paid", "cancel"],
    ["expired", "expire"],
    ["voided", "reconcile_captured"],
    // Nothing to refund on an authorization (not yet a sale) or a cancelled sale.
    ["authorized", "refund_part"],
    ["authorized", "refund_rest"],
    ["voided", "refund_part"],
    ["voided", "refund_rest"],
    ["unpaid", "authorize"],
    ["started", "return_3ds"],
    ["toString", "capture"],
    ["", "decline"],
  ])("refuses %s --%s-->", (from, event) => {
    expect(nextPaymentState(from, event)).toBeNull();
  });

  it("only moves between known states", () => {
    for (const [event, moves] of Object.entries(PAYMENT_TRANSITIONS)) {
      for (const [from, to] of Object.entries(moves)) {
        expect(ALL_STATES, `${event}: ${from}`).toContain(from);
        expect(ALL_STATES, `${event}: ${to}`).toContain(to);
      }
    }
  });

  it("knows which states an event starts from", () => {
    expect(statesAllowing("void").sort()).toEqual(["authorized", "captured"]);
    expect(statesAllowing("return_3ds")).toEqual(["awaiting_3ds"]);
  });

  it("money received is final: no event leaves paid, and only receive reaches it", () => {
    // The 入金結果通知 handler relies on this: only a paid payment can have a receipt to look up.
    expect(PAYMENT_EVENTS.filter((event) => nextPaymentState("paid", event) !== null)).toEqual([]);
    expect(Object.entries(PAYMENT_TRANSITIONS).filter(([, moves]) => Object.values(moves).includes("paid")).map(([event]) => event)).toEqual(["receive"]);
  });

  it("ending states release the order; waiting ones keep it locked", () => {
    expect(["failed", "voided", "expired", "cancelled"].map(isLiveState)).toEqual([false, false, false, false]);
    expect(["started", "awaiting_3ds", "unknown", "unpaid", "authorized", "captured", "paid"].every(isLiveState)).toBe(true);
  });
});
