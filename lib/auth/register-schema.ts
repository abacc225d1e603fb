import { z } from "zod";

export const registerSchema = z
  .object({
    email: z
      .string()
      .transform((s) => s.normalize("NFKC").trim().toLowerCase())
      .pipe(z.string().min(1, "errors.required").max(254, "errors.tooLong:254").email("errors.email")),
    password: z.string().min(8, "errors.passwordLength").max(200, "errors.tooLong:200"),
    passwordConfirm: z.string(),
  })
  .refine((v) => v.password === v.passwordConfirm, { message: "errors.passwordMismatch", path: ["passwordConfirm"] });
