// OCNV005: online payment agency (オンライン収納代行) — 2Add, 2Chg, 2Del, 2Ref (§3.6, §7, §12.10) and the
// "customer paid" event shared by the JLPcon page and the control API.
import { ymdhms } from "../clock";
import { newFreeArea, newKessaiNumber, newProcessId, newProcessPass, newRecvNum } from "../ids";
import { cvsStatus, type CvsRegistration } from "../state";
import {
  nameKanaError,
  nameKanjiError,
  parseAmount,
  payLimitError,
  PROCESS_ID_PATTERN,
  returnUrlError,
  shouhinNameError,
  telNoError,
} from "../validation";
import { duplicateKey, fail, historyEntry, isDuplicate, rememberMaster, type CallContext, type Deps, type Fields } from "./context";

/** 収納機関コード (§7.6). */
export const CVS_STORES: ReadonlyArray<readonly [string, string]> = [
  ["SEV", "セブンイレブン"],
  ["LSN", "ローソン"],
  ["FAM", "ファミリーマート"],
  ["MNS", "ミニストップ"],
  ["DAY", "デイリーヤマザキ"],
  ["SCM", "セイコーマート"],
  ["SAK", "サンクス"],
  ["CCK", "サークルK"],
  ["FFF", "スリーエフ"],
  ["ATM", "Pay-easy（ATM）"],
  ["ONL", "Pay-easy（オンライン）"],
  ["LNK", "Pay-easy（情報リンク）"],
  ["EBK", "楽天銀行"],
  ["JNB", "ジャパンネット銀行"],
  ["JIB", "じぶん銀行"],
  ["SNB", "住信SBIネット銀行"],
  ["EDY", "Edy"],
  ["SUI", "Suica"],
  ["JPM", "JCBプレモ"],
];

export const CVS_CODES = new Set(CVS_STORES.map(([code]) => code));

export function handleCvs(ctx: CallContext): Fields {
  const op = ctx.params.OperateId ?? "";
  if (op === "2Add") return register(ctx);
  return processRequest(ctx, op);
}

function register(ctx: CallContext): Fields {
  const { deps, params } = ctx;
  const now = deps.clock.now();
  const amount = parseAmount(params.Amount);
  const errors = [
    amount === undefined ? "K23" : undefined,
    payLimitError(params.PayLimit, now),
    nameKanjiError(params.NameKanji),
    nameKanaError(params.NameKana),
    shouhinNameError(params.ShouhinName),
    telNoError(params.TelNo),
    returnUrlError(params.ReturnURL),
  ].filter((e): e is string => e !== undefined);
  if (errors.length > 0 || amount === undefined) return fail(...errors);

  const dupKey = duplicateKey("cvs", params);
  if (isDuplicate(deps, dupKey)) return fail("KBX");
  rememberMaster(deps, dupKey);

  const freeArea = newFreeArea();
  const reg: CvsRegistration = {
    processId: newProcessId(),
    processPass: newProcessPass(),
    merchantFree1: params.MerchantFree1,
    merchantFree2: params.MerchantFree2,
    merchantFree3: params.MerchantFree3,
    tenantId: params.TenantId,
    amount,
    payLimit: params.PayLimit ?? "",
    nameKanji: params.NameKanji ?? "",
    nameKana: params.NameKana ?? "",
    telNo: params.TelNo ?? "",
    shouhinName: params.ShouhinName ?? "",
    returnUrl: params.ReturnURL,
    freeArea,
    freeAreas: [freeArea],
    kessaiNumber: newKessaiNumber(),
    deleted: false,
    forcedExpired: false,
    createdAt: now,
    history: [],
  };
  reg.history.push(historyEntry(ctx, "OK", { amount }));
  deps.state.cvs.set(reg.processId, reg);
  deps.state.changed();
  return { ResponseCd: "OK", ProcessId: reg.processId, ProcessPass: reg.processPass, FreeArea: freeArea, KessaiNumber: reg.kessaiNumber };
}

function processRequest(ctx: CallContext, op: string): Fields {
  const { deps, params } = ctx;
  const now = deps.clock.now();
  const errors: string[] = [];
  if (params.ProcessId === undefined || !PROCESS_ID_PATTERN.test(params.ProcessId)) errors.push("K10");
  if (params.ProcessPass === undefined || !PROCESS_ID_PATTERN.test(params.ProcessPass)) errors.push("K11");
  const amount = parseAmount(params.Amount);
  if (op === "2Chg") {
    if (params.Amount !== undefined && amount === undefined) errors.push("K23");
    if (params.PayLimit !== undefined) {
      const e = payLimitError(params.PayLimit, now);
      if (e) errors.push(e);
    }
    if (params.Amount === undefined && params.PayLimit === undefined) errors.push("K01");
  }
  if (errors.length > 0) return fail(...errors);

  const reg = deps.state.cvs.get(params.ProcessId ?? "");
  if (!reg || reg.processPass !== params.ProcessPass || reg.deleted) return fail("K12");
  const echo = { ProcessId: reg.processId, ProcessPass: reg.processPass };
  const done = (fields: Fields, extra: { amount?: number } = {}): Fields => {
    reg.history.push(historyEntry(ctx, fields.ResponseCd, extra));
    deps.state.changed();
    return { ...echo, ...fields };
  };
  const status = cvsStatus(reg, now);

  switch (op) {
    case "2Ref":
      return done({
        ResponseCd: "OK",
        Amount: String(reg.amount),
        PayLimit: reg.payLimit,
        KessaiStatus: status,
        NyukinDate: reg.payment?.nyukinDate,
        RecvNum: reg.payment?.recvNum,
        CvsCd: reg.payment?.cvsCd,
        KessaiNumber: reg.kessaiNumber,
      });
    case "2Chg": {
      if (status === "PAID") return done(fail("K14"));
      if (amount !== undefined) reg.amount = amount;
      if (params.PayLimit !== undefined) reg.payLimit = params.PayLimit;
      reg.forcedExpired = false;
      reg.freeArea = newFreeArea();
      reg.freeAreas.push(reg.freeArea);
      return done({ ResponseCd: "OK", FreeArea: reg.freeArea, Amount: String(reg.amount), PayLimit: reg.payLimit }, { amount: reg.amount });
    }
    case "2Del":
      if (status === "PAID") return done(fail("K14"));
      reg.deleted = true;
      return done({ ResponseCd: "OK" });
    default:
      return fail("K06");
  }
}

export type PayResult = { ok: true; registration: CvsRegistration } | { ok: false; status: string };

/**
 * The customer paid at a store: record NyukinDate (JST YYYYMMDDhhmmss), RecvNum, CvsCd and send the notification
 * unless `notify` is false (simulates a lost notification; the shop must then find out through 2Ref).
 */
export function payRegistration(deps: Deps, reg: CvsRegistration, cvsCd: string, notify = true): PayResult {
  const now = deps.clock.now();
  const status = cvsStatus(reg, now);
  if (status !== "UNPAID") return { ok: false, status };
  reg.payment = {
    nyukinDate: ymdhms(now),
    recvNum: newRecvNum(),
    cvsCd,
    transactionId: deps.state.nextTransactionId(),
    paidAt: now,
  };
  reg.history.push({ operateId: "paid", transactionId: reg.payment.transactionId, responseCd: "OK", at: now, amount: reg.amount });
  deps.state.changed();
  deps.log(`CVS ${reg.merchantFree1 ?? reg.processId} paid at ${cvsCd} (${reg.amount} yen)`);
  if (notify) deps.notifier.send(reg, "payment");
  return { ok: true, registration: reg };
}
