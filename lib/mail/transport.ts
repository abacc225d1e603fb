// SMTP through nodemailer when SMTP_URL is set; otherwise no transport and e-mails stay in the
// outbox (EmailMessage rows shown at /admin/outbox), so the shop works without a mail server.
import nodemailer, { type Transporter } from "nodemailer";
import { env } from "@/lib/env";

export interface MailTransport {
  send(message: { from: string; to: string; subject: string; text: string }): Promise<void>;
}

/** smtp(s)://user:pass@host:port → nodemailer options, with timeouts short enough for a web request. */
export function smtpOptions(smtpUrl: string) {
  const url = new URL(smtpUrl);
  const secure = url.protocol === "smtps:";
  return {
    host: url.hostname,
    port: url.port ? Number(url.port) : secure ? 465 : 587,
    secure,
    auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  };
}

export function createSmtpTransport(smtpUrl: string): MailTransport {
  const transporter: Transporter = nodemailer.createTransport(smtpOptions(smtpUrl));
  return {
    async send(message) {
      await transporter.sendMail(message);
    },
  };
}

let cached: { url: string; transport: MailTransport } | undefined;

/** The configured SMTP transport, or null when e-mails should only be kept in the outbox. */
export function configuredTransport(): MailTransport | null {
  const url = env().SMTP_URL;
  if (!url) return null;
  if (cached?.url !== url) cached = { url, transport: createSmtpTransport(url) };
  return cached.transport;
}

export function mailFrom(): string {
  const e = env();
  return e.MAIL_FROM ?? `"${e.SHOP_NAME}" <noreply@${new URL(e.SITE_URL).hostname}>`;
}
