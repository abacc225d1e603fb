// Operator page (GET /): what the emulator knows, the test cards, and buttons posting to the control API.
// Plain HTML forms (each carries _redirect=/ so the server answers with a redirect back here); no JavaScript needed.
import { TEST_CARD_LIST } from "../cards";
import { displayDateTime } from "../clock";
import type { ControlDeps } from "../control";
import { CVS_STORES } from "../endpoints/cvs";
import { FAULT_MODES } from "../faults";
import { cvsStatus, snapshotMembers, snapshotTokens, snapshotTransactions } from "../state";
import { SECURE_RESULT_CODES, SECURE_RESULT_LABELS } from "../tds-values";
import { esc, page } from "./html";

const iso = (ms: number) => new Date(ms).toISOString().replace("T", " ").replace(/\.\d+Z$/, "Z");

function button(action: string, label: string, hidden: Record<string, string> = {}): string {
  const inputs = Object.entries({ ...hidden, _redirect: "/" })
    .map(([k, v]) => `<input type="hidden" name="${esc(k)}" value="${esc(v)}">`)
    .join("");
  return `<form class="inline" method="post" action="${esc(action)}">${inputs}<button type="submit">${esc(label)}</button></form>`;
}

function table(headers: string[], rows: string[][], empty = "none"): string {
  if (rows.length === 0) return `<p class="muted">${esc(empty)}</p>`;
  return `<table><tr>${headers.map((h) => `<th>${esc(h)}</th>`).join("")}</tr>${rows
    .map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join("")}</tr>`)
    .join("")}</table>`;
}

const code = (value: unknown) => (value === undefined || value === null || value === "" ? "" : `<code>${esc(value)}</code>`);
const result = (rc: string) => `<span class="${rc === "OK" ? "ok" : "ng"}">${esc(rc)}</span>`;

export function testCardRows(): string[][] {
  return TEST_CARD_LIST.map((c) => [code(c.number), esc(c.brand), `${esc(c.expMM)}/20${esc(c.expYY)}`, code(c.secCd), esc(c.description)]);
}

export function renderOperator(deps: ControlDeps, publicUrl: string): string {
  const { state, config, clock, notifier, faults } = deps;
  const now = clock.now();

  const overview = `<section><h2>Endpoints</h2>
<table>
<tr><th>Card (1Auth…)</th><td>${code(`${publicUrl}/online/aut/OAUT002.do`)}</td></tr>
<tr><th>Members (4Mem…)</th><td>${code(`${publicUrl}/online/crp/OCRP005.do`)}</td></tr>
<tr><th>Token search</th><td>${code(`${publicUrl}/online/atn/OATN005.do`)}</td></tr>
<tr><th>Online payment (2Add…)</th><td>${code(`${publicUrl}/online/cnv/OCNV005.do`)}</td></tr>
<tr><th>Token script</th><td>${code(`${publicUrl}/euser/stn/CdGetJavaScript.do?k_TokenNinsyoCode=${config.card.tokenAuthCode}`)}</td></tr>
<tr><th>3-D Secure</th><td>${code(`${publicUrl}/online/tds/OTDS010.do`)}</td></tr>
<tr><th>JLPcon</th><td>${code(`${publicUrl}/JLPCT/JLPcon?code=<FreeArea>&rkbn=1`)}</td></tr>
<tr><th>Card merchant</th><td>MerchantId ${code(config.card.merchantId)} · MerchantPass ${code(config.card.merchantPass)} · TenantId ${code(config.card.tenantId)} · k_TokenNinsyoCode ${code(config.card.tokenAuthCode)} · AES key ${code(config.card.aesKey)} · IV ${code(config.card.aesIv)}</td></tr>
<tr><th>CVS merchant</th><td>MerchantId ${code(config.cvs.merchantId)} · MerchantPass ${code(config.cvs.merchantPass)}</td></tr>
<tr><th>Emulator clock</th><td>${esc(iso(now))} (offset ${esc(state.clockOffsetMs)} ms)
<form class="inline" method="post" action="/_control/clock"><input type="hidden" name="_redirect" value="/">
<input name="advanceMs" size="12" placeholder="advanceMs"><button>advance</button></form>
${button("/_control/clock", "reset clock", { offsetMs: "0" })}</td></tr>
<tr><th>Notification URL</th><td><form class="inline" method="post" action="/_control/notify-url"><input type="hidden" name="_redirect" value="/">
<input name="url" size="60" value="${esc(notifier.url)}"><button>change</button></form></td></tr>
<tr><th>Next 3DS result</th><td>${esc(state.nextSecureResultCode ?? "(card decides)")}
${SECURE_RESULT_CODES.map((c) => button("/_control/next-3ds", `${c}: ${SECURE_RESULT_LABELS[c]?.ja ?? c}`, { secureResultCode: c })).join(" ")}
${button("/_control/next-3ds", "clear", { secureResultCode: "" })}</td></tr>
<tr><th>Faults</th><td>${faults.list().map((f) => `${esc(f.mode)} ×${esc(f.remaining)}${f.operateId ? ` (${esc(f.operateId)})` : ""}${f.afterProcessing ? " after processing" : ""}`).join(", ") || "none"}
<form class="inline" method="post" action="/_control/faults"><input type="hidden" name="_redirect" value="/">
<select name="mode">${FAULT_MODES.map((m) => `<option>${m}</option>`).join("")}</select>
<input name="count" size="3" value="1"> <input name="operateId" size="10" placeholder="OperateId">
<label><input type="checkbox" name="afterProcessing" value="true"> after processing</label><button>add</button></form>
${button("/_control/faults/clear", "clear faults")}</td></tr>
</table>
<p>${button("/_control/reset", "Reset everything")} <a href="/_control/state">/_control/state (JSON)</a></p></section>`;

  const cards = `<section><h2>Test cards</h2>${table(["Number", "Brand", "Expiry", "Security code", "Behaviour"], testCardRows())}
<p class="muted">Other numbers: 13-19 digits and Luhn-valid, any future expiry, any 3-4 digit code (else K20/K82 at tokenization, C13 at payment).
PayType: AMEX refuses 02 (C12) and 88 (G78); Diners only 01/80/88 (else C12); installments below 3000 yen → G75.</p></section>`;

  const txs = snapshotTransactions(state).reverse();
  const transactions = `<section><h2>Card transactions (${txs.length})</h2>${table(
    ["MerchantFree1", "Status", "Operations", "Amount", "PayType", "Card", "KaiinId", "3DS", "ProcessId"],
    txs.map((t) => [
      code(t.merchantFree1),
      esc(t.status),
      t.history.map((h) => `${esc(h.operateId)}→${result(h.responseCd)}`).join("<br>"),
      esc(t.amount),
      esc(t.payType),
      code(t.cardNo),
      code(t.kaiinId),
      t.threeDS ? `${esc(t.threeDS.SecureResultCode)} / ECI ${esc(t.threeDS.ECI3D)}` : "",
      `<code class="muted">${esc(t.processId)}</code>`,
    ]),
  )}</section>`;

  const members = `<section><h2>Card members (${state.members.size})</h2>${table(
    ["KaiinId", "Status", "Card", "Expiry", "Failed logins", "Since", "Operations"],
    snapshotMembers(state).map((m) => [
      code(m.kaiinId),
      esc(m.locked ? `${m.status} (locked)` : m.status),
      code(m.cardNo),
      esc(m.cardExp),
      esc(m.failedLogins),
      esc(m.enableDate),
      m.history.map((h) => `${esc(h.operateId)}→${result(h.responseCd)}`).join(" "),
    ]),
  )}</section>`;

  const tokens = `<section><h2>Tokens (${state.tokens.size})</h2>${table(
    ["Token", "Card", "Expiry", "Status", "Created", "Used by"],
    snapshotTokens(state, now)
      .reverse()
      .slice(0, 100)
      .map((t) => [code(t.token), code(t.cardNo), esc(t.cardExp), esc(t.status), esc(t.createdAt), esc(t.usedBy)]),
  )}</section>`;

  const storeOptions = CVS_STORES.map(([c, name]) => `<option value="${esc(c)}">${esc(name)} (${esc(c)})</option>`).join("");
  const regs = [...state.cvs.values()].reverse();
  const cvs = `<section><h2>Online payment registrations (${regs.length})</h2>${table(
    ["MerchantFree1", "Status", "Amount", "PayLimit", "Payment", "Operations", "Actions"],
    regs.map((r) => {
      const status = cvsStatus(r, now);
      const link = `/JLPCT/JLPcon?code=${encodeURIComponent(r.freeArea)}&rkbn=2`;
      const actions: string[] = [`<a href="${esc(link)}">payment page</a>`];
      if (status === "UNPAID") {
        actions.push(`<form class="inline" method="post" action="/_control/cvs/${esc(r.processId)}/pay"><input type="hidden" name="_redirect" value="/">
<select name="cvsCd">${storeOptions}</select><label><input type="checkbox" name="notify" value="false"> lose notification</label><button>pay</button></form>`);
        actions.push(button(`/_control/cvs/${r.processId}/expire`, "expire"));
      }
      if (r.payment) {
        actions.push(button(`/_control/cvs/${r.processId}/notify`, "send / re-send notification"));
        actions.push(button(`/_control/cvs/${r.processId}/notify-duplicate`, "send duplicate (×2 at once)"));
      }
      return [
        code(r.merchantFree1),
        esc(status),
        esc(r.amount),
        esc(displayDateTime(r.payLimit)),
        r.payment ? `${esc(r.payment.cvsCd)} ${esc(displayDateTime(r.payment.nyukinDate))}<br>RecvNum ${code(r.payment.recvNum)}` : "",
        r.history.map((h) => `${esc(h.operateId)}→${result(h.responseCd)}`).join(" "),
        actions.join(" "),
      ];
    }),
  )}</section>`;

  const notes = [...state.notifications].reverse();
  const notifications = `<section><h2>Notifications (${notes.length})</h2>${table(
    ["#", "MerchantFree1", "Reason", "State", "Attempts"],
    notes.map((n) => [
      esc(n.id),
      code(n.merchantFree1),
      esc(n.reason),
      `<span class="${n.state === "delivered" ? "ok" : n.state === "failed" ? "ng" : ""}">${esc(n.state)}</span>`,
      n.attempts.map((a) => `${esc(iso(a.at))} ${esc(a.url)} → ${esc(a.status ?? a.error)}`).join("<br>"),
    ]),
  )}</section>`;

  const calls = `<section><h2>Recent server calls</h2>${table(
    ["Time", "Path", "OperateId", "MerchantFree1", "ResponseCd", "Note"],
    [...state.calls]
      .reverse()
      .slice(0, 50)
      .map((c) => [
        esc(iso(c.at)),
        esc(c.path),
        esc(c.operateId),
        code(c.merchantFree1),
        c.responseCd ? result(c.responseCd) : "",
        esc([c.fault ? `fault: ${c.fault}` : "", c.slow ? "slow" : ""].filter(Boolean).join(" ")),
      ]),
  )}</section>`;

  return page("e-SCOTT Smart emulator", overview + cards + transactions + members + tokens + cvs + notifications + calls);
}
