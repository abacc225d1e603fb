// e-SCOTT's token script (docs/escott-protocol.md §4): loaded from e-SCOTT's host with the attributes it reads
// (class="spsvToken", callBackFunc = the name of our global callback). Card data goes to it and
// nowhere else; we get back an opaque token and the masked number.
import type { FieldErrors } from "@/lib/checkout/address-schema";
import { tokenInputProblems, TOKEN_UNKNOWN_ERROR } from "@/lib/escott/names";
import { TOKEN_CALLBACK_NAME } from "@/lib/payments/card/client-data";

interface SpsvApi {
  spsvCreateToken(cardNo: string, expYY: string, expMM: string, secCd: string, birthMM: string, birthDD: string, telNo: string, kanaSei: string, kanaMei: string): void;
}

type TokenWindow = Window & { SpsvApi?: SpsvApi } & Record<string, unknown>;

let loading: { src: string; promise: Promise<void> } | null = null;

export function loadTokenScript(src: string): Promise<void> {
  if (loading?.src === src) return loading.promise;
  const promise = new Promise<void>((resolve, reject) => {
    const script = document.createElement("script");
    script.src = src;
    script.className = "spsvToken";
    script.setAttribute("callBackFunc", TOKEN_CALLBACK_NAME);
    script.async = true;
    // Allowed by its origin (script-src, proxy.ts); the page's nonce as well, should the policy ever rely on it.
    const nonce = document.querySelector<HTMLScriptElement>("script[nonce]")?.nonce;
    if (nonce) script.nonce = nonce;
    script.onload = () => resolve();
    script.onerror = () => {
      loading = null;
      script.remove();
      reject(new Error("token script failed to load"));
    };
    document.head.appendChild(script);
  });
  loading = { src, promise };
  return promise;
}

export interface CardData {
  number: string;
  month: string;
  year: string;
  securityCode: string;
}

export type TokenResult = { ok: true; token: string; maskedCard: string } | { ok: false; code: string };

/** "script": the script could not be used; "timeout": no callback; otherwise e-SCOTT's code (K20, K21…). */
export async function createToken(src: string, card: CardData, timeoutMs = 20_000): Promise<TokenResult> {
  try {
    await loadTokenScript(src);
  } catch {
    return { ok: false, code: "script" };
  }
  const w = window as unknown as TokenWindow;
  const api = w.SpsvApi;
  if (!api || typeof api.spsvCreateToken !== "function") return { ok: false, code: "script" };
  return new Promise<TokenResult>((resolve) => {
    const finish = (result: TokenResult) => {
      clearTimeout(timer);
      delete w[TOKEN_CALLBACK_NAME];
      resolve(result);
    };
    const timer = setTimeout(() => finish({ ok: false, code: "timeout" }), timeoutMs);
    w[TOKEN_CALLBACK_NAME] = (token: string, maskedCard: string, code?: string) =>
      finish(token ? { ok: true, token, maskedCard } : { ok: false, code: code || TOKEN_UNKNOWN_ERROR });
    // Year before month (§4.2); no 認証アシスト items.
    api.spsvCreateToken(card.number, card.year, card.month, card.securityCode, "", "", "", "", "");
  });
}

/** Field errors for the token script's input codes; anything else is a general failure. */
export function tokenErrors(code: string): FieldErrors | null {
  const errors: FieldErrors = {};
  for (const problem of tokenInputProblems(code)) {
    if (problem === "cardNumber") errors["payment.cardNumber"] = "card.numberFormat";
    if (problem === "expiry") errors["payment.expiry"] = "card.expiryRequired";
    if (problem === "securityCode") errors["payment.securityCode"] = "card.securityCodeFormat";
  }
  return Object.keys(errors).length > 0 ? errors : null;
}
