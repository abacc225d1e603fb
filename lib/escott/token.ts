import { z } from "zod";
import { splitResponseCodes } from "./codec";
import * as f from "./field-schemas";
import { runOperation, type ClientContext, type OperationDefinition } from "./operation";
import type { EscottResult } from "./result";

// 1TokenSearch on OATN005 (docs/escott-protocol.md §3.3): checks a fresh token before it is used; does not consume it.

export interface TokenSearchParams {
  token: string;
  /** MerchantFree2 (checkout). */
  orderId?: string;
  /** MerchantFree3 (My Account). */
  userId?: string;
  amount?: number;
  transactionCode?: string;
}

export interface TokenSearchData {
  tokenResponseCd: "OK";
}

const params = z.object({
  token: f.text,
  orderId: f.text.optional(),
  userId: f.text.optional(),
  amount: f.amount.optional(),
  transactionCode: f.transactionCode,
}) satisfies z.ZodType<TokenSearchParams>;

const definition: OperationDefinition<TokenSearchParams, TokenSearchData> = {
  operateId: "1TokenSearch",
  endpoint: "token",
  credentials: "card",
  params,
  buildFields: (p, { common }) => ({
    ...common({ orderId: p.orderId, userId: p.userId }),
    ...(p.amount !== undefined ? { Amount: String(p.amount) } : {}),
    Token: p.token,
  }),
  // Success needs ResponseCd=OK *and* TokenResponseCd=OK; a missing TokenResponseCd is invalid_response.
  rejectionCodes: (raw) => {
    const codes = splitResponseCodes(raw.TokenResponseCd);
    return codes.length > 0 && !(codes.length === 1 && codes[0] === "OK") ? codes.filter((c) => c !== "OK") : [];
  },
  response: z
    .object({ TokenResponseCd: z.literal("OK", "TokenResponseCd must be OK") })
    .transform((): TokenSearchData => ({ tokenResponseCd: "OK" })),
};

export interface TokenApi {
  /** 1TokenSearch: ok only when both ResponseCd and TokenResponseCd are OK. */
  search(params: TokenSearchParams): Promise<EscottResult<TokenSearchData>>;
}

export function createTokenApi(ctx: ClientContext): TokenApi {
  return { search: (p) => runOperation(ctx, definition, p) };
}
