// SSNP005 — the pro plugin's "external link" hosted card page (§6.8, §12.13). Optional for this shop (it uses the
// token + OTDS010 flow); kept deliberately simple: one screen per operation (no separate confirmation screen), 3DS is
// frictionless unless /_control/next-3ds forces an outcome, and each screen's cancel button returns its P5x/P6x code.
import { maskCardNo, tokenInputErrors } from "../cards";
import { emptyParams, parsePlaintext, type Params } from "../codec";
import { decryptValue } from "../crypto";
import { cardMaster } from "../endpoints/card";
import { authenticateMember, type CallContext, type Deps, type Fields } from "../endpoints/context";
import { memberAdd, memberChange } from "../endpoints/member";
import { newSessionId } from "../ids";
import { generateThreeDSValues, NOT_PERFORMED_CODES, PROCEED_CODES, rememberThreeDS } from "../tds-values";
import { isHttpUrl } from "../validation";
import { esc, page } from "./html";
import { createToken } from "./token-script";
import { baseFields, errorPage, plaintextErrors, returnToShop, type HtmlResult } from "./three-d-secure";

export const LINK_PATH = "/euser/snp/SSNP005ReferStart.do";
export const LINK_SUBMIT_PATH = "/euser/snp/SSNP005Submit.do";

const LINK_OPERATIONS = ["4MemAdd", "4MemChg", "1Auth", "1Gathering"] as const;

type Screen = "register" | "change" | "memberPurchase" | "guestPurchase";

const SCREENS: Record<Screen, { title: string; id: string; cancelCode: string; entersCard: boolean }> = {
  register: { title: "カード登録 / Register a card", id: "SSNP010", cancelCode: "P51", entersCard: true },
  change: { title: "カード変更 / Change the card", id: "SSNP030", cancelCode: "P55", entersCard: true },
  memberPurchase: { title: "登録カードで購入 / Pay with the stored card", id: "SSNP090", cancelCode: "P63", entersCard: false },
  guestPurchase: { title: "カード情報入力 / Card payment", id: "SSNP120", cancelCode: "P69", entersCard: true },
};

function screenFor(plain: Params): Screen {
  if (plain.OperateId === "4MemAdd") return "register";
  if (plain.OperateId === "4MemChg") return "change";
  return plain.KaiinId !== undefined ? "memberPurchase" : "guestPurchase";
}

/** Fields every link-mode return carries (§12.13): MerchantId, MerchantFree2, KaiinId, KaiinPass, TransactionDate… */
function linkReturn(deps: Deps, plain: Params, fields: Record<string, string | undefined>): HtmlResult {
  return returnToShop(deps, plain, { ...baseFields(deps, plain), KaiinId: plain.KaiinId, KaiinPass: plain.KaiinPass, ...fields });
}

/** GET /euser/snp/SSNP005ReferStart.do?MerchantId=…&EncryptValue=… */
export function handleLinkStart(deps: Deps, query: Params): HtmlResult {
  if (query.MerchantId !== deps.config.card.merchantId) return errorPage("K02", "MerchantId が登録されていません / unknown MerchantId");
  const decrypted = query.EncryptValue !== undefined ? decryptValue(query.EncryptValue, deps.config.card.aesKey, deps.config.card.aesIv) : undefined;
  if (decrypted === undefined) return errorPage("K01", "EncryptValue を復号できません / cannot decrypt EncryptValue");
  const plain = parsePlaintext(decrypted);
  if (plain.RedirectUrl === undefined || !isHttpUrl(plain.RedirectUrl)) return errorPage("K01", "RedirectUrl が不正です / bad RedirectUrl");

  // ProcNo is always 0000000 in link mode, so it is format-checked but not required to be unique.
  const errors = plaintextErrors(deps, plain, query.MerchantId, { operations: LINK_OPERATIONS, cardEnteredOnPage: true });
  if (errors.length > 0) return linkReturn(deps, plain, { ResponseCd: errors.join("|") });

  const screen = screenFor(plain);
  if (screen === "register" && deps.state.members.has(plain.KaiinId ?? "")) return linkReturn(deps, plain, { ResponseCd: "K69" });
  if (screen === "change" || screen === "memberPurchase") {
    const member = authenticateMember(deps, plain.KaiinId ?? "", plain.KaiinPass ?? "");
    if (!member.ok) return linkReturn(deps, plain, { ResponseCd: member.code });
    if (member.value.status !== "valid") return linkReturn(deps, plain, { ResponseCd: "K75" });
  }
  const id = newSessionId();
  deps.state.linkSessions.set(id, { id, plain: { ...plain }, createdAt: deps.clock.now() });
  return renderScreen(deps, id, plain);
}

function renderScreen(deps: Deps, id: string, plain: Params, error?: string): HtmlResult {
  const screen = SCREENS[screenFor(plain)];
  const stored = plain.KaiinId !== undefined ? deps.state.members.get(plain.KaiinId) : undefined;
  const cardInputs = screen.entersCard
    ? `<p><label>カード番号 / Card number <input name="cardNo" inputmode="numeric" autocomplete="cc-number" size="22"></label></p>
<p><label>有効期限 / Expiry (MM/YY) <input name="expMM" size="2" maxlength="2"> / <input name="expYY" size="2" maxlength="2"></label></p>
<p><label>セキュリティコード / Security code <input name="secCd" size="4" maxlength="4"></label></p>`
    : `<p>登録カード / Stored card: <code>${esc(stored ? maskCardNo(stored.card.cardNo) : "-")}</code></p>`;
  const amount = plain.Amount !== undefined ? `<p>お支払い金額 / Amount: <strong>${esc(plain.Amount)} 円</strong></p>` : "";
  return {
    status: error ? 400 : 200,
    html: page(
      screen.title,
      `<section>${error ? `<p class="notice ng">${esc(error)}</p>` : ""}${amount}
<form method="post" action="${LINK_SUBMIT_PATH}">
<input type="hidden" name="session" value="${esc(id)}">
${cardInputs}
<p><button type="submit" name="action" value="submit">確定 / Confirm</button>
<button type="submit" name="action" value="cancel">キャンセル / Cancel</button></p>
</form><p class="muted">${esc(screen.id)}</p></section>`,
    ),
  };
}

/** POST /euser/snp/SSNP005Submit.do — confirm or cancel the screen. */
export function handleLinkSubmit(deps: Deps, form: Params): HtmlResult {
  const session = deps.state.linkSessions.get(form.session ?? "");
  if (!session) return errorPage("P74", "セッションが見つかりません / session not found or already used");
  const plain = Object.assign(emptyParams(), session.plain);
  const screen = SCREENS[screenFor(plain)];
  if (form.action === "cancel") {
    deps.state.linkSessions.delete(session.id);
    return linkReturn(deps, plain, { ResponseCd: screen.cancelCode });
  }

  const params = Object.assign(emptyParams(), plain);
  if (screen.entersCard) {
    const input = { cardNo: (form.cardNo ?? "").replace(/[\s-]/g, ""), expYY: form.expYY ?? "", expMM: form.expMM ?? "", secCd: form.secCd ?? "" };
    const errors = tokenInputErrors(input);
    if (errors.length > 0) return renderScreen(deps, session.id, plain, `入力内容に誤りがあります / invalid input: ${errors.join("|")}`);
    const created = createToken(deps, Object.assign(emptyParams(), { ...input, k_TokenNinsyoCode: deps.config.card.tokenAuthCode }));
    if ("errorCode" in created) return renderScreen(deps, session.id, plain, created.errorCode);
    params.Token = created.token;
  }
  deps.state.linkSessions.delete(session.id);

  const forced = deps.state.nextSecureResultCode;
  deps.state.nextSecureResultCode = undefined;
  const secureResultCode = forced ?? "0";
  const values = generateThreeDSValues(secureResultCode);
  const op = plain.OperateId ?? "";
  const cardNo = params.Token !== undefined ? (deps.state.tokens.get(params.Token)?.card.cardNo ?? "") : (deps.state.members.get(plain.KaiinId ?? "")?.card.cardNo ?? "");
  const record = rememberThreeDS(deps, values, op, cardNo, plain.MerchantFree1);
  if (!PROCEED_CODES.has(secureResultCode)) {
    return linkReturn(deps, plain, { ...values, ResponseCd: NOT_PERFORMED_CODES[secureResultCode] ?? "U99" });
  }

  const ctx: CallContext = { deps, params, transactionId: deps.state.nextTransactionId(), slow: false };
  let fields: Fields;
  if (op === "4MemAdd") fields = memberAdd(ctx);
  else if (op === "4MemChg") fields = memberChange(ctx);
  else fields = cardMaster(ctx, op === "1Gathering" ? "1Gathering" : "1Auth", record);
  return linkReturn(deps, plain, { ...values, ...fields, KaiinId: plain.KaiinId });
}
