"use server";
// E-mail verification (lib/auth/email-verification.ts). The link's page asks for a click before the
// token is used: mail scanners that open links must not use it up.
import { getCurrentUser } from "@/lib/auth/session";
import { resendVerificationMail, verifyEmail } from "@/lib/auth/email-verification";
import { db } from "@/lib/db";
import { getLocale } from "@/lib/i18n/server";

export async function verifyEmailAction(token: string): Promise<boolean> {
  return verifyEmail(db(), token);
}

/** Another verification e-mail for the logged-in user (3 per hour). */
export async function resendVerificationAction(): Promise<boolean> {
  const user = await getCurrentUser();
  if (!user) return false;
  return resendVerificationMail(db(), user.id, await getLocale());
}
