import { createCardApi, type CardApi } from "./card";
import { DEFAULT_TIMEOUT_MS, validateConfig, type EscottConfig } from "./config";
import { createCvsApi, type CvsApi } from "./cvs";
import { resolveUrls, type PaymentPageRkbn } from "./hosts";
import { createMemberApi, type MemberApi } from "./member";
import { verifyNotification, type NotificationVerification } from "./notification";
import type { ClientContext } from "./operation";
import { makeRandomInt } from "./random";
import { createThreeDSApi, type ThreeDSApi } from "./three-d-secure";
import { createTokenApi, type TokenApi } from "./token";

export interface EscottClient {
  mode: EscottConfig["mode"];
  card: CardApi;
  member: MemberApi;
  token: TokenApi;
  cvs: CvsApi & {
    /** 入金結果通知: verifies MerchantId and HashCd against the configured CVS credentials. */
    verifyNotification(posted: Record<string, string> | URLSearchParams): NotificationVerification;
  };
  threeDS: ThreeDSApi;
  /** Browser-facing URLs; they follow mode and baseUrlOverride like the server endpoints. */
  urls: {
    /** Token script with k_TokenNinsyoCode; null without card credentials. */
    tokenScript: string | null;
    threeDSPage: string;
    cvsPaymentPage(freeArea: string, rkbn: PaymentPageRkbn): string;
  };
}

const DEFAULT_USER_AGENT = "escott-storefront/1.0 (node)";

/** Throws EscottConfigError (no secret values in it) for an unusable configuration; the calls never throw. */
export function createEscottClient(config: EscottConfig): EscottClient {
  validateConfig(config);
  const urls = resolveUrls(config.mode, config.baseUrlOverride);
  const ctx: ClientContext = {
    urls,
    timeoutMs: config.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    userAgent: config.userAgent ?? DEFAULT_USER_AGENT,
    now: config.now ?? (() => new Date()),
    randomInt: makeRandomInt(config.random),
    onCall: config.onCall,
    card: config.card ? { ...config.card } : undefined,
    cvs: config.cvs ? { ...config.cvs } : undefined,
  };
  const cvsCredentials = ctx.cvs;
  return {
    mode: config.mode,
    card: createCardApi(ctx),
    member: createMemberApi(ctx),
    token: createTokenApi(ctx),
    cvs: {
      ...createCvsApi(ctx),
      verifyNotification: (posted) =>
        cvsCredentials
          ? verifyNotification(posted, cvsCredentials)
          : { ok: false, reason: "not_configured", detail: "cvs credentials missing" },
    },
    threeDS: createThreeDSApi(ctx),
    urls: {
      tokenScript: ctx.card ? urls.tokenScript(ctx.card.tokenAuthCode) : null,
      threeDSPage: urls.threeDSPage,
      cvsPaymentPage: (freeArea, rkbn) => urls.cvsPaymentPage(freeArea, rkbn),
    },
  };
}
