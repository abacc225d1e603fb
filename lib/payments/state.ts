// States of a Payment row (one attempt at e-SCOTT).
export const CARD_STATES = ["started", "awaiting_3ds", "authorized", "captured", "voided", "failed", "unknown"] as const;
export const CVS_STATES = ["started", "unpaid", "paid", "expired", "cancelled", "failed", "unknown"] as const;
export type CardPaymentState = (typeof CARD_STATES)[number];
export type CvsPaymentState = (typeof CVS_STATES)[number];
export type PaymentState = CardPaymentState | CvsPaymentState;

/** Attempts that may still turn into money: while one exists, the order cannot be paid again. */
export const LIVE_STATES: readonly PaymentState[] = ["started", "awaiting_3ds", "authorized", "captured", "unpaid", "paid", "unknown"];
