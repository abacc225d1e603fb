// A My Account card registration waiting for its 3-D Secure return (docs/escott-protocol.md §6.4, §8.4).
// Like the `post` rows of the vendor's WooCommerce plugins, it is kept in the payment-log table under its 決済コード:
// the return is a cross-site POST without our session, so this row is how we recognise it.
// The row is sealed (it holds the new KaiinId/KaiinPass), hidden from the log page, and
// claimed by deleting it, so a replayed return finds nothing to act on.
import { z } from "zod";
import type { Db } from "@/lib/db";
import { MEMBER_REGISTRATIONS } from "@/lib/escott";
import type { SecretBox } from "@/lib/security/secret-box";

export const PENDING_KIND = "pending";
const MAX_AGE_MS = 2 * 60 * 60 * 1000;

const pendingSchema = z.object({
  operateId: z.enum(MEMBER_REGISTRATIONS),
  userId: z.string(),
  kaiinId: z.string(),
  kaiinPass: z.string(),
  maskedCard: z.string(),
});

export type PendingRegistration = z.infer<typeof pendingSchema>;

export async function rememberRegistration(db: Db, box: SecretBox, transactionCode: string, data: PendingRegistration, now = new Date()): Promise<void> {
  // Registrations whose shopper never came back from the 3DS page are of no use any more.
  await db.paymentLog.deleteMany({ where: { kind: PENDING_KIND, createdAt: { lt: new Date(now.getTime() - MAX_AGE_MS) } } });
  await db.paymentLog.create({
    data: { gateway: "card", transactionCode, operateId: data.operateId, kind: PENDING_KIND, outcome: "ok", detail: box.seal(JSON.stringify(data)) },
  });
}

/** Takes the pending registration out (once). Null when unknown, already taken or too old. */
export async function claimRegistration(db: Db, box: SecretBox, transactionCode: string, now: Date): Promise<PendingRegistration | null> {
  const row = await db.paymentLog.findFirst({ where: { kind: PENDING_KIND, transactionCode } });
  if (!row?.detail) return null;
  const { count } = await db.paymentLog.deleteMany({ where: { id: row.id } });
  if (count !== 1 || now.getTime() - row.createdAt.getTime() > MAX_AGE_MS) return null;
  try {
    const parsed = pendingSchema.safeParse(JSON.parse(box.open(row.detail)));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
