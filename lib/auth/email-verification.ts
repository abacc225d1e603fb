// E-mail verification: a new account gets a link (valid 3 days, once); until it is followed the
// account cannot save a card or pay with one (a card stored for an address nobody controls would
// let whoever typed it there receive its mails). Following a password-reset link also proves the
// address.
import { sendAccountMail, siteLink } from "@/lib/auth/account-mails";
import { consumeToken, issueToken } from "@/lib/auth/tokens";
import type { Db } from "@/lib/db";
import type { Locale } from "@/lib/i18n";
import { hitThrottle, type ThrottleRule } from "@/lib/security/throttle";

export const VERIFY_RESENDS: ThrottleRule = { name: "verify-resend", limit: 3, windowMs: 3_600_000 };

export async function isEmailVerified(db: Db, userId: string): Promise<boolean> {
  const row = await db.user.findUnique({ where: { id: userId }, select: { emailVerifiedAt: true } });
  return Boolean(row?.emailVerifiedAt);
}

export async function sendVerificationMail(db: Db, user: { id: string; email: string }, locale: Locale): Promise<void> {
  const token = await issueToken(db, user.id, "email-verify");
  await sendAccountMail(db, "email_verify", user.email, siteLink(`/verify-email/${token}`), locale);
}

/** Another link for a logged-in user who lost the first (3 per hour); false when throttled or already verified. */
export async function resendVerificationMail(db: Db, userId: string, locale: Locale): Promise<boolean> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { id: true, email: true, emailVerifiedAt: true } });
  if (!user || user.emailVerifiedAt) return false;
  if (!(await hitThrottle(db, VERIFY_RESENDS, user.id)).allowed) return false;
  await sendVerificationMail(db, user, locale);
  return true;
}

/** Follows the link: true when it verified an address now. */
export async function verifyEmail(db: Db, token: unknown): Promise<boolean> {
  const userId = await consumeToken(db, token, "email-verify");
  if (!userId) return false;
  await db.user.updateMany({ where: { id: userId, emailVerifiedAt: null }, data: { emailVerifiedAt: new Date() } });
  return true;
}
