// OTDS010 — the 3-D Secure page (§6, §12.12). The browser arrives with MerchantId + EncryptValue; frictionless cards
// go straight back, the challenge card shows a chooser where the tester picks SecureResultCode. The way back is
// always an auto-POSTed form to RedirectUrl carrying a single EncryptValue field.
import { isChallengeCard, maskCardNo, type CardData } from "../cards";
import { emptyParams, encodeForm, parsePlaintext, type Params } from "../codec";
import { decryptValue, encryptValue } from "../crypto";
import { cardMaster, resolvePaymentCard } from "../endpoints/card";
import { authenticateMember, lookupToken, type CallContext, type Deps, type Fields } from "../endpoints/context";
import { memberAdd, memberChange } from "../endpoints/member";
import { newSessionId } from "../ids";
import {
  generateThreeDSValues,
  NOT_PERFORMED_CODES,
  PROCEED_CODES,
  rememberThreeDS,
  SECURE_RESULT_CODES,
  SECURE_RESULT_LABELS,
} from "../tds-values";
import {
  isHttpUrl,
  kaiinIdError,
  kaiinPassError,
  merchantFree1Error,
  merchantFree2Error,
  merchantFree3Error,
  parseAmount,
  payTypeFormatError,
  TDS_OPERATIONS,
  TOKEN_PATTERN,
  transactionDateError,
} from "../validation";
import { autoPostPage, esc, page } from "./html";

export const TDS_PATH = "/online/tds/OTDS010.do";
export const TDS_CHALLENGE_PATH = "/online/tds/OTDS010Challenge.do";

export interface HtmlResult {
  status: number;
  html: string;
}

export function errorPage(code: string, message: string): HtmlResult {
  return {
    status: 400,
    html: page("3-D セキュア エラー / 3-D Secure error", `<section class="notice"><p class="ng">${esc(code)}</p><p>${esc(message)}</p></section>`),
  };
}

/** The way back: encrypt the result fields and auto-POST them to RedirectUrl (query string kept verbatim). */
export function returnToShop(deps: Deps, plain: Params, fields: Record<string, string | undefined>): HtmlResult {
  const clean = Object.fromEntries(Object.entries(fields).filter((e): e is [string, string] => e[1] !== undefined && e[1] !== ""));
  const encrypted = encryptValue(encodeForm(clean), deps.config.card.aesKey, deps.config.card.aesIv);
  deps.log(`${plain.ProcNo === "0000000" ? "link page" : "3DS"} ${plain.OperateId} ${plain.MerchantFree1 ?? ""} → ${clean.ResponseCd} SecureResultCode=${clean.SecureResultCode ?? "-"}`);
  return {
    status: 200,
    html: autoPostPage("3-D セキュア / 3-D Secure", plain.RedirectUrl ?? "", { EncryptValue: encrypted }, "ショップへ戻ります… / Returning to the shop…"),
  };
}

export function baseFields(deps: Deps, plain: Params): Record<string, string | undefined> {
  return {
    OperateId: plain.OperateId,
    MerchantId: deps.config.card.merchantId,
    TransactionId: deps.state.nextTransactionId(),
    TransactionDate: plain.TransactionDate,
    MerchantFree1: plain.MerchantFree1,
    MerchantFree2: plain.MerchantFree2,
    MerchantFree3: plain.MerchantFree3,
    ProcNo: plain.ProcNo,
  };
}

export interface PlaintextRules {
  operations: readonly string[];
  /** Link mode: the card is typed on the emulator's page, so member operations carry no Token. */
  cardEnteredOnPage: boolean;
}

export function plaintextErrors(deps: Deps, plain: Params, merchantId: string, rules: PlaintextRules = { operations: TDS_OPERATIONS, cardEnteredOnPage: false }): string[] {
  const { config, clock } = deps;
  const op = plain.OperateId ?? "";
  const isMemberOp = op === "4MemAdd" || op === "4MemChg";
  const isAuth = op === "1Auth" || op === "1Gathering";
  const errors: Array<string | undefined> = [
    plain.MerchantId !== undefined && plain.MerchantId !== merchantId ? "K02" : undefined,
    plain.MerchantPass !== config.card.merchantPass ? "K03" : undefined,
    plain.TenantId !== config.card.tenantId ? "K04" : undefined,
    transactionDateError(plain.TransactionDate, clock.now()),
    rules.operations.includes(op) ? undefined : "K06",
    merchantFree1Error(plain.MerchantFree1),
    merchantFree2Error(plain.MerchantFree2),
    merchantFree3Error(plain.MerchantFree3),
    plain.ProcNo !== undefined && /^\d{7}$/.test(plain.ProcNo) ? undefined : "K86",
    (isAuth || plain.Amount !== undefined) && parseAmount(plain.Amount) === undefined ? "K23" : undefined,
    isAuth ? payTypeFormatError(plain.PayType) : undefined,
    isMemberOp || plain.KaiinId !== undefined ? kaiinIdError(plain.KaiinId) : undefined,
    isMemberOp || plain.KaiinPass !== undefined ? kaiinPassError(plain.KaiinPass) : undefined,
    ((isMemberOp && !rules.cardEnteredOnPage) || plain.Token !== undefined) && !TOKEN_PATTERN.test((plain.Token ?? "").toLowerCase()) ? "KHX" : undefined,
  ];
  return errors.filter((e): e is string => e !== undefined);
}

/** Card the 3DS authentication is about, with the same errors the matching server call would give. */
function cardFor(deps: Deps, plain: Params): { ok: true; card: CardData } | { ok: false; code: string } {
  const op = plain.OperateId;
  if (op === "4MemAdd" || op === "4MemChg") {
    if (op === "4MemAdd" && deps.state.members.has(plain.KaiinId ?? "")) return { ok: false, code: "K69" };
    if (op === "4MemChg") {
      const member = authenticateMember(deps, plain.KaiinId ?? "", plain.KaiinPass ?? "");
      if (!member.ok) return member;
      if (member.value.status !== "valid") return { ok: false, code: "K75" };
    }
    const token = lookupToken(deps, plain.Token);
    return token.ok ? { ok: true, card: token.value.card } : token;
  }
  const resolved = resolvePaymentCard(deps, plain);
  return resolved.ok ? { ok: true, card: resolved.value.card } : resolved;
}

/** POST /online/tds/OTDS010.do */
export function handleTdsStart(deps: Deps, form: Params): HtmlResult {
  const merchantId = form.MerchantId;
  if (merchantId !== deps.config.card.merchantId) return errorPage("K02", "MerchantId が登録されていません / unknown MerchantId");
  if (form.EncryptValue === undefined) return errorPage("K01", "EncryptValue がありません / EncryptValue missing");
  const decrypted = decryptValue(form.EncryptValue, deps.config.card.aesKey, deps.config.card.aesIv);
  if (decrypted === undefined) {
    return errorPage("K01", "EncryptValue を復号できません（暗号化キー・初期化ベクトルを確認してください） / cannot decrypt EncryptValue (check key/IV)");
  }
  const plain = parsePlaintext(decrypted);
  if (plain.RedirectUrl === undefined || !isHttpUrl(plain.RedirectUrl)) {
    return errorPage("K01", "RedirectUrl がない、または http(s) の絶対URLではありません / RedirectUrl missing or not an absolute http(s) URL");
  }

  const errors = plaintextErrors(deps, plain, merchantId);
  if (errors.length > 0) return returnToShop(deps, plain, { ...baseFields(deps, plain), ResponseCd: errors.join("|") });
  if (deps.state.procNos.has(plain.ProcNo ?? "")) return returnToShop(deps, plain, { ...baseFields(deps, plain), ResponseCd: "K89" });
  deps.state.procNos.add(plain.ProcNo ?? "");
  deps.state.changed();

  const card = cardFor(deps, plain);
  if (!card.ok) return returnToShop(deps, plain, { ...baseFields(deps, plain), ResponseCd: card.code });

  const forced = deps.state.nextSecureResultCode;
  if (forced !== undefined) {
    deps.state.nextSecureResultCode = undefined;
    deps.state.changed();
    return complete(deps, plain, card.card, forced);
  }
  if (isChallengeCard(card.card.cardNo)) return challengePage(deps, plain, card.card);
  return complete(deps, plain, card.card, "0");
}

function challengePage(deps: Deps, plain: Params, card: CardData): HtmlResult {
  const id = newSessionId();
  deps.state.tdsSessions.set(id, { id, plain: { ...plain }, card, createdAt: deps.clock.now() });
  deps.state.changed();
  const buttons = SECURE_RESULT_CODES.map((code) => {
    const label = SECURE_RESULT_LABELS[code] ?? { ja: code, en: code };
    return `<p><button type="submit" name="SecureResultCode" value="${code}">${esc(`${code}: ${label.ja}`)}<br><small>${esc(label.en)}</small></button></p>`;
  }).join("\n");
  const html = page(
    "3-D セキュア本人認証 / 3-D Secure challenge",
    `<section>
<p>テスト用チャレンジ画面です。認証結果を選んでください。<br>Emulated challenge: pick the authentication outcome.</p>
<table>
<tr><th>処理区分 / OperateId</th><td>${esc(plain.OperateId)}</td></tr>
<tr><th>カード番号 / Card</th><td>${esc(maskCardNo(card.cardNo))}</td></tr>
<tr><th>金額 / Amount</th><td>${plain.Amount !== undefined ? `${esc(plain.Amount)} 円` : "-"}</td></tr>
<tr><th>貴社自由領域1 / MerchantFree1</th><td>${esc(plain.MerchantFree1)}</td></tr>
</table>
<form method="post" action="${TDS_CHALLENGE_PATH}">
<input type="hidden" name="session" value="${esc(id)}">
${buttons}
</form></section>`,
  );
  return { status: 200, html };
}

/** POST /online/tds/OTDS010Challenge.do (the chooser's buttons). Each challenge can be answered once. */
export function handleTdsChallenge(deps: Deps, form: Params): HtmlResult {
  const session = deps.state.tdsSessions.get(form.session ?? "");
  if (!session) return errorPage("U08", "この認証画面は既に使用済みか存在しません / challenge not found or already answered");
  const code = form.SecureResultCode ?? "";
  if (!(SECURE_RESULT_CODES as readonly string[]).includes(code)) return errorPage("K01", "SecureResultCode を選んでください / pick a SecureResultCode");
  deps.state.tdsSessions.delete(session.id);
  deps.state.changed();
  const plain = Object.assign(emptyParams(), session.plain);
  return complete(deps, plain, session.card, code);
}

/** Produce the 3DS values, run the embedded operation when authentication allows it, and return to the shop. */
function complete(deps: Deps, plain: Params, card: CardData, secureResultCode: string): HtmlResult {
  const op = plain.OperateId ?? "";
  const values = generateThreeDSValues(secureResultCode);
  const record = rememberThreeDS(deps, values, op, card.cardNo, plain.MerchantFree1);
  const base = baseFields(deps, plain);
  const result: Record<string, string | undefined> = { ...base, ...values };

  if (op === "3Secure") return returnToShop(deps, plain, { ...result, ResponseCd: "OK" });

  if (!PROCEED_CODES.has(secureResultCode)) {
    return returnToShop(deps, plain, { ...result, KaiinId: plain.KaiinId, ResponseCd: NOT_PERFORMED_CODES[secureResultCode] ?? "U99" });
  }
  const ctx: CallContext = { deps, params: plain, transactionId: base.TransactionId ?? deps.state.nextTransactionId(), slow: false };
  let fields: Fields;
  if (op === "4MemAdd") fields = memberAdd(ctx);
  else if (op === "4MemChg") fields = memberChange(ctx);
  else fields = cardMaster(ctx, op === "1Gathering" ? "1Gathering" : "1Auth", record);
  if (op === "4MemAdd" || op === "4MemChg") fields.KaiinId = plain.KaiinId;
  return returnToShop(deps, plain, { ...result, ...fields });
}
