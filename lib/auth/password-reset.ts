// Password reset by e-mail. Asking for it answers the same whatever the address (no user
// enumeration) and is throttled per address and per client IP address (nobody can flood a mailbox
// or our outbox); the link is a single-use token valid for 30 minutes (lib/auth/tokens.ts). Setting
// the new password ends every login of the account and counts as proof of the address.
import { z } from "zod";
import { sendAccountMail, siteLink } from "@/lib/auth/account-mails";
import { hashPassword } from "@/lib/auth/password";
import { newPasswordSchema } from "@/lib/auth/password-policy";
import { endAllUserSessions } from "@/lib/auth/sessions";
import { consumeToken, issueToken, peekToken } from "@/lib/auth/tokens";
import { fieldErrors, type FieldErrors } from "@/lib/checkout/address-schema";
import type { Db } from "@/lib/db";
import type { Locale } from "@/lib/i18n";
import { msg } from "@/lib/i18n/keys";
import { hitThrottle, type ThrottleRule } from "@/lib/security/throttle";

export const RESET_PER_ADDRESS: ThrottleRule = { name: "reset-address", limit: 3, windowMs: 3_600_000 };
export const RESET_PER_IP: ThrottleRule = { name: "reset-ip", limit: 10, windowMs: 3_600_000 };

export type ResetRequestResult = { ok: true } | { ok: false; errors: FieldErrors };

const emailSchema = z.object({
  email: z
    .string({ error: msg("errors.required") })
    .transform((s) => s.normalize("NFKC").trim())
    .pipe(z.string().min(1, msg("errors.required")).max(254, msg("errors.tooLong:254")).email(msg("errors.email"))),
});

/** Sends a reset link when the address has an account. The answer never says whether it has. */
export async function requestPasswordReset(db: Db, input: unknown, ip: string, locale: Locale): Promise<ResetRequestResult> {
  const parsed = emailSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
  const email = parsed.data.email.toLowerCase();
  const [byIp, byAddress] = await Promise.all([hitThrottle(db, RESET_PER_IP, ip), hitThrottle(db, RESET_PER_ADDRESS, email)]);
  if (!byIp.allowed) return { ok: false, errors: { email: "auth.tooMany" } };
  // Over the per-address limit the answer stays the same: it must not tell that the address exists.
  if (!byAddress.allowed) return { ok: true };
  const user = await db.user.findFirst({ where: { email: { in: [parsed.data.email, email] } }, select: { id: true, email: true } });
  if (!user) return { ok: true };
  const token = await issueToken(db, user.id, "password-reset");
  await sendAccountMail(db, "password_reset", user.email, siteLink(`/reset-password/${token}`), locale);
  return { ok: true };
}

export type ResetResult = { ok: true } | { ok: false; errors: FieldErrors };

/** Sets the new password through the link's token: once, while the token is valid. */
export async function resetPassword(db: Db, token: unknown, input: { password?: unknown; passwordConfirm?: unknown }): Promise<ResetResult> {
  const userId = await peekToken(db, token, "password-reset");
  const user = userId ? await db.user.findUnique({ where: { id: userId }, select: { id: true, role: true } }) : null;
  if (!user) return { ok: false, errors: { form: "auth.linkInvalid" } };
  const parsed = z
    .object({ password: newPasswordSchema(user.role === "admin" ? "admin" : "customer"), passwordConfirm: z.string().max(200) })
    .refine((v) => v.password === v.passwordConfirm, { message: msg("errors.passwordMismatch"), path: ["passwordConfirm"] })
    .safeParse(input);
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
  const passwordHash = await hashPassword(parsed.data.password);
  if ((await consumeToken(db, token, "password-reset")) !== user.id) return { ok: false, errors: { form: "auth.linkInvalid" } };
  await db.user.update({ where: { id: user.id }, data: { passwordHash } });
  await db.user.updateMany({ where: { id: user.id, emailVerifiedAt: null }, data: { emailVerifiedAt: new Date() } });
  await endAllUserSessions(db, user.id);
  return { ok: true };
}
