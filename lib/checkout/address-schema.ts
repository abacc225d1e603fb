// The server's check of the checkout (zod at the boundary). Each field's rule is the shared one from
// address-rules.ts, which the browser runs too: one rule, the same messages on both sides.
// Messages are dictionary keys ("errors.kana"), translated where they are shown.
import { z } from "zod";
import { ADDRESS_RULES, emailRule, type Rule } from "@/lib/checkout/address-rules";
import { msg, toMessageRef, type MessageRef } from "@/lib/i18n/keys";

/** A string (else `typeError`) that the shared rule normalises or refuses. */
const ruled = (rule: Rule, typeError: MessageRef = msg("errors.required")) =>
  z.string({ error: typeError }).transform((s, ctx) => {
    const result = rule(s);
    if (result.ok) return result.value;
    ctx.addIssue({ code: "custom", message: result.message });
    return z.NEVER;
  });

const r = ADDRESS_RULES;

export const addressSchema = z.object({
  lastName: ruled(r.lastName),
  firstName: ruled(r.firstName),
  lastNameKana: ruled(r.lastNameKana),
  firstNameKana: ruled(r.firstNameKana),
  postalCode: ruled(r.postalCode),
  prefecture: ruled(r.prefecture, msg("errors.prefecture")),
  city: ruled(r.city),
  address1: ruled(r.address1),
  // 建物名 may be left out altogether.
  address2: z
    .string()
    .optional()
    .transform((s) => s ?? "")
    .pipe(ruled(r.address2)),
  phone: ruled(r.phone),
});

export type Address = z.infer<typeof addressSchema>;

export const checkoutSchema = z
  .object({
    billing: addressSchema,
    email: ruled(emailRule),
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
