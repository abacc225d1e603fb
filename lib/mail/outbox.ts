// Every e-mail is first written to the EmailMessage table (the outbox), in the caller's
// transaction when it has one, so an e-mail exists exactly when the event that caused it was
// committed. Delivery over SMTP happens afterwards and records its result on the row.
import type { Db, Tx } from "@/lib/db";
import { configuredTransport, mailFrom, type MailTransport } from "@/lib/mail/transport";

export interface MailMessage {
  kind: string;
  orderId?: number | null;
  to: string;
  subject: string;
  body: string;
}

export async function queueMail(db: Db | Tx, message: MailMessage): Promise<string> {
  const row = await db.emailMessage.create({
    data: { kind: message.kind, orderId: message.orderId ?? null, to: message.to, subject: message.subject, body: message.body },
  });
  return row.id;
}

/**
 * Sends queued e-mails through SMTP when configured. Never throws: a failure is written to the
 * row (error) and the message stays readable in the outbox. Without SMTP nothing happens.
 */
export async function deliverMails(db: Db, ids: readonly string[], transport: MailTransport | null = configuredTransport()): Promise<void> {
  if (!transport || ids.length === 0) return;
  for (const id of ids) {
    try {
      const claimed = await db.emailMessage.findFirst({ where: { id, sentAt: null } });
      if (!claimed) continue;
      await transport.send({ from: mailFrom(), to: claimed.to, subject: claimed.subject, text: claimed.body });
      await db.emailMessage.update({ where: { id }, data: { sentAt: new Date(), error: null } });
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      await db.emailMessage.update({ where: { id }, data: { error: message.slice(0, 500) } }).catch(() => {});
    }
  }
}

export function deliverInBackground(db: Db, ids: readonly string[]): void {
  void deliverMails(db, ids).catch(() => {});
}
