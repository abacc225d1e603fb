// The e-SCOTT test cards: the one table the local emulator decides by (emulator/cards.ts) and the unit, contract and
// e2e tests pay with. The real simulator's card list is not public, so these numbers are the emulator's own contract
// with the shop's tests: keep them stable (emulator/README.md "Test cards" documents them).
// A leaf module with no imports, so that the emulator, Vitest and Playwright can all load it.

export type TestCardBrand = "VISA" | "MASTER" | "JCB" | "AMEX" | "DINERS";

/** What the emulator's "card company" does with the card (emulator/cards.ts decideCharge and friends). */
export type CardBehaviour = "approve" | "G12" | "G55" | "C13" | "K40" | "challenge" | "slow";

export interface TestCard {
  number: string;
  brand: TestCardBrand;
  /** Expiry the card "really" has: YY and MM. */
  expYY: string;
  expMM: string;
  secCd: string;
  behaviour: CardBehaviour;
  description: string;
}

/** Expiry 12/2030 and security code 123 unless stated. */
const card = (number: string, brand: TestCardBrand, behaviour: CardBehaviour, description: string, secCd = "123", expYY = "30", expMM = "12"): TestCard => ({
  number,
  brand,
  expYY,
  expMM,
  secCd,
  behaviour,
  description,
});

export const TEST_CARDS = {
  demo: card("4123000000000300", "VISA", "approve", "Manual demo card: approves, 3DS frictionless (SecureResultCode 0)", "8888", "28", "12"),
  visa: card("4111111111111111", "VISA", "approve", "Approves"),
  master: card("5555555555554444", "MASTER", "approve", "Approves"),
  jcb: card("3530111333300000", "JCB", "approve", "Approves"),
  amex: card("378282246310005", "AMEX", "approve", "Approves (4-digit security code)", "1234"),
  diners: card("36666666666660", "DINERS", "approve", "Approves (PayType 01/80/88 only)"),
  g12: card("4123000000000102", "VISA", "G12", "G12 card unusable (カード使用不可)"),
  g55: card("4123000000000201", "VISA", "G55", "G55 limit over (限度額オーバー)"),
  c13: card("4123000000000409", "VISA", "C13", "C13 expired, whatever expiry is entered"),
  k40: card("4123000000000508", "VISA", "K40", "K40 security code mismatch, whatever code is entered"),
  challenge: card("4123000000000607", "VISA", "challenge", "Approves; 3DS shows the challenge chooser (SecureResultCode 0/1/2/3/8/9)"),
  slow: card("4123000000000706", "VISA", "slow", "Approves after EMULATOR_SLOW_MS on every server call (timeout tests)"),
} as const satisfies Record<string, TestCard>;

export type TestCardName = keyof typeof TEST_CARDS;

/** Card fields as the token script (CdCreateToken.do) and POST /_control/token take them. */
export interface TokenCardInput {
  cardNo: string;
  expYY: string;
  expMM: string;
  secCd: string;
}

export function tokenCardInput(card: TestCard): TokenCardInput {
  return { cardNo: card.number, expYY: card.expYY, expMM: card.expMM, secCd: card.secCd };
}
