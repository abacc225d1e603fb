import { z } from "zod";
import * as f from "./field-schemas";
import type { PayType } from "./installments";
import { runOperation, type ClientContext, type OperationDefinition } from "./operation";
import type { EscottResult } from "./result";
import { jstDate } from "./dates";
import { threeDSFields, threeDSValuesSchema, type ThreeDSValues } from "./three-d-secure-values";

// Card transactions on OAUT002 (docs/escott-protocol.md §3.2, §3.4). Field sets follow the vendor's WooCommerce plugins exactly.

/** A new card travels only as a token; a stored card as KaiinId/KaiinPass + MerchantFree3. */
export type CardSource = { token: string } | { member: { kaiinId: string; kaiinPass: string; userId: string } };

export interface AuthParams {
  orderId: string;
  amount: number;
  /** Default "01". */
  payType?: PayType;
  source: CardSource;
  /** The values returned by the 3DS page (§6.5), forwarded unchanged. */
  threeDS?: ThreeDSValues;
  transactionCode?: string;
}

export interface AuthData {
  processId: string;
  processPass: string;
  transactionId?: string;
  approveNo?: string;
  companyCd?: string;
  /** 認証結果1 (security-code check). */
  mcSecCd?: string;
}

/** Process operations act on the master's ProcessId/ProcessPass. */
export interface ProcessParams {
  orderId: string;
  processId: string;
  processPass: string;
  /**
   * Send iff the master transaction was paid with a stored card: K80 = it was and this is
   * missing, K81 = it was not and this is present. Retrying without it on K81 is the caller's call.
   */
  member?: { kaiinId: string; kaiinPass: string };
  /** Usually the order's original transaction code. */
  transactionCode?: string;
}

export interface CaptureParams extends ProcessParams {
  /** YYYYMMDD, default today in JST (a future date → K39). */
  salesDate?: string;
}

export interface ChangeParams extends ProcessParams {
  amount: number;
}

export interface ReAuthParams extends Omit<ProcessParams, "member"> {
  amount: number;
  salesDate?: string;
  /** 1ReAuth also carries MerchantFree3 for member transactions. */
  member?: { kaiinId: string; kaiinPass: string; userId: string };
}

export interface ProcessData {
  processId?: string;
  processPass?: string;
  transactionId?: string;
  salesDate?: string;
}

export interface SearchData extends ProcessData {
  amount?: number;
  /**
   * The transaction's state when the answer carries one (KessaiStatus: the emulator sends it; what
   * the real 1Search returns beyond Amount/SalesDate is not public, §14.2).
   */
  status?: "authorized" | "captured" | "voided";
  /** The status as sent, for display. */
  statusText?: string;
}

const sourceSchema = z.union([z.object({ token: f.text }).strict(), z.object({ member: f.memberWithUser }).strict()]);

const authParams = z.object({
  orderId: f.text,
  amount: f.amount,
  payType: f.payType.optional(),
  source: sourceSchema,
  threeDS: threeDSValuesSchema.optional(),
  transactionCode: f.transactionCode,
}) satisfies z.ZodType<AuthParams>;

const processShape = {
  orderId: f.text,
  processId: f.text,
  processPass: f.text,
  member: f.member.optional(),
  transactionCode: f.transactionCode,
};
const processParams = z.object(processShape) satisfies z.ZodType<ProcessParams>;
const captureParams = z.object({ ...processShape, salesDate: f.ymd.optional() }) satisfies z.ZodType<CaptureParams>;
const changeParams = z.object({ ...processShape, amount: f.amount }) satisfies z.ZodType<ChangeParams>;
const reAuthParams = z.object({
  ...processShape,
  member: f.memberWithUser.optional(),
  amount: f.amount,
  salesDate: f.ymd.optional(),
}) satisfies z.ZodType<ReAuthParams>;

const optional = z.string().optional();

const authResponse = z
  .object({
    MerchantFree1: f.present,
    ProcessId: f.present,
    ProcessPass: f.present,
    TransactionId: optional,
    ApproveNo: optional,
    CompanyCd: optional,
    McSecCd: optional,
  })
  .transform(
    (r): AuthData => ({
      processId: r.ProcessId,
      processPass: r.ProcessPass,
      transactionId: r.TransactionId,
      approveNo: r.ApproveNo,
      companyCd: r.CompanyCd,
      mcSecCd: r.McSecCd,
    }),
  );

const processResponseShape = { ProcessId: optional, ProcessPass: optional, TransactionId: optional, SalesDate: optional };
const toProcessData = (r: { ProcessId?: string; ProcessPass?: string; TransactionId?: string; SalesDate?: string }): ProcessData => ({
  processId: r.ProcessId,
  processPass: r.ProcessPass,
  transactionId: r.TransactionId,
  salesDate: r.SalesDate,
});
const processResponse = z.object(processResponseShape).transform(toProcessData);
const searchResponse = z
  .object({ ...processResponseShape, Amount: f.yen.optional(), KessaiStatus: optional })
  .transform((r): SearchData => ({ ...toProcessData(r), amount: r.Amount, status: SEARCH_STATUS[r.KessaiStatus ?? ""], statusText: r.KessaiStatus || undefined }));

const SEARCH_STATUS: Partial<Record<string, SearchData["status"]>> = { AUTH: "authorized", SALES: "captured", CANCEL: "voided" };

function masterDefinition(operateId: "1Auth" | "1Gathering"): OperationDefinition<AuthParams, AuthData> {
  return {
    operateId,
    endpoint: "card",
    credentials: "card",
    params: authParams,
    buildFields: (p, { common }) => {
      const memberSource = "member" in p.source ? p.source.member : undefined;
      return {
        ...common({ orderId: p.orderId, userId: memberSource?.userId }),
        Amount: String(p.amount),
        PayType: p.payType ?? "01",
        ...(memberSource
          ? { KaiinId: memberSource.kaiinId, KaiinPass: memberSource.kaiinPass }
          : { Token: "token" in p.source ? p.source.token : "" }),
        ...threeDSFields(p.threeDS),
      };
    },
    response: authResponse,
  };
}

function processDefinition<P extends ProcessParams | ReAuthParams, T>(
  operateId: string,
  params: z.ZodType<P>,
  extra: (p: P, now: Date) => Record<string, string>,
  response: z.ZodType<T>,
): OperationDefinition<P, T> {
  return {
    operateId,
    endpoint: "card",
    credentials: "card",
    params,
    buildFields: (p, { common, now }) => ({
      ...common({ orderId: p.orderId, userId: p.member && "userId" in p.member ? p.member.userId : undefined }),
      ProcessId: p.processId,
      ProcessPass: p.processPass,
      ...extra(p, now),
      ...(p.member ? { KaiinId: p.member.kaiinId, KaiinPass: p.member.kaiinPass } : {}),
    }),
    response,
  };
}

const none = () => ({});

const definitions = {
  auth: masterDefinition("1Auth"),
  gathering: masterDefinition("1Gathering"),
  capture: processDefinition(
    "1Capture",
    captureParams,
    (p, now) => ({ SalesDate: p.salesDate ?? jstDate(now) }),
    processResponse,
  ),
  change: processDefinition("1Change", changeParams, (p) => ({ Amount: String(p.amount) }), processResponse),
  delete: processDefinition("1Delete", processParams, none, processResponse),
  search: processDefinition("1Search", processParams, none, searchResponse),
  reAuth: processDefinition(
    "1ReAuth",
    reAuthParams,
    (p, now) => ({ Amount: String(p.amount), SalesDate: p.salesDate ?? jstDate(now) }),
    processResponse,
  ),
};

export interface CardApi {
  /** 1Auth 与信. */
  auth(params: AuthParams): Promise<EscottResult<AuthData>>;
  /** 1Gathering 与信売上計上. */
  gathering(params: AuthParams): Promise<EscottResult<AuthData>>;
  /** 1Capture 売上計上 (SalesDate defaults to today JST). */
  capture(params: CaptureParams): Promise<EscottResult<ProcessData>>;
  /** 1Change 利用額変更. */
  change(params: ChangeParams): Promise<EscottResult<ProcessData>>;
  /** 1Delete 取消. */
  delete(params: ProcessParams): Promise<EscottResult<ProcessData>>;
  /** 1Search 取引参照. */
  search(params: ProcessParams): Promise<EscottResult<SearchData>>;
  /** 1ReAuth 再オーソリ (SalesDate defaults to today JST). */
  reAuth(params: ReAuthParams): Promise<EscottResult<ProcessData>>;
}

export function createCardApi(ctx: ClientContext): CardApi {
  return {
    auth: (params) => runOperation(ctx, definitions.auth, params),
    gathering: (params) => runOperation(ctx, definitions.gathering, params),
    capture: (params) => runOperation(ctx, definitions.capture, params),
    change: (params) => runOperation(ctx, definitions.change, params),
    delete: (params) => runOperation(ctx, definitions.delete, params),
    search: (params) => runOperation(ctx, definitions.search, params),
    reAuth: (params) => runOperation(ctx, definitions.reAuth, params),
  };
}
