import { z } from "zod";
import { cvsStoreName } from "./cvs-stores";
import * as f from "./field-schemas";
import type { PaymentPageRkbn } from "./hosts";
import { runOperation, type ClientContext, type OperationDefinition } from "./operation";
import type { EscottResult } from "./result";

// Online payment agency (オンライン収納代行) on OCNV005 (docs/escott-protocol.md §3.6, §7). No TenantId, no MerchantFree3.

export interface CvsAddParams {
  orderId: string;
  /** Order total including the settlement fee, integer yen. */
  amount: number;
  /** YYYYMMDDHHMM — see payLimitFromDays(). */
  payLimit: string;
  nameKanji: string;
  /** Full-width katakana — see toFullWidthKatakana(). */
  nameKana: string;
  /** Digits and hyphen, ≤ 13 characters (K28); sent as entered. */
  telNo: string;
  /** Full-width, ≤ 16 characters — see shouhinName(). */
  shouhinName: string;
  /** Offered on the payment page; the admin registration of the vendor's WooCommerce plugins omits it (docs/escott-protocol.md §10.2). */
  returnUrl?: string;
  transactionCode?: string;
}

export interface CvsAddData {
  processId: string;
  processPass: string;
  /** 暗号化決済番号, trimmed; the `code` of the payment page URL. */
  freeArea: string;
  transactionId?: string;
  kessaiNumber?: string;
}

export interface CvsProcessParams {
  orderId: string;
  processId: string;
  processPass: string;
  /** Usually the order's original transaction code. */
  transactionCode?: string;
}

export interface CvsChangeParams extends CvsProcessParams {
  payLimit: string;
  amount: number;
}

export interface CvsChangeData {
  /** New FreeArea: the payment page URL changes with it. */
  freeArea: string;
}

export interface CvsDeleteData {
  transactionId?: string;
}

export interface CvsReferenceData {
  /** True once NyukinDate is present (§7.4). */
  paid: boolean;
  nyukinDate?: string;
  recvNum?: string;
  cvsCd?: string;
  /** Store name for cvsCd; unknown codes verbatim. */
  cvsName?: string;
  amount?: number;
  condition?: string;
  /** KessaiStatus when the answer carries one (the emulator's UNPAID/PAID/EXPIRED/DELETED), else Condition. */
  status?: string;
  /** True when the status says the deadline passed. */
  expired: boolean;
  /** PayLimit when the answer carries one (YYYYMMDDhhmm). */
  payLimit?: string;
}

const addParams = z.object({
  orderId: f.text,
  amount: f.amount,
  payLimit: f.payLimit,
  nameKanji: f.text,
  nameKana: f.text,
  telNo: f.text,
  shouhinName: f.text,
  returnUrl: f.absoluteUrl.optional(),
  transactionCode: f.transactionCode,
}) satisfies z.ZodType<CvsAddParams>;

const processShape = { orderId: f.text, processId: f.text, processPass: f.text, transactionCode: f.transactionCode };
const processParams = z.object(processShape) satisfies z.ZodType<CvsProcessParams>;
const changeParams = z.object({ ...processShape, payLimit: f.payLimit, amount: f.amount }) satisfies z.ZodType<CvsChangeParams>;

const optional = z.string().optional();
const freeArea = z
  .string()
  .transform((value) => value.trim())
  .pipe(z.string().min(1, "FreeArea missing in response"));

const addResponse = z
  .object({
    MerchantFree1: f.present,
    ProcessId: f.present,
    ProcessPass: f.present,
    FreeArea: freeArea,
    TransactionId: optional,
    KessaiNumber: optional,
  })
  .transform(
    (r): CvsAddData => ({
      processId: r.ProcessId,
      processPass: r.ProcessPass,
      freeArea: r.FreeArea,
      transactionId: r.TransactionId,
      kessaiNumber: r.KessaiNumber,
    }),
  );

const changeResponse = z.object({ FreeArea: freeArea }).transform((r): CvsChangeData => ({ freeArea: r.FreeArea }));
const deleteResponse = z.object({ TransactionId: optional }).transform((r): CvsDeleteData => ({ transactionId: r.TransactionId }));
const referenceResponse = z
  .object({
    NyukinDate: optional,
    RecvNum: optional,
    CvsCd: optional,
    Amount: f.yen.optional(),
    Condition: optional,
    KessaiStatus: optional,
    PayLimit: optional,
  })
  .transform(
    (r): CvsReferenceData => ({
      paid: !!r.NyukinDate,
      nyukinDate: r.NyukinDate || undefined,
      recvNum: r.RecvNum || undefined,
      cvsCd: r.CvsCd || undefined,
      cvsName: r.CvsCd ? cvsStoreName(r.CvsCd) : undefined,
      amount: r.Amount,
      condition: r.Condition,
      status: r.KessaiStatus || r.Condition || undefined,
      expired: r.KessaiStatus === "EXPIRED",
      payLimit: r.PayLimit || undefined,
    }),
  );

const definitions = {
  add: {
    operateId: "2Add",
    endpoint: "cvs",
    credentials: "cvs",
    params: addParams,
    buildFields: (p, { common }) => ({
      ...common({ orderId: p.orderId }),
      Amount: String(p.amount),
      PayLimit: p.payLimit,
      NameKanji: p.nameKanji,
      NameKana: p.nameKana,
      TelNo: p.telNo,
      ShouhinName: p.shouhinName,
      ...(p.returnUrl !== undefined ? { ReturnURL: p.returnUrl } : {}),
    }),
    response: addResponse,
  } satisfies OperationDefinition<CvsAddParams, CvsAddData>,
  change: {
    operateId: "2Chg",
    endpoint: "cvs",
    credentials: "cvs",
    params: changeParams,
    buildFields: (p, { common }) => ({
      ...common({ orderId: p.orderId }),
      ProcessId: p.processId,
      ProcessPass: p.processPass,
      PayLimit: p.payLimit,
      Amount: String(p.amount),
    }),
    response: changeResponse,
  } satisfies OperationDefinition<CvsChangeParams, CvsChangeData>,
  delete: processDefinition("2Del", deleteResponse),
  reference: processDefinition("2Ref", referenceResponse),
};

function processDefinition<T>(operateId: string, response: z.ZodType<T>): OperationDefinition<CvsProcessParams, T> {
  return {
    operateId,
    endpoint: "cvs",
    credentials: "cvs",
    params: processParams,
    buildFields: (p, { common }) => ({
      ...common({ orderId: p.orderId }),
      ProcessId: p.processId,
      ProcessPass: p.processPass,
    }),
    response,
  };
}

export interface CvsApi {
  /** 2Add 登録: then send the browser to paymentPageUrl(freeArea, 1). */
  add(params: CvsAddParams): Promise<EscottResult<CvsAddData>>;
  /** 2Chg 変更 (amount and deadline; returns a new FreeArea). */
  change(params: CvsChangeParams): Promise<EscottResult<CvsChangeData>>;
  /** 2Del 削除. */
  delete(params: CvsProcessParams): Promise<EscottResult<CvsDeleteData>>;
  /** 2Ref 参照: paid once NyukinDate is present; K12 after 2Del. */
  reference(params: CvsProcessParams): Promise<EscottResult<CvsReferenceData>>;
  /** Payment page (JLPcon) for a FreeArea: rkbn 1 right after 2Add, 2 for later links. */
  paymentPageUrl(freeArea: string, rkbn: PaymentPageRkbn): string;
}

export function createCvsApi(ctx: ClientContext): CvsApi {
  return {
    add: (p) => runOperation(ctx, definitions.add, p),
    change: (p) => runOperation(ctx, definitions.change, p),
    delete: (p) => runOperation(ctx, definitions.delete, p),
    reference: (p) => runOperation(ctx, definitions.reference, p),
    paymentPageUrl: (freeArea, rkbn) => ctx.urls.cvsPaymentPage(freeArea, rkbn),
  };
}
