// Issuing a 領収書: who may have one (paid orders only), the addressee fixed once, and every issue
// recorded and numbered (1 = original, later ones are 再発行) under a per-order cap.
import { z } from "zod";
import type { Db, Tx } from "@/lib/db";
import { msg } from "@/lib/i18n";
import { Prisma } from "@/lib/generated/prisma/client";

/** Issues per order, originals and 再発行 together: no input can write more rows than this. */
export const MAX_ISSUES = 20;
export const DEFAULT_PURPOSE = "お品代として";

/** Payment states in which the money is the shop's (or held for it): a card authorized or captured, a CVS payment paid. */
const PAID_STATES = ["authorized", "captured", "paid"];
const PAID_ORDER_STATUSES = ["processing", "completed"];
const VOID_ORDER_STATUSES = ["cancelled", "refunded"];

export type ReceiptRefusal = "unpaid" | "void" | "limit";

export interface ReceiptOrderFacts {
  status: string;
  payments: { gateway: string; state: string }[];
}

/** The paid payment a receipt is for, or why there is no receipt. */
export function receiptEligibility(order: ReceiptOrderFacts): { ok: true; gateway: string } | { ok: false; reason: "unpaid" | "void" } {
  if (VOID_ORDER_STATUSES.includes(order.status)) return { ok: false, reason: "void" };
  const paid = order.payments.find((p) => PAID_STATES.includes(p.state));
  if (!paid || !PAID_ORDER_STATUSES.includes(order.status)) return { ok: false, reason: "unpaid" };
  return { ok: true, gateway: paid.gateway };
}

// No control characters: the text goes onto a printed document.
const printable = (max: number) =>
  z
    .string()
    .trim()
    .max(max, msg(`errors.tooLong:${max}`))
    .refine((v) => !/\p{Cc}/u.test(v), msg("receipts.addresseeInvalid"));

export const addresseeSchema = z.object({
  addressee: printable(60).pipe(z.string().min(1, msg("errors.required"))),
  purpose: printable(40).transform((v) => v || DEFAULT_PURPOSE),
});
export type AddresseeInput = z.input<typeof addresseeSchema>;

export function defaultAddressee(order: { billingLastName: string; billingFirstName: string }): string {
  return `${order.billingLastName} ${order.billingFirstName} 様`;
}

function receiptOrder(db: Db | Tx, orderId: number) {
  return db.order.findUnique({
    where: { id: orderId },
    include: { items: true, fees: true, refunds: { select: { amount: true, createdAt: true }, orderBy: { createdAt: "asc" } }, payments: { select: { gateway: true, state: true } }, receipt: true, _count: { select: { receiptIssues: true } } },
  });
}
export type ReceiptOrder = NonNullable<Awaited<ReturnType<typeof receiptOrder>>>;

export type FixResult = { ok: true } | { ok: false; reason: "fixed" | "unpaid" | "void" | "missing" };

/**
 * The customer's one chance to word the 宛名 and 但し書き (before the first issue). Refused once
 * they are fixed — by an earlier choice or by the first issue's defaults.
 */
export async function fixAddressee(db: Db, orderId: number, input: z.output<typeof addresseeSchema>): Promise<FixResult> {
  const order = await receiptOrder(db, orderId);
  if (!order) return { ok: false, reason: "missing" };
  const eligible = receiptEligibility(order);
  if (!eligible.ok) return eligible;
  if (order.receipt) return { ok: false, reason: "fixed" };
  try {
    await db.receipt.create({ data: { orderId, addressee: input.addressee, purpose: input.purpose } });
  } catch (e) {
    // Two submits at once: the other one fixed it.
    if (isUniqueViolation(e)) return { ok: false, reason: "fixed" };
    throw e;
  }
  return { ok: true };
}

export interface Issued {
  order: ReceiptOrder;
  gateway: string;
  addressee: string;
  purpose: string;
  number: number;
  issuedAt: Date;
}

/**
 * Records one issue and returns what the document needs. The first issue fixes the defaults as
 * the addressee when the customer chose none. Numbers are unique per order, so two downloads at
 * once cannot both be "the original": the loser retries with the next number.
 */
export async function issueReceipt(db: Db, orderId: number, issuedBy: string): Promise<{ ok: true; issued: Issued } | { ok: false; reason: ReceiptRefusal | "missing" }> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await db.$transaction(async (tx) => {
        const order = await receiptOrder(tx, orderId);
        if (!order) return { ok: false as const, reason: "missing" as const };
        const eligible = receiptEligibility(order);
        if (!eligible.ok) return eligible;
        const count = order._count.receiptIssues;
        if (count >= MAX_ISSUES) return { ok: false as const, reason: "limit" as const };
        const receipt = order.receipt ?? (await tx.receipt.create({ data: { orderId, addressee: defaultAddressee(order), purpose: DEFAULT_PURPOSE } }));
        const issue = await tx.receiptIssue.create({ data: { orderId, number: count + 1, issuedBy } });
        return { ok: true as const, issued: { order, gateway: eligible.gateway, addressee: receipt.addressee, purpose: receipt.purpose, number: issue.number, issuedAt: issue.issuedAt } };
      });
    } catch (e) {
      if (attempt < 3 && isUniqueViolation(e)) continue;
      throw e;
    }
  }
}

function isUniqueViolation(e: unknown): boolean {
  return e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002";
}
