// docs/escott-protocol.md §1.1. One switch moves every URL (server endpoints and browser-facing pages) together,
// so a shop can never talk to production for card payments and to the test host for the token script.

export type EscottMode = "test" | "production";

export type EndpointKind = "card" | "member" | "token" | "cvs";

export const ENDPOINT_PATHS: Readonly<Record<EndpointKind, string>> = {
  card: "/online/aut/OAUT002.do",
  member: "/online/crp/OCRP005.do",
  token: "/online/atn/OATN005.do",
  cvs: "/online/cnv/OCNV005.do",
};

export const TOKEN_SCRIPT_PATH = "/euser/stn/CdGetJavaScript.do";
export const THREE_DS_PAGE_PATH = "/online/tds/OTDS010.do";

const ESCOTT_ORIGIN: Readonly<Record<EscottMode, string>> = {
  production: "https://www.e-scott.jp",
  test: "https://www.test.e-scott.jp",
};

const KESSAI_ORIGIN = "https://link.kessai.info";

const JLPCON_PATH: Readonly<Record<EscottMode, string>> = {
  production: "/JLP/JLPcon",
  test: "/JLPCT/JLPcon",
};

/** rkbn 1 = immediate redirect after 2Add, 2 = later links (e-mail, order page) — §7.1. */
export type PaymentPageRkbn = 1 | 2;

export interface EscottUrls {
  endpoint(kind: EndpointKind): string;
  tokenScript(tokenAuthCode: string): string;
  threeDSPage: string;
  cvsPaymentPage(freeArea: string, rkbn: PaymentPageRkbn): string;
}

/** `baseUrlOverride` (e.g. the local emulator) replaces both e-SCOTT and link.kessai.info origins. */
export function resolveUrls(mode: EscottMode, baseUrlOverride?: string): EscottUrls {
  const base = baseUrlOverride?.replace(/\/+$/, "");
  const escott = base ?? ESCOTT_ORIGIN[mode];
  const kessai = base ?? KESSAI_ORIGIN;
  return {
    endpoint: (kind) => escott + ENDPOINT_PATHS[kind],
    tokenScript: (code) => `${escott}${TOKEN_SCRIPT_PATH}?k_TokenNinsyoCode=${encodeURIComponent(code)}`,
    threeDSPage: escott + THREE_DS_PAGE_PATH,
    cvsPaymentPage: (freeArea, rkbn) =>
      `${kessai}${JLPCON_PATH[mode]}?code=${encodeURIComponent(freeArea.trim())}&rkbn=${rkbn}`,
  };
}

/** Payment page URL without a client (e.g. in an e-mail template): same rules as the client's. */
export function paymentPageUrl(
  freeArea: string,
  rkbn: PaymentPageRkbn,
  config: { mode: EscottMode; baseUrlOverride?: string },
): string {
  return resolveUrls(config.mode, config.baseUrlOverride).cvsPaymentPage(freeArea, rkbn);
}
