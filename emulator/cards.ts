// Test cards and the card-company decisions the emulator makes for them (README "Test cards").
// The cards themselves live in lib/escott/test-cards.ts, the one table the shop's tests pay with too; this module
// looks them up by number and decides what the "card company" answers.
import { TEST_CARDS, type CardBehaviour, type TestCard, type TestCardBrand } from "../lib/escott/test-cards";
import { jstYearMonth } from "./clock";

export type { CardBehaviour, TestCard };

export type Brand = TestCardBrand | "OTHER";

/** Every test card, in the table's order (operator page, start-up banner). */
export const TEST_CARD_LIST: readonly TestCard[] = Object.values(TEST_CARDS);

const BY_NUMBER: ReadonlyMap<string, TestCard> = new Map(TEST_CARD_LIST.map((c) => [c.number, c]));

export function findTestCard(cardNo: string): TestCard | undefined {
  return BY_NUMBER.get(cardNo);
}

export function detectBrand(cardNo: string): Brand {
  const listed = findTestCard(cardNo);
  if (listed) return listed.brand;
  if (/^4/.test(cardNo)) return "VISA";
  if (/^(5[1-5]|2(2[2-9][1-9]|2[3-9]\d|[3-6]\d\d|7[01]\d|720))/.test(cardNo)) return "MASTER";
  if (/^35/.test(cardNo)) return "JCB";
  if (/^3[47]/.test(cardNo)) return "AMEX";
  if (/^(36|30|38|39)/.test(cardNo)) return "DINERS";
  return "OTHER";
}

/** CompanyCd per brand. The real CAFIS company codes are not public; these are the emulator's own (README). */
export const COMPANY_CODES: Record<Brand, string> = {
  VISA: "V1",
  MASTER: "M1",
  JCB: "J1",
  AMEX: "A1",
  DINERS: "D1",
  OTHER: "Z9",
};

export function luhnValid(cardNo: string): boolean {
  let sum = 0;
  for (let i = 0; i < cardNo.length; i++) {
    let digit = Number(cardNo[cardNo.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/** First 4 and last 4 digits kept (the shop derives the brand and 下4桁 from it, §2.3). */
export function maskCardNo(cardNo: string): string {
  if (cardNo.length <= 8) return cardNo;
  return `${cardNo.slice(0, 4)}${"*".repeat(cardNo.length - 8)}${cardNo.slice(-4)}`;
}

/** Card data as captured by the token script (or stored on a member). */
export interface CardData {
  cardNo: string;
  expYY: string;
  expMM: string;
  /** "" when the shop did not collect a security code. */
  secCd: string;
}

/**
 * Input checks done when a token is created. Listed test cards skip Luhn (the manual's demo card fails it);
 * other numbers must be 13-19 digits and Luhn-valid.
 */
export function tokenInputErrors(input: CardData): string[] {
  const errors: string[] = [];
  if (!/^\d{13,19}$/.test(input.cardNo)) errors.push("K20");
  else if (!findTestCard(input.cardNo) && !luhnValid(input.cardNo)) errors.push("K82");
  const month = Number(input.expMM);
  if (!/^\d{2}$/.test(input.expYY) || !/^\d{2}$/.test(input.expMM) || month < 1 || month > 12) errors.push("K21");
  if (input.secCd !== "" && !/^\d{3,4}$/.test(input.secCd)) errors.push("K24");
  return errors;
}

export const VALID_PAY_TYPES = ["01", "02", "03", "05", "06", "10", "12", "15", "18", "20", "24", "80", "88"] as const;

/** Per-brand PayType rules of §5.2 (K22 for unknown values is checked by the request validation). */
export function payTypeError(brand: Brand, payType: string): string | undefined {
  switch (brand) {
    case "AMEX":
      if (payType === "02") return "C12";
      if (payType === "88") return "G78";
      return undefined;
    case "DINERS":
      return ["01", "80", "88"].includes(payType) ? undefined : "C12";
    case "OTHER":
      return payType === "01" ? undefined : "C10";
    default:
      return undefined;
  }
}

/** Installments (not lump sum, bonus or revolving) below this amount are refused with G75. */
export const INSTALLMENT_MINIMUM = 3000;

function expiryPassed(expYY: string, expMM: string, now: number): boolean {
  const { year, month } = jstYearMonth(now);
  const cardYear = 2000 + Number(expYY);
  return cardYear < year || (cardYear === year && Number(expMM) < month);
}

export interface ChargeDecision {
  responseCd: string;
  /** 認証結果1 (security code): 0 match, 1 mismatch, 8 not entered. */
  mcSecCd: string;
}

/**
 * What the "card company" answers for an authorization. Order: PayType/brand rules, installment minimum, expiry,
 * security code, then the card's forced outcome.
 */
export function decideCharge(card: CardData, payType: string | undefined, amount: number | undefined, now: number): ChargeDecision {
  const brand = detectBrand(card.cardNo);
  const listed = findTestCard(card.cardNo);
  const decline = (responseCd: string, mcSecCd = "0"): ChargeDecision => ({ responseCd, mcSecCd });

  if (payType !== undefined) {
    const error = payTypeError(brand, payType);
    if (error) return decline(error);
    if (amount !== undefined && amount < INSTALLMENT_MINIMUM && !["01", "80", "88"].includes(payType)) return decline("G75");
  }

  if (listed?.behaviour === "C13") return decline("C13");
  const expiryMismatch = listed !== undefined && (listed.expYY !== card.expYY || listed.expMM !== card.expMM);
  if (expiryMismatch || expiryPassed(card.expYY, card.expMM, now)) return decline("C13");

  if (listed?.behaviour === "K40") return decline("K40", "1");
  if (card.secCd === "") return decline("G45", "8");
  if (listed !== undefined && listed.secCd !== card.secCd) return decline("K40", "1");

  if (listed?.behaviour === "G12") return decline("G12");
  if (listed?.behaviour === "G55") return decline("G55");
  return { responseCd: "OK", mcSecCd: "0" };
}

export function isSlowCard(cardNo: string): boolean {
  return findTestCard(cardNo)?.behaviour === "slow";
}

export function isChallengeCard(cardNo: string): boolean {
  return findTestCard(cardNo)?.behaviour === "challenge";
}

/** Stored card considered expired (member status KaiinStatus=1, 4MemUnInval refused). */
export function cardExpired(card: CardData, now: number): boolean {
  return expiryPassed(card.expYY, card.expMM, now);
}
