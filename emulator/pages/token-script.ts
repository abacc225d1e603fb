// Token JavaScript (§4, §12.14) and the emulator-only endpoint it posts card data to.
//
// Callback contract (documented in the README; the real error behaviour is undocumented, §14.4):
//   success: window[callBackFunc](token, maskedCard)            token = 32 lowercase hex, maskedCard = 4123********0300
//   failure: window[callBackFunc]("", "", errorCode)            errorCode = K20|K21|K24|K82 (joined with "|"), K99 network
import { findTestCard, maskCardNo, tokenInputErrors } from "../cards";
import type { Params } from "../codec";
import type { Deps } from "../endpoints/context";
import { newToken } from "../ids";
import type { TokenRecord } from "../state";

export const TOKEN_SCRIPT_PATH = "/euser/stn/CdGetJavaScript.do";
export const TOKEN_CREATE_PATH = "/euser/stn/CdCreateToken.do";

export type TokenCreation = { token: string; maskedCard: string } | { errorCode: string };

/** Register card data and issue a token. An unknown k_TokenNinsyoCode still yields a token, rejected later with KI1. */
export function createToken(deps: Deps, params: Params): TokenCreation {
  const card = {
    cardNo: (params.cardNo ?? "").replace(/[\s-]/g, ""),
    expYY: params.expYY ?? "",
    expMM: params.expMM ?? "",
    secCd: params.secCd ?? "",
  };
  const errors = tokenInputErrors(card);
  if (errors.length > 0) return { errorCode: errors.join("|") };

  const now = deps.clock.now();
  const authCode = params.k_TokenNinsyoCode ?? "";
  const record: TokenRecord = {
    token: newToken(),
    card,
    authCode,
    authCodeValid: authCode === deps.config.card.tokenAuthCode,
    createdAt: now,
    expiresAt: now + deps.config.tokenTtlMs,
    assist: Object.fromEntries(
      (["birthMM", "birthDD", "telNo", "kanaSei", "kanaMei"] as const).flatMap((k) => (params[k] !== undefined ? [[k, params[k]]] : [])),
    ),
  };
  deps.state.tokens.set(record.token, record);
  deps.state.changed();
  deps.log(`token ${record.token} for ${maskCardNo(card.cardNo)}${findTestCard(card.cardNo) ? " (test card)" : ""}${record.authCodeValid ? "" : " [unknown k_TokenNinsyoCode → KI1]"}`);
  return { token: record.token, maskedCard: maskCardNo(card.cardNo) };
}

/**
 * The browser script. ES5 on purpose (old checkout pages) and no dependency on URL/URLSearchParams so it can be
 * evaluated in a bare node:vm context by the tests.
 */
export function renderTokenScript(authCode: string, fallbackBaseUrl: string): string {
  return `/* e-SCOTT Smart emulator token script — not the real Sony Payment Services script */
(function () {
  "use strict";
  var w = typeof window !== "undefined" ? window : globalThis;
  var doc = w.document;
  var AUTH_CODE = ${JSON.stringify(authCode)};
  var FALLBACK_BASE = ${JSON.stringify(fallbackBaseUrl)};
  var CREATE_PATH = ${JSON.stringify(TOKEN_CREATE_PATH)};

  function isTokenTag(el) {
    return !!el && /(^|\\s)spsvToken(\\s|$)/.test(el.className || (el.getAttribute && el.getAttribute("class")) || "");
  }
  function findTag() {
    var current = doc && doc.currentScript;
    if (isTokenTag(current)) return current;
    var tags = doc && doc.querySelectorAll ? doc.querySelectorAll("script.spsvToken") : [];
    if (tags && tags.length) return tags[tags.length - 1];
    return current || null;
  }
  // Remember our own tag while it is "current"; fall back to a lookup at call time (tag replaced by an SPA).
  var ownTag = findTag();
  function tag() {
    return ownTag && ownTag.isConnected !== false ? ownTag : findTag();
  }
  function callbackName() {
    var t = tag();
    var name = t && t.getAttribute ? t.getAttribute("callBackFunc") : null;
    return name || "";
  }
  function baseUrl() {
    var t = tag();
    var src = (t && (t.src || (t.getAttribute && t.getAttribute("src")))) || "";
    var m = /^(https?:\\/\\/[^\\/?#]+)/i.exec(src);
    return m ? m[1] : FALLBACK_BASE;
  }
  function respond(args) {
    var name = callbackName();
    var fn = name ? w[name] : undefined;
    if (typeof fn !== "function") {
      if (w.console) w.console.error("SpsvApi: callback function \\"" + name + "\\" (callBackFunc attribute) not found");
      return;
    }
    fn.apply(w, args);
  }
  function str(v) {
    return v === undefined || v === null ? "" : String(v);
  }
  function encode(fields) {
    var parts = [];
    for (var k in fields) {
      if (Object.prototype.hasOwnProperty.call(fields, k)) {
        parts.push(encodeURIComponent(k) + "=" + encodeURIComponent(fields[k]).replace(/%20/g, "+"));
      }
    }
    return parts.join("&");
  }

  w.SpsvApi = {
    spsvCreateToken: function (cardNo, expYY, expMM, secCd, birthMM, birthDD, telNo, kanaSei, kanaMei) {
      var body = encode({
        k_TokenNinsyoCode: AUTH_CODE,
        cardNo: str(cardNo), expYY: str(expYY), expMM: str(expMM), secCd: str(secCd),
        birthMM: str(birthMM), birthDD: str(birthDD), telNo: str(telNo), kanaSei: str(kanaSei), kanaMei: str(kanaMei)
      });
      w.fetch(baseUrl() + CREATE_PATH, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: body
      }).then(function (response) {
        return response.json();
      }).then(function (result) {
        if (result && result.token) respond([result.token, result.maskedCard]);
        else respond(["", "", (result && result.errorCode) || "K99"]);
      }, function () {
        respond(["", "", "K99"]);
      });
    }
  };
})();
`;
}
