// e-SCOTT's names for its operations and the response codes the shop acts on, as constants, so
// that code outside lib/escott never spells a wire name (docs/escott-protocol.md §3, §9). Browser
// code may import this module: it has no dependencies.

/** OperateId of every request and page flow we use (§3.1). */
export const OPERATE_ID = {
  tokenSearch: "1TokenSearch",
  /** 与信 */
  auth: "1Auth",
  /** 与信売上計上 */
  gathering: "1Gathering",
  /** 売上計上 */
  capture: "1Capture",
  /** 利用額変更 */
  change: "1Change",
  /** 取消 */
  delete: "1Delete",
  /** 取引照会 */
  search: "1Search",
  /** 再オーソリ */
  reAuth: "1ReAuth",
  /** The 3-D Secure page at checkout. */
  threeDSecure: "3Secure",
  memberAdd: "4MemAdd",
  memberChange: "4MemChg",
  memberReference: "4MemRefM",
  memberInvalidate: "4MemInval",
  memberDelete: "4MemDel",
  /** オンライン収納代行: 登録, 変更, 削除, 照会 */
  cvsAdd: "2Add",
  cvsChange: "2Chg",
  cvsDelete: "2Del",
  cvsReference: "2Ref",
} as const;
export type OperateId = (typeof OPERATE_ID)[keyof typeof OPERATE_ID];

/** 処理区分 of a card checkout: authorize only, or authorize and capture at once (§3.2). */
export const CARD_CHECKOUT_OPERATIONS = [OPERATE_ID.auth, OPERATE_ID.gathering] as const;
export type CardCheckoutOperation = (typeof CARD_CHECKOUT_OPERATIONS)[number];

/** Member registration through the 3-D Secure page (My Account). */
export const MEMBER_REGISTRATIONS = [OPERATE_ID.memberAdd, OPERATE_ID.memberChange] as const;
export type MemberRegistration = (typeof MEMBER_REGISTRATIONS)[number];

/** The response codes the shop decides on (meanings: CODE_CATALOG in ./codes, §9). */
export const RESPONSE_CODE = {
  ok: "OK",
  /** Our own code for "no usable answer" (timeout, reset, garbage). */
  ng: "NG",
  /** ProcessId/ProcessPass match no transaction — also a transaction gone (expired, deleted at e-SCOTT). */
  transactionGone: "K12",
  /** The operation is not allowed in the transaction's state (e.g. 2Del of a registration already paid). */
  stateConflict: "K14",
  /** KaiinId/KaiinPass unknown: no such card member. */
  memberUnknown: "K71",
  /** The member is not valid (already invalidated). */
  memberInvalid: "K75",
  /** The transaction was made without a member: send the process request without KaiinId. */
  memberNotOnTransaction: "K81",
} as const;

/** What the browser token script reports when it gives no token and no code (§4.3). */
export const TOKEN_UNKNOWN_ERROR = "K99";

export type TokenInputProblem = "cardNumber" | "expiry" | "securityCode";

const TOKEN_INPUT_CODES: Record<string, TokenInputProblem> = { K20: "cardNumber", K82: "cardNumber", K21: "expiry", K24: "securityCode" };

/** Which card form field the token script's codes ("K20|K24") blame; empty for other failures. */
export function tokenInputProblems(codes: string): TokenInputProblem[] {
  return [...new Set(codes.split("|").flatMap((c) => (TOKEN_INPUT_CODES[c] ? [TOKEN_INPUT_CODES[c]] : [])))];
}
