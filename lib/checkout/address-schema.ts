// One schema for the browser and the server. Messages are dictionary keys ("errors.kana"),
// translated where they are shown, so the same rules speak Japanese or English.
import { z } from "zod";
import { normalizePhone } from "@/lib/address/phone";
import { normalizePostalCode } from "@/lib/address/postal-code";
import { isPrefectureCode } from "@/lib/address/prefectures";
import { msg, toMessageRef, type MessageRef } from "@/lib/i18n/keys";
import { isFullWidthKatakana, toFullWidthKatakana } from "@/lib/text/kana";

const text = (max: number) =>
  z
    .string({ error: msg("errors.required") })
    .transform((s) => s.trim())
    .pipe(z.string().min(1, msg("errors.required")).max(max, msg(`errors.tooLong:${max}`)));

const optionalText = (max: number) =>
  z
    .string()
    .optional()
    .transform((s) => (s ?? "").trim())
    .pipe(z.string().max(max, msg(`errors.tooLong:${max}`)));

const kana = z
  .string({ error: msg("errors.required") })
  .transform((s) => toFullWidthKatakana(s))
  .pipe(z.string().min(1, msg("errors.required")).max(40, msg("errors.tooLong:40")).refine(isFullWidthKatakana, msg("errors.kana")));

const postalCode = z
  .string({ error: msg("errors.required") })
  .transform((s, ctx) => {
    if (!s.trim()) {
      ctx.addIssue({ code: "custom", message: msg("errors.required") });
      return z.NEVER;
    }
    const v = normalizePostalCode(s);
    if (!v) {
      ctx.addIssue({ code: "custom", message: msg("errors.postalCode") });
      return z.NEVER;
    }
    return v;
  });

const phone = z
  .string({ error: msg("errors.required") })
  .transform((s, ctx) => {
    if (!s.trim()) {
      ctx.addIssue({ code: "custom", message: msg("errors.required") });
      return z.NEVER;
    }
    const v = normalizePhone(s);
    if (!v) {
      ctx.addIssue({ code: "custom", message: msg("errors.phone") });
      return z.NEVER;
    }
    return v;
  });

const prefecture = z.string({ error: msg("errors.prefecture") }).refine((code): boolean => isPrefectureCode(code), msg("errors.prefecture"));

export const addressSchema = z.object({
  lastName: text(30),
  firstName: text(30),
  lastNameKana: kana,
  firstNameKana: kana,
  postalCode,
  prefecture,
  city: text(60),
  address1: text(80),
  address2: optionalText(80),
  phone,
});

export type Address = z.infer<typeof addressSchema>;

export const checkoutSchema = z
  .object({
    billing: addressSchema,
    email: z
      .string({ error: msg("errors.required") })
      .transform((s) => s.normalize("NFKC").trim())
      .pipe(z.string().min(1, msg("errors.required")).max(254, msg("errors.tooLong:254")).email(msg("errors.email"))),
    shipToDifferentAddress: z.boolean().default(false),
    shipping: z.unknown().optional(),
    paymentMethod: z.string().optional(),
  })
  .transform((value, ctx) => {
    if (!value.shipToDifferentAddress) return { ...value, shipping: null };
    const shipping = addressSchema.safeParse(value.shipping ?? {});
    if (!shipping.success) {
      for (const issue of shipping.error.issues) {
        ctx.addIssue({ code: "custom", message: issue.message, path: ["shipping", ...issue.path] });
      }
      return z.NEVER;
    }
    return { ...value, shipping: shipping.data };
  });

export type CheckoutInput = z.input<typeof checkoutSchema>;
export type CheckoutData = z.output<typeof checkoutSchema>;

/** Field path ("billing.postalCode") → first message key. */
export type FieldErrors = Record<string, MessageRef>;

export function fieldErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".");
    // zod's messages are plain strings: ours are msg() keys; anything else (zod's own text) shows the generic error.
    if (!(key in out)) out[key] = toMessageRef(issue.message);
  }
  return out;
}
