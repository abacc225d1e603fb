"use server";
// Changing the password: the current one is required (a borrowed logged-in browser cannot take
// the account over), tries are throttled per account, and every other login ends.
import { getServerSession } from "next-auth";
import { z } from "zod";
import { authOptions } from "@/lib/auth/options";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { newPasswordSchema } from "@/lib/auth/password-policy";
import { getCurrentUser } from "@/lib/auth/session";
import { endAllUserSessions } from "@/lib/auth/sessions";
import { fieldErrors, type FieldErrors } from "@/lib/checkout/address-schema";
import { db } from "@/lib/db";
import { msg } from "@/lib/i18n/keys";
import { hitThrottle, type ThrottleRule } from "@/lib/security/throttle";

export type ChangePasswordResult = { ok: true } | { ok: false; errors: FieldErrors };

/** Tries per account: the same budget as a login from one address. (Not exported: a "use server" file exports only actions.) */
const PASSWORD_CHANGE: ThrottleRule = { name: "password-change", limit: 10, windowMs: 15 * 60_000 };

export async function changePasswordAction(input: { current: string; password: string; passwordConfirm: string }): Promise<ChangePasswordResult> {
  const user = await getCurrentUser();
  if (!user) return { ok: false, errors: { current: "errors.generic" } };
  const parsed = z
    .object({ current: z.string().min(1, msg("errors.required")).max(200), password: newPasswordSchema(user.role), passwordConfirm: z.string() })
    .refine((v) => v.password === v.passwordConfirm, { message: msg("errors.passwordMismatch"), path: ["passwordConfirm"] })
    .safeParse(input);
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
  if (!(await hitThrottle(db(), PASSWORD_CHANGE, user.id)).allowed) return { ok: false, errors: { current: "account.tooManyAttempts" } };
  const row = await db().user.findUnique({ where: { id: user.id }, select: { passwordHash: true } });
  if (!(await verifyPassword(parsed.data.current, row?.passwordHash))) return { ok: false, errors: { current: "errors.currentPasswordWrong" } };
  await db().user.update({ where: { id: user.id }, data: { passwordHash: await hashPassword(parsed.data.password) } });
  const session = await getServerSession(authOptions);
  await endAllUserSessions(db(), user.id, session?.sid);
  return { ok: true };
}
