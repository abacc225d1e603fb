// OAUT002: card master requests (1Auth, 1Gathering, 1Check) and process requests (1Capture, 1Change, 1Delete,
// 1Search, 1ReAuth) with the state machine of §12.8.
import { COMPANY_CODES, decideCharge, detectBrand, isSlowCard, type CardData } from "../cards";
import { DAY_MS, ymd } from "../clock";
import { newApproveNo, newProcessId, newProcessPass } from "../ids";
import type { CardStatus, CardTransaction, MemberRecord, ThreeDSRecord, TokenRecord } from "../state";
import { verifyForwardedThreeDS } from "../tds-values";
import {
  kaiinIdError,
  kaiinPassError,
  parseAmount,
  payTypeFormatError,
  PROCESS_ID_PATTERN,
  salesDateError,
  TOKEN_PATTERN,
} from "../validation";
import {
  authenticateMember,
  consumeToken,
  duplicateKey,
  fail,
  historyEntry,
  isDuplicate,
  lookupToken,
  rememberMaster,
  type CallContext,
  type Deps,
  type Fields,
  type Lookup,
} from "./context";

/** Authorizations (not captured) can no longer be handled after this many days → K12. */
export const AUTH_VALIDITY_DAYS = 60;

export function handleCard(ctx: CallContext): Fields {
  const op = ctx.params.OperateId ?? "";
  if (op === "1Auth" || op === "1Gathering" || op === "1Check") return cardMaster(ctx, op);
  return processRequest(ctx, op);
}

export interface ResolvedCard {
  card: CardData;
  token?: TokenRecord;
  member?: MemberRecord;
}

/** Card source of a payment: exactly one of Token or KaiinId+KaiinPass (both or neither → K01). */
export function resolvePaymentCard(deps: Deps, params: CallContext["params"]): Lookup<ResolvedCard> {
  const hasToken = params.Token !== undefined;
  const hasMember = params.KaiinId !== undefined || params.KaiinPass !== undefined;
  if (hasToken === hasMember) return { ok: false, code: "K01" };
  if (hasToken) {
    const token = lookupToken(deps, params.Token);
    return token.ok ? { ok: true, value: { card: token.value.card, token: token.value } } : token;
  }
  const member = authenticateMember(deps, params.KaiinId ?? "", params.KaiinPass ?? "");
  if (!member.ok) return member;
  if (member.value.status !== "valid") return { ok: false, code: "K75" };
  return { ok: true, value: { card: member.value.card, member: member.value } };
}

/**
 * 1Auth / 1Gathering / 1Check. Also used by the 3DS page for the "authentication + authorization" mode, which passes
 * the 3DS record it has just produced instead of forwarded values.
 */
export function cardMaster(ctx: CallContext, op: "1Auth" | "1Gathering" | "1Check", threeDSFromPage?: ThreeDSRecord): Fields {
  const { deps, params } = ctx;
  const now = deps.clock.now();
  const isCheck = op === "1Check";

  const errors: string[] = [];
  const amount = parseAmount(params.Amount);
  if (amount === undefined && (!isCheck || params.Amount !== undefined)) errors.push("K23");
  if (!isCheck || params.PayType !== undefined) {
    const payTypeError = payTypeFormatError(params.PayType);
    if (payTypeError) errors.push(payTypeError);
  }
  if (params.KaiinId !== undefined) {
    const e = kaiinIdError(params.KaiinId);
    if (e) errors.push(e);
  }
  if (params.KaiinPass !== undefined) {
    const e = kaiinPassError(params.KaiinPass);
    if (e) errors.push(e);
  }
  if (params.Token !== undefined && !TOKEN_PATTERN.test(params.Token.toLowerCase())) errors.push("KHX");
  if (errors.length > 0) return fail(...errors);

  const dupKey = duplicateKey("card", params);
  if (isDuplicate(deps, dupKey)) return fail("KBX");

  const resolved = resolvePaymentCard(deps, params);
  if (!resolved.ok) return fail(resolved.code);
  const { card, token, member } = resolved.value;
  if (isSlowCard(card.cardNo)) ctx.slow = true;

  let threeDS = threeDSFromPage;
  if (!threeDS) {
    const forwarded = verifyForwardedThreeDS(deps, params, card.cardNo);
    if (!forwarded.ok) return fail(forwarded.code);
    threeDS = forwarded.value;
  }

  const decision = decideCharge(card, params.PayType, amount, now);
  if (decision.responseCd !== "OK") return { ResponseCd: decision.responseCd, McSecCd: decision.mcSecCd };

  if (token && !isCheck) consumeToken(deps, token, op);
  threeDS?.usedBy.push(`${op} ${ctx.transactionId}`);
  rememberMaster(deps, dupKey);

  const status: CardStatus = op === "1Gathering" ? "SALES" : op === "1Check" ? "CHECK" : "AUTH";
  const tx: CardTransaction = {
    processId: newProcessId(),
    processPass: newProcessPass(),
    masterOperateId: op,
    status,
    amount,
    payType: params.PayType,
    salesDate: status === "SALES" ? ymd(now) : undefined,
    merchantFree1: params.MerchantFree1,
    merchantFree2: params.MerchantFree2,
    merchantFree3: params.MerchantFree3,
    kaiinId: member?.kaiinId,
    card: { ...card },
    companyCd: COMPANY_CODES[detectBrand(card.cardNo)],
    approveNo: newApproveNo(),
    authorizedAt: now,
    createdAt: now,
    token: token?.token,
    threeDS: threeDS?.values,
    history: [],
  };
  tx.history.push(historyEntry(ctx, "OK", { amount, salesDate: tx.salesDate }));
  deps.state.transactions.set(tx.processId, tx);
  deps.state.changed();

  return {
    ResponseCd: "OK",
    ProcessId: tx.processId,
    ProcessPass: tx.processPass,
    CompanyCd: tx.companyCd,
    ApproveNo: tx.approveNo,
    McSecCd: decision.mcSecCd,
    SalesDate: tx.salesDate,
    KaiinId: tx.kaiinId,
  };
}

/** Which process requests each state allows (§12.8). */
const ALLOWED: Record<CardStatus, readonly string[]> = {
  AUTH: ["1Capture", "1Change", "1Delete", "1ReAuth", "1Search"],
  SALES: ["1Change", "1Delete", "1Search"],
  CANCEL: ["1ReAuth", "1Search"],
  CHECK: ["1Search"],
};

function isExpired(tx: CardTransaction, now: number): boolean {
  return tx.status !== "SALES" && now - tx.authorizedAt > AUTH_VALIDITY_DAYS * DAY_MS;
}

function processRequest(ctx: CallContext, op: string): Fields {
  const { deps, params } = ctx;
  const now = deps.clock.now();

  const errors: string[] = [];
  if (params.ProcessId === undefined || !PROCESS_ID_PATTERN.test(params.ProcessId)) errors.push("K10");
  if (params.ProcessPass === undefined || !PROCESS_ID_PATTERN.test(params.ProcessPass)) errors.push("K11");
  const amount = parseAmount(params.Amount);
  if ((op === "1Change" || op === "1ReAuth") && amount === undefined) errors.push("K23");
  if (op === "1Capture" || op === "1ReAuth") {
    const e = salesDateError(params.SalesDate, now);
    if (e) errors.push(e);
  }
  if (params.KaiinId !== undefined) {
    const e = kaiinIdError(params.KaiinId);
    if (e) errors.push(e);
  }
  if (errors.length > 0) return fail(...errors);

  const tx = deps.state.transactions.get(params.ProcessId ?? "");
  if (!tx || tx.processPass !== params.ProcessPass) return fail("K12");
  const echo = { ProcessId: tx.processId, ProcessPass: tx.processPass };
  const reject = (code: string): Fields => {
    tx.history.push(historyEntry(ctx, code));
    deps.state.changed();
    return { ...echo, ResponseCd: code };
  };

  if (isSlowCard(tx.card.cardNo)) ctx.slow = true;
  if (isExpired(tx, now)) return reject("K12");
  if (tx.kaiinId !== undefined && params.KaiinId === undefined) return reject("K80");
  if (tx.kaiinId === undefined && params.KaiinId !== undefined) return reject("K81");
  if (tx.kaiinId !== undefined && params.KaiinId !== tx.kaiinId) return reject("K71");
  if (!ALLOWED[tx.status].includes(op)) return reject("K14");

  switch (op) {
    case "1Search":
      tx.history.push(historyEntry(ctx, "OK"));
      deps.state.changed();
      return {
        ...echo,
        ResponseCd: "OK",
        Amount: tx.amount !== undefined ? String(tx.amount) : undefined,
        SalesDate: tx.status === "SALES" ? tx.salesDate : undefined,
        KessaiStatus: tx.status,
        LastOperateId: [...tx.history].reverse().find((h) => h.responseCd === "OK" && h.operateId !== "1Search")?.operateId,
        PayType: tx.payType,
        CompanyCd: tx.companyCd,
        ApproveNo: tx.approveNo,
      };
    case "1Capture":
      tx.status = "SALES";
      tx.salesDate = params.SalesDate;
      tx.history.push(historyEntry(ctx, "OK", { salesDate: tx.salesDate }));
      deps.state.changed();
      return { ...echo, ResponseCd: "OK", SalesDate: tx.salesDate };
    case "1Change":
      if (amount === tx.amount) return reject("K23");
      tx.amount = amount;
      tx.history.push(historyEntry(ctx, "OK", { amount }));
      deps.state.changed();
      return { ...echo, ResponseCd: "OK", Amount: String(amount), SalesDate: tx.status === "SALES" ? tx.salesDate : undefined };
    case "1Delete":
      tx.status = "CANCEL";
      tx.history.push(historyEntry(ctx, "OK"));
      deps.state.changed();
      return { ...echo, ResponseCd: "OK" };
    case "1ReAuth": {
      const decision = decideCharge(tx.card, tx.payType, amount, now);
      if (decision.responseCd !== "OK") return reject(decision.responseCd);
      // A re-authorization restarts the validity window and ends in the state the master produced.
      tx.status = tx.masterOperateId === "1Gathering" ? "SALES" : "AUTH";
      tx.salesDate = tx.status === "SALES" ? params.SalesDate : undefined;
      tx.amount = amount;
      tx.authorizedAt = now;
      tx.approveNo = newApproveNo();
      tx.history.push(historyEntry(ctx, "OK", { amount, salesDate: tx.salesDate }));
      deps.state.changed();
      return {
        ...echo,
        ResponseCd: "OK",
        ApproveNo: tx.approveNo,
        CompanyCd: tx.companyCd,
        Amount: String(amount),
        SalesDate: params.SalesDate,
      };
    }
    default:
      return reject("K06");
  }
}
