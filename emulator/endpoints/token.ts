// OATN005: 1TokenSearch (§3.3, §12.7). Does not consume the token.
import { isSlowCard } from "../cards";
import { TOKEN_PATTERN } from "../validation";
import { fail, lookupToken, type CallContext, type Fields } from "./context";

/**
 * A missing/malformed Token is a request error (ResponseCd=KHX). Otherwise the request itself is OK and the token's
 * own state goes into TokenResponseCd: OK, KHZ (unknown), KI1 (bad k_TokenNinsyoCode), KI2 (used), KI3 (expired).
 */
export function handleTokenSearch(ctx: CallContext): Fields {
  const { deps, params } = ctx;
  if (params.Token === undefined || !TOKEN_PATTERN.test(params.Token.toLowerCase())) return fail("KHX");
  const token = deps.state.tokens.get(params.Token.toLowerCase());
  if (token && isSlowCard(token.card.cardNo)) ctx.slow = true;
  const lookup = lookupToken(deps, params.Token);
  return { ResponseCd: "OK", TokenResponseCd: lookup.ok ? "OK" : lookup.code };
}
