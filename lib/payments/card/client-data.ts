// What the card gateway tells the browser (PaymentMethodOption.clientData) and what the browser
// sends back (payload.payment). Browser-safe: types and constants only.
import type { CardBrand, InstallmentSetting } from "@/lib/escott/installments";

export interface SavedCardSummary {
  brand: CardBrand;
  last4: string;
  /** Leading digits that select the installment menu (§5.2). */
  prefix: string;
}

export interface CardClientData {
  /** e-SCOTT's token script, k_TokenNinsyoCode included. */
  tokenScript: string;
  installments: InstallmentSetting;
  securityCode: boolean;
  /** 3-D Secure is on: the shopper must agree to the personal-data notice. */
  threeDSecure: boolean;
  /** Logged in and カード会員 enabled: saved-card choices apply. */
  cardMember: boolean;
  /** 常にカード会員に登録. */
  alwaysSave: boolean;
  savedCard: SavedCardSummary | null;
  /** Two-digit expiry years the form offers (JST, from this year on). */
  expiryYears: string[];
}

/**
 * The browser's part of the checkout submission. Card number, expiry and security code are not
 * in it and never can be: they go to e-SCOTT's token script only.
 */
export interface CardPayload {
  mode: "new" | "saved";
  token?: string;
  /** As returned by the token script, e.g. "4123********0300". */
  maskedCard?: string;
  /** カード名義 (A–Z and spaces), for 3-D Secure. */
  holderName?: string;
  payType: string;
  /** Register (no saved card yet) or replace (has one) the saved card with this one. */
  save?: boolean;
  /** 個人情報の取り扱いに同意する (3-D Secure). */
  agreement?: boolean;
}

/** The token script's masked card number, e.g. "4123********0300" (the server checks the payload against it). */
export const MASKED_CARD = /^\d{1,6}[*Xx]+\d{4}$/;

/**
 * カード名義 as e-SCOTT takes it: A–Z and spaces, up to 45. The browser checks it before asking for a
 * token; the server checks the payload again (lib/payments/card/input.ts). Here, not beside the
 * server's zod schema, so the checkout page does not ship zod for one regular expression.
 */
export const HOLDER_NAME = /^[A-Za-z][A-Za-z ]{0,44}$/;

/** The name of the global function e-SCOTT's token script calls (its callBackFunc attribute). */
export const TOKEN_CALLBACK_NAME = "spsvTokenCallback";
