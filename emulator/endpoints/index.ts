// The four server-to-server endpoints and the checks they all share.
import { commonErrors, type EndpointKind } from "../validation";
import { handleCard } from "./card";
import { fail, type CallContext, type Fields } from "./context";
import { handleCvs } from "./cvs";
import { handleMember } from "./member";
import { handleTokenSearch } from "./token";

export const SERVER_ENDPOINTS: Record<string, EndpointKind> = {
  "/online/aut/OAUT002.do": "card",
  "/online/crp/OCRP005.do": "member",
  "/online/atn/OATN005.do": "token",
  "/online/cnv/OCNV005.do": "cvs",
};

const HANDLERS: Record<EndpointKind, (ctx: CallContext) => Fields> = {
  card: handleCard,
  member: handleMember,
  token: handleTokenSearch,
  cvs: handleCvs,
};

export function runServerCall(kind: EndpointKind, ctx: CallContext): Fields {
  const errors = commonErrors(ctx.params, kind, ctx.deps.config, ctx.deps.clock.now());
  if (errors.length > 0) return fail(...errors);
  return HANDLERS[kind](ctx);
}

/** Every response echoes these request fields (§1.3) and carries a TransactionId. */
export function withEchoes(ctx: CallContext, fields: Fields): Record<string, string | undefined> {
  const { params } = ctx;
  const { ResponseCd, ...rest } = fields;
  return {
    TransactionId: ctx.transactionId,
    TransactionDate: params.TransactionDate,
    OperateId: params.OperateId,
    MerchantFree1: params.MerchantFree1,
    MerchantFree2: params.MerchantFree2,
    MerchantFree3: params.MerchantFree3,
    ...rest,
    ResponseCd,
  };
}
