// One schema for the browser and the server. Messages are dictionary keys ("errors.kana"),
// translated where they are shown, so the same rules speak Japanese or English.
import { z } from "zod";
import { normalizePhone } from "@/lib/address/phone";
import { normalizePostalCode } from "@/lib/address/postal-code";
import { isPrefectureCode } from "@/lib/address/prefectures";
import { isFullWidthKatakana, toFullWidthKatakana } from "@/lib/text/kana";

const text = (max: number) =>
  z
    .string({ error: "errors.required" })
    .transform((s) => s.trim())
    .pipe(z.string().min(1, "errors.required").max(max, `errors.tooLong:${max}`));

const optionalText = (max: number) =>
  z
    .string()
    .optional()
    .transform((s) => (s ?? "").trim())
    .pipe(z.string().max(max, `errors.tooLong:${max}`));

const kana = z
  .string({ error: "errors.required" })
  .transform((s) => toFullWidthKatakana(s))
  .pipe(z.string().min(1, "errors.required").max(40, "errors.tooLong:40").refine(isFullWidthKatakana, "errors.kana"));

const postalCode = z
  .string({ error: "errors.required" })
  .transform((s, ctx) => {
    if (!s.trim()) {
      ctx.addIssue({ code: "custom", message: "errors.required" });
      return z.NEVER;
    }
    const v = normalizePostalCode(s);
    if (!v) {
      ctx.addIssue({ code: "custom", message: "errors.postalCode" });
      return z.NEVER;
    }
    return v;
  });

const phone = z
  .string({ error: "errors.required" })
  .transform((s, ctx) => {
    if (!s.trim()) {
      ctx.addIssue({ code: "custom", message: "errors.required" });
      return z.NEVER;
    }
    const v = normalizePhone(s);
    if (!v) {
      ctx.addIssue({ code: "custom", message: "errors.phone" });
      return z.NEVER;
    }
    return v;
  });

const prefecture = z.string({ error: "errors.prefecture" }).refine((code): boolean => isPrefectureCode(code), "errors.prefecture");

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
      .string({ error: "errors.required" })
      .transform((s) => s.normalize("NFKC").trim())
      .pipe(z.string().min(1, "errors.required").max(254, "errors.tooLong:254").email("errors.email")),
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
export type FieldErrors = Record<string, string>;

export function fieldErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".");
    if (!(key in out)) out[key] = issue.message;
  }
  return out;
}
