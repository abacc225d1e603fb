// OCRP005: card members (stored cards) — §3.5, §8, §12.9.
import { cardExpired, COMPANY_CODES, detectBrand, isSlowCard, maskCardNo } from "../cards";
import { ymd } from "../clock";
import type { MemberRecord } from "../state";
import { kaiinIdError, kaiinPassError } from "../validation";
import {
  authenticateMember,
  consumeToken,
  fail,
  historyEntry,
  lookupToken,
  MEMBER_LOCK_THRESHOLD,
  type CallContext,
  type Fields,
} from "./context";

/** 会員ステータス: 0 有効, 1 カード無効 (expired card), 2 ログイン回数無効 (locked), 3 会員無効, 4 会員削除. */
export function kaiinStatus(member: MemberRecord, now: number): string {
  if (member.status === "deleted") return "4";
  if (member.status === "invalid") return "3";
  if (member.failedLogins >= MEMBER_LOCK_THRESHOLD) return "2";
  if (cardExpired(member.card, now)) return "1";
  return "0";
}

export function handleMember(ctx: CallContext): Fields {
  const { params } = ctx;
  const op = params.OperateId ?? "";
  const errors: string[] = [];
  const idError = kaiinIdError(params.KaiinId);
  if (idError) errors.push(idError);
  const passError = kaiinPassError(params.KaiinPass);
  if (passError) errors.push(passError);
  if (errors.length > 0) return fail(...errors);

  if (op === "4MemAdd") return memberAdd(ctx);
  if (op === "4MemChg") return memberChange(ctx);
  return memberExisting(ctx, op);
}

function record(ctx: CallContext, member: MemberRecord, fields: Fields): Fields {
  member.history.push(historyEntry(ctx, fields.ResponseCd));
  ctx.deps.state.changed();
  return fields;
}

/** 4MemAdd with a Token: a KaiinId that exists or ever existed → K69; the token is consumed. */
export function memberAdd(ctx: CallContext): Fields {
  const { deps, params } = ctx;
  const kaiinId = params.KaiinId ?? "";
  const token = lookupToken(deps, params.Token);
  if (token.ok && isSlowCard(token.value.card.cardNo)) ctx.slow = true;
  if (deps.state.members.has(kaiinId)) return fail("K69");
  if (!token.ok) return fail(token.code);

  const now = deps.clock.now();
  consumeToken(deps, token.value, "4MemAdd");
  const member: MemberRecord = {
    kaiinId,
    kaiinPass: params.KaiinPass ?? "",
    card: { ...token.value.card },
    status: "valid",
    failedLogins: 0,
    enableDate: ymd(now),
    createdAt: now,
    updatedAt: now,
    merchantFree3: params.MerchantFree3,
    history: [],
  };
  deps.state.members.set(kaiinId, member);
  return record(ctx, member, { ResponseCd: "OK", KaiinId: kaiinId, CompanyCd: COMPANY_CODES[detectBrand(member.card.cardNo)] });
}

/** 4MemChg with a Token: replaces the stored card of a valid member; the token is consumed. */
export function memberChange(ctx: CallContext): Fields {
  const { deps, params } = ctx;
  const auth = authenticateMember(deps, params.KaiinId ?? "", params.KaiinPass ?? "");
  if (!auth.ok) return fail(auth.code);
  const member = auth.value;
  const token = lookupToken(deps, params.Token);
  if ((token.ok && isSlowCard(token.value.card.cardNo)) || isSlowCard(member.card.cardNo)) ctx.slow = true;
  if (member.status !== "valid") return record(ctx, member, fail("K75"));
  if (!token.ok) return record(ctx, member, fail(token.code));

  consumeToken(deps, token.value, "4MemChg");
  member.card = { ...token.value.card };
  member.updatedAt = deps.clock.now();
  return record(ctx, member, { ResponseCd: "OK", KaiinId: member.kaiinId, CompanyCd: COMPANY_CODES[detectBrand(member.card.cardNo)] });
}

function memberExisting(ctx: CallContext, op: string): Fields {
  const { deps, params } = ctx;
  const now = deps.clock.now();
  const auth = authenticateMember(deps, params.KaiinId ?? "", params.KaiinPass ?? "");
  if (!auth.ok) return fail(auth.code);
  const member = auth.value;
  if (isSlowCard(member.card.cardNo)) ctx.slow = true;

  switch (op) {
    case "4MemRefM":
    case "4MemRef":
      return record(ctx, member, {
        ResponseCd: "OK",
        KaiinId: member.kaiinId,
        // 4MemRefM masks (first 4 + last 4 kept); 4MemRef returns the full number.
        CardNo: op === "4MemRefM" ? maskCardNo(member.card.cardNo) : member.card.cardNo,
        CardExp: `${member.card.expYY}${member.card.expMM}`,
        KaiinStatus: kaiinStatus(member, now),
        KaiinEnableDate: member.enableDate,
        CompanyCd: COMPANY_CODES[detectBrand(member.card.cardNo)],
      });
    case "4MemInval":
      if (member.status !== "valid") return record(ctx, member, fail("K75"));
      member.status = "invalid";
      member.updatedAt = now;
      return record(ctx, member, { ResponseCd: "OK", KaiinId: member.kaiinId });
    case "4MemUnInval":
      if (member.status === "valid") return record(ctx, member, fail("K73"));
      if (cardExpired(member.card, now)) return record(ctx, member, fail("C13"));
      member.status = "valid";
      member.enableDate = ymd(now);
      member.updatedAt = now;
      return record(ctx, member, { ResponseCd: "OK", KaiinId: member.kaiinId });
    case "4MemDel":
      if (member.status !== "invalid") return record(ctx, member, fail("K70"));
      member.status = "deleted";
      member.updatedAt = now;
      return record(ctx, member, { ResponseCd: "OK", KaiinId: member.kaiinId });
    default:
      return fail("K06");
  }
}
