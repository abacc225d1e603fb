import { z } from "zod";
import { isValidPayLimit, isValidYmd } from "./dates";
import { PAY_TYPES } from "./installments";
import { TRANSACTION_CODE_PATTERN } from "./random";

// Request-side building blocks. Messages never echo the input value, so a rejected request can be
// logged or shown to an admin without leaking a token or password.

export const text = z.string().min(1, "required");
export const transactionCode = z
  .string()
  .regex(TRANSACTION_CODE_PATTERN, "must be 12 digits, 000000000001–999999999999")
  .optional();
/** Integer yen, ≠0, ≤ 8 digits (K23). */
export const amount = z.number().int("must be an integer").min(1, "must be ≥ 1").max(99_999_999, "at most 8 digits");
export const payType = z.enum(PAY_TYPES);
export const ymd = z.string().refine(isValidYmd, "must be a valid YYYYMMDD");
export const payLimit = z.string().refine(isValidPayLimit, "must be YYYYMMDDHHMM");
export const absoluteUrl = z.string().refine((value) => {
  try {
    const url = new URL(value);
    return url.protocol === "https:" || url.protocol === "http:";
  } catch {
    return false;
  }
}, "must be an absolute http(s) URL");

export const member = z.object({ kaiinId: text, kaiinPass: text });
export const memberWithUser = member.extend({ userId: text });

/** Response-side: required non-empty field. */
export const present = z.string().min(1, "missing in response");
export const yen = z
  .string()
  .regex(/^\d+$/, "must be digits")
  .transform((value) => Number(value));
