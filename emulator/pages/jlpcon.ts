// JLPcon — the online-payment page on link.kessai.info (§7.1, §7.2, §12.15). GET shows the registration and a store
// chooser; POST to the same URL "pays" (as if the customer paid at the chosen store) and triggers the notification.
import { displayDateTime } from "../clock";
import type { Params } from "../codec";
import type { Deps } from "../endpoints/context";
import { CVS_CODES, CVS_STORES, payRegistration } from "../endpoints/cvs";
import { cvsStatus, type CvsStatus } from "../state";
import { esc, page } from "./html";
import type { HtmlResult } from "./three-d-secure";

export const JLPCON_PATHS = ["/JLPCT/JLPcon", "/JLP/JLPcon"];

const STATUS_TEXT: Record<CvsStatus, string> = {
  UNPAID: "未入金 / awaiting payment",
  PAID: "入金済 / paid",
  EXPIRED: "支払期限切れ / expired — cannot be paid",
  DELETED: "取消済み / cancelled by the shop — cannot be paid",
};

export type JlpconResult = HtmlResult | { status: 303; location: string };

function storeName(code: string): string {
  return CVS_STORES.find(([c]) => c === code)?.[1] ?? code;
}

export function renderJlpcon(deps: Deps, path: string, query: Params, notice?: string): HtmlResult {
  const code = query.code ?? "";
  const reg = code !== "" ? deps.state.findCvsByFreeArea(code) : undefined;
  if (!reg) {
    return {
      status: 404,
      html: page("お支払い / Payment", `<section class="notice">お支払い情報が見つかりません / unknown payment code <code>${esc(code)}</code></section>`),
    };
  }
  const status = cvsStatus(reg, deps.clock.now());
  const rows = [
    ["商品名 / Item", reg.shouhinName],
    ["お名前 / Name", `${reg.nameKanji}（${reg.nameKana}）`],
    ["お支払い金額 / Amount", `${reg.amount.toLocaleString("ja-JP")} 円`],
    ["お支払い期限 / Deadline", displayDateTime(reg.payLimit)],
    ["決済番号 / KessaiNumber", reg.kessaiNumber],
    ["状態 / Status", STATUS_TEXT[status]],
  ];
  if (reg.payment) {
    rows.push(["入金日時 / Paid at", displayDateTime(reg.payment.nyukinDate)]);
    rows.push(["収納機関 / Store", `${storeName(reg.payment.cvsCd)} (${reg.payment.cvsCd})`]);
    rows.push(["受付番号 / RecvNum", reg.payment.recvNum]);
  }
  const table = `<table>${rows.map(([k, v]) => `<tr><th>${esc(k)}</th><td>${esc(v)}</td></tr>`).join("")}</table>`;
  const form =
    status === "UNPAID"
      ? `<form method="post" action="${esc(path)}">
<input type="hidden" name="code" value="${esc(code)}"><input type="hidden" name="rkbn" value="${esc(query.rkbn ?? "")}">
<h2>お支払い方法を選択 / Choose where to pay</h2>
<div class="choices">${CVS_STORES.map(
          ([c, name], i) => `<label><input type="radio" name="cvsCd" value="${esc(c)}"${i === 0 ? " checked" : ""}> ${esc(name)} <span class="muted">(${esc(c)})</span></label>`,
        ).join("\n")}</div>
<p><button type="submit" class="big">支払う / Pay</button></p>
</form>`
      : "";
  const back = reg.returnUrl ? `<p><a href="${esc(reg.returnUrl)}">ショップへ戻る / Back to the shop</a></p>` : "";
  const note = notice ? `<p class="notice">${esc(notice)}</p>` : "";
  return {
    status: 200,
    html: page("オンライン収納代行 お支払い / Online payment", `<section>${note}${table}${form}${back}</section>`, `rkbn=${query.rkbn ?? "-"} · e-SCOTT Smart emulator`),
  };
}

export function handleJlpconPay(deps: Deps, path: string, form: Params): JlpconResult {
  const code = form.code ?? "";
  const reg = code !== "" ? deps.state.findCvsByFreeArea(code) : undefined;
  if (!reg) return renderJlpcon(deps, path, form);
  const cvsCd = form.cvsCd ?? "";
  if (!CVS_CODES.has(cvsCd)) return renderJlpcon(deps, path, form, "お支払い方法を選択してください / choose a store");
  const paid = payRegistration(deps, reg, cvsCd);
  if (!paid.ok) return renderJlpcon(deps, path, form, `お支払いできません / cannot pay: ${paid.status}`);
  const query = new URLSearchParams({ code, ...(form.rkbn ? { rkbn: form.rkbn } : {}) });
  return { status: 303, location: `${path}?${query.toString()}` };
}
