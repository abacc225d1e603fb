// What a new password must be: at least 8 characters (12 for administrators, whose account can
// capture, cancel and refund payments), at most 200, and not one of the most common passwords.
import { z } from "zod";
import { isCommonPassword } from "@/lib/auth/common-passwords";
import { msg } from "@/lib/i18n/keys";

export const MIN_PASSWORD = { customer: 8, admin: 12 } as const;

export function newPasswordSchema(role: "customer" | "admin" = "customer") {
  return z
    .string()
    .min(MIN_PASSWORD[role], msg(role === "admin" ? "errors.passwordLengthAdmin" : "errors.passwordLength"))
    .max(200, msg("errors.tooLong:200"))
    .refine((p) => !isCommonPassword(p), { message: msg("errors.passwordCommon") });
}
