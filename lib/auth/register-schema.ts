import { z } from "zod";
import { newPasswordSchema } from "@/lib/auth/password-policy";
import { msg } from "@/lib/i18n/keys";

export const registerSchema = z
  .object({
    email: z
      .string()
      .transform((s) => s.normalize("NFKC").trim().toLowerCase())
      .pipe(z.string().min(1, msg("errors.required")).max(254, msg("errors.tooLong:254")).email(msg("errors.email"))),
    password: newPasswordSchema("customer"),
    passwordConfirm: z.string(),
  })
  .refine((v) => v.password === v.passwordConfirm, { message: msg("errors.passwordMismatch"), path: ["passwordConfirm"] });
