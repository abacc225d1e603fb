// The account e-mails (password reset, e-mail verification): queued in the outbox like every other
// mail, delivered over SMTP when configured, in the user's language.
import type { Db } from "@/lib/db";
import { env } from "@/lib/env";
import { dictionaryFor, fmt, type Locale } from "@/lib/i18n";
import { deliverInBackground, queueMail } from "@/lib/mail/outbox";

export function siteLink(path: string): string {
  return new URL(path, env().SITE_URL).toString();
}

export async function sendAccountMail(db: Db, kind: "password_reset" | "email_verify", to: string, url: string, locale: Locale): Promise<void> {
  const t = dictionaryFor(locale).auth;
  const shop = env().SHOP_NAME;
  const [subject, body] = kind === "password_reset" ? [t.resetMailSubject, t.resetMailBody] : [t.verifyMailSubject, t.verifyMailBody];
  const id = await queueMail(db, { kind, to, subject: fmt(subject, { shop }), body: fmt(body, { shop, url }) });
  deliverInBackground(db, [id]);
}
