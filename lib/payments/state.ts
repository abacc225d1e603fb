// States of a Payment row (one attempt at the gateway) and the one table of how they may change.
// lib/payments/payments.ts applies it: every state change there names an event, the table gives
// the next state, and the row is moved by compare-and-set on the state the decision was made on.
export const CARD_STATES = ["started", "awaiting_3ds", "authorized", "captured", "voided", "failed", "unknown"] as const;
export const CVS_STATES = ["started", "unpaid", "paid", "expired", "cancelled", "failed", "unknown"] as const;
export type CardPaymentState = (typeof CARD_STATES)[number];
export type CvsPaymentState = (typeof CVS_STATES)[number];
export type PaymentState = CardPaymentState | CvsPaymentState;

/** Attempts that may still turn into money: while one exists, the order cannot be paid again. */
export const LIVE_STATES: readonly PaymentState[] = ["started", "awaiting_3ds", "authorized", "captured", "unpaid", "paid", "unknown"];

/**
 * Every allowed move, as event → { from: to }. A payment is created "started" (startPayment);
 * nothing else creates or jumps between states.
 */
export const PAYMENT_TRANSITIONS = {
  // ── At checkout ───────────────────────────────────────────────────────────
  /** The shopper is sent to the card company's 3-D Secure page; no money has moved. */
  await_3ds: { started: "awaiting_3ds" },
  /** The 3-D Secure page answered: the authorization may run (exactly one return gets here). */
  return_3ds: { awaiting_3ds: "started" },
  /** A new attempt of the same order/cart replaces one left at the 3-D Secure page. */
  supersede: { awaiting_3ds: "failed" },
  /** 与信 (1Auth) succeeded. */
  authorize: { started: "authorized" },
  /** 与信売上計上 (1Gathering) succeeded, or a 0-yen order needed no charge. */
  authorize_and_capture: { started: "captured" },
  /** Registered for payment at a convenience store / Pay-easy / e-money (2Add). */
  register: { started: "unpaid" },
  /** The gateway said no (or nothing was sent): no money moved. */
  decline: { started: "failed", awaiting_3ds: "failed" },
  /** A call went out but no usable answer came back: money may have moved. */
  lose_answer: { started: "unknown" },
  /**
   * Nothing happened for too long where no money can have moved: a CVS registration whose 2Add
   * never finished, a shopper who never came back from the 3-D Secure page.
   */
  abandon: { started: "failed", awaiting_3ds: "failed" },

  // ── Admin operations on a card payment ───────────────────────────────────
  capture: { authorized: "captured" },
  void: { authorized: "voided", captured: "voided" },
  change_amount: { authorized: "authorized", captured: "captured" },
  reauthorize: { authorized: "authorized" },
  /**
   * Part of a sale given back: 利用額変更 (1Change) lowers the captured amount; a Refund row is
   * written with the move. Only a sale can be refunded — an authorization is changed or voided.
   */
  refund_part: { captured: "captured" },
  /** The rest of a sale given back: 取消 (1Delete) of the captured sale, the order becomes refunded. */
  refund_rest: { captured: "voided" },
  /** The admin (or 取引照会) established what e-SCOTT actually holds. */
  reconcile_authorized: { unknown: "authorized", started: "authorized", captured: "authorized" },
  reconcile_captured: { unknown: "captured", started: "captured", authorized: "captured" },
  reconcile_voided: { unknown: "voided", authorized: "voided", captured: "voided" },
  reconcile_failed: { unknown: "failed", started: "failed", awaiting_3ds: "failed" },

  // ── After a CVS registration ─────────────────────────────────────────────
  /** 2Chg: new deadline or amount; still waiting for the money. */
  change_registration: { unpaid: "unpaid" },
  /** 2Del (or e-SCOTT no longer knows it): the registration can bring no money. */
  cancel: { unpaid: "cancelled" },
  /** Past 支払期日. */
  expire: { unpaid: "expired" },
  /**
   * Money arrived (入金結果通知 or 2Ref). Never refused: money that arrives late (after expiry or
   * cancellation) is recorded and the order flagged, not lost.
   */
  receive: { unpaid: "paid", expired: "paid", cancelled: "paid", failed: "paid", started: "paid", unknown: "paid" },
} as const satisfies Record<string, Partial<Record<PaymentState, PaymentState>>>;

export type PaymentEvent = keyof typeof PAYMENT_TRANSITIONS;
export const PAYMENT_EVENTS = Object.keys(PAYMENT_TRANSITIONS) as PaymentEvent[];

/** The state `event` leads to from `from`, or null when the table does not allow it. */
export function nextPaymentState(from: string, event: PaymentEvent): PaymentState | null {
  const moves: Partial<Record<string, PaymentState>> = PAYMENT_TRANSITIONS[event];
  return Object.hasOwn(moves, from) ? (moves[from] ?? null) : null;
}

/** The states from which `event` is allowed. */
export function statesAllowing(event: PaymentEvent): PaymentState[] {
  return Object.keys(PAYMENT_TRANSITIONS[event]) as PaymentState[];
}

export function isLiveState(state: string): boolean {
  return (LIVE_STATES as readonly string[]).includes(state);
}
