import { z } from "zod";
import * as f from "./field-schemas";
import { brandOf, type CardBrand } from "./installments";
import { runOperation, type ClientContext, type OperationDefinition } from "./operation";
import type { RandomInt } from "./random";
import type { EscottResult } from "./result";
import { threeDSFields, threeDSValuesSchema, type ThreeDSValues } from "./three-d-secure-values";

// Stored-card members on OCRP005 (docs/escott-protocol.md §3.5, §8).

export interface MemberParams {
  /** MerchantFree3. */
  userId: string;
  kaiinId: string;
  kaiinPass: string;
  /** MerchantFree2, when the member call is part of a checkout. */
  orderId?: string;
  transactionCode?: string;
}

export interface MemberCardParams extends MemberParams {
  /** Consumed by a successful 4MemAdd/4MemChg; pay with KaiinId afterwards. */
  token: string;
  /** After a 3DS round trip the values are sent with the member request too (§6.3 step 9). */
  threeDS?: ThreeDSValues;
}

export interface MemberData {
  transactionId?: string;
  companyCd?: string;
}

export interface MemberReferenceData extends MemberData {
  kaiinId?: string;
  /** Masked by e-SCOTT, e.g. "4541********0040". */
  cardNo: string;
  /** Leading digits of CardNo — feed to installmentOptions(). */
  cardPrefix: string;
  last4: string;
  brand: CardBrand;
  /** YYMM. */
  cardExp?: string;
  /** 0 有効, 1 カード無効, 2 ログイン回数無効, 3 会員無効, 4 会員削除. */
  kaiinStatus?: string;
  kaiinEnableDate?: string;
}

const memberShape = {
  userId: f.text,
  kaiinId: f.text,
  kaiinPass: f.text,
  orderId: f.text.optional(),
  transactionCode: f.transactionCode,
};
const memberParams = z.object(memberShape) satisfies z.ZodType<MemberParams>;
const memberCardParams = z.object({
  ...memberShape,
  token: f.text,
  threeDS: threeDSValuesSchema.optional(),
}) satisfies z.ZodType<MemberCardParams>;

const optional = z.string().optional();
const memberResponse = z
  .object({ TransactionId: optional, CompanyCd: optional })
  .transform((r): MemberData => ({ transactionId: r.TransactionId, companyCd: r.CompanyCd }));

const referenceResponse = z
  .object({
    TransactionId: optional,
    CompanyCd: optional,
    KaiinId: optional,
    // The brand menu and 「登録済みカード番号下4桁」 are derived from it, so it must be usable.
    CardNo: z.string().regex(/^\d{1,6}[\d*Xx]*\d{4}$/, "CardNo must keep leading digits and the last 4"),
    CardExp: optional,
    KaiinStatus: optional,
    KaiinEnableDate: optional,
  })
  .transform(
    (r): MemberReferenceData => ({
      transactionId: r.TransactionId,
      companyCd: r.CompanyCd,
      kaiinId: r.KaiinId,
      cardNo: r.CardNo,
      cardPrefix: /^\d*/.exec(r.CardNo)?.[0] ?? "",
      last4: r.CardNo.slice(-4),
      brand: brandOf(r.CardNo),
      cardExp: r.CardExp,
      kaiinStatus: r.KaiinStatus,
      kaiinEnableDate: r.KaiinEnableDate,
    }),
  );

function definition<P extends MemberParams, T>(
  operateId: string,
  params: z.ZodType<P>,
  response: z.ZodType<T>,
  extra: (p: P) => Record<string, string> = () => ({}),
): OperationDefinition<P, T> {
  return {
    operateId,
    endpoint: "member",
    credentials: "card",
    params,
    buildFields: (p, { common }) => ({
      ...common({ orderId: p.orderId, userId: p.userId }),
      KaiinId: p.kaiinId,
      KaiinPass: p.kaiinPass,
      ...extra(p),
    }),
    response,
  };
}

const withToken = (p: MemberCardParams) => ({ Token: p.token, ...threeDSFields(p.threeDS) });

const definitions = {
  add: definition("4MemAdd", memberCardParams, memberResponse, withToken),
  change: definition("4MemChg", memberCardParams, memberResponse, withToken),
  reference: definition("4MemRefM", memberParams, referenceResponse),
  invalidate: definition("4MemInval", memberParams, memberResponse),
  delete: definition("4MemDel", memberParams, memberResponse),
};

export interface MemberApi {
  /** 4MemAdd: store the tokenised card under a new KaiinId (K69 if the ID was ever used). */
  add(params: MemberCardParams): Promise<EscottResult<MemberData>>;
  /** 4MemChg: replace the stored card. */
  change(params: MemberCardParams): Promise<EscottResult<MemberData>>;
  /** 4MemRefM: masked card reference. K71 = KaiinId/KaiinPass do not match (treat as "no stored card"). */
  reference(params: MemberParams): Promise<EscottResult<MemberReferenceData>>;
  /** 4MemInval: first step of deletion. */
  invalidate(params: MemberParams): Promise<EscottResult<MemberData>>;
  /** 4MemDel: only after 4MemInval (else K70). */
  delete(params: MemberParams): Promise<EscottResult<MemberData>>;
  /** New KaiinId/KaiinPass in the proven format of the vendor's WooCommerce plugins (docs/escott-protocol.md §8.1). */
  newCredentials(userKey: string): { kaiinId: string; kaiinPass: string };
}

/**
 * KaiinId = "wc" + user key + "i" + 7 random digits; KaiinPass = random uint32 as 12 digits.
 * A fresh random ID every time sidesteps "a deleted KaiinId can never be registered again".
 * Throws RangeError when userKey is not 1–10 ASCII alphanumerics (keeps the ID ≤ 20 characters).
 */
export function newKaiinCredentials(userKey: string, randomInt: RandomInt): { kaiinId: string; kaiinPass: string } {
  if (!/^[A-Za-z0-9]{1,10}$/.test(userKey)) throw new RangeError("userKey must be 1–10 ASCII alphanumerics");
  const suffix = String(randomInt(0, 10_000_000)).padStart(7, "0");
  const pass = String(randomInt(0, 2 ** 32)).padStart(12, "0");
  return { kaiinId: `wc${userKey}i${suffix}`, kaiinPass: pass };
}

export function createMemberApi(ctx: ClientContext): MemberApi {
  return {
    add: (p) => runOperation(ctx, definitions.add, p),
    change: (p) => runOperation(ctx, definitions.change, p),
    reference: (p) => runOperation(ctx, definitions.reference, p),
    invalidate: (p) => runOperation(ctx, definitions.invalidate, p),
    delete: (p) => runOperation(ctx, definitions.delete, p),
    newCredentials: (userKey) => newKaiinCredentials(userKey, ctx.randomInt),
  };
}
