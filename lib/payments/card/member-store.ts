// The shop's record of a customer's e-SCOTT card member (カード会員). KaiinId/KaiinPass are
// sealed at rest and never leave the server; brand and last 4 digits are a display cache,
// refreshed from 4MemRefM whenever the card is used or shown.
import { createHash } from "node:crypto";
import type { Db } from "@/lib/db";
import { forgetMemoized, memoized } from "@/lib/request-memo";
import { brandOf, type CardBrand } from "@/lib/escott/installments";
import type { SecretBox } from "@/lib/security/secret-box";

export interface StoredMember {
  userId: string;
  kaiinId: string;
  kaiinPass: string;
  brand: CardBrand | null;
  last4: string | null;
}

const BRANDS: readonly CardBrand[] = ["visa", "mastercard", "jcb", "amex", "diners", "unknown"];

function asBrand(value: string | null): CardBrand | null {
  return value && (BRANDS as readonly string[]).includes(value) ? (value as CardBrand) : null;
}

/** Leading digits that give the same installment menu as the brand (§5.2 looks at one or two digits). */
const PREFIX: Readonly<Record<CardBrand, string>> = { visa: "4", mastercard: "5", jcb: "35", amex: "37", diners: "36", unknown: "" };

export function brandPrefix(brand: CardBrand | null): string {
  return brand ? PREFIX[brand] : "";
}

/** The short key KaiinId is built from (newCredentials wants 1–10 alphanumerics; our user ids are longer). */
export function memberKey(userId: string): string {
  return createHash("sha256").update(`kaiin:${userId}`).digest("hex").slice(0, 10);
}

/** Brand and last 4 from a masked number such as "4123********0300". */
export function cardSummary(maskedCard: string): { brand: CardBrand; last4: string } {
  return { brand: brandOf(maskedCard), last4: maskedCard.slice(-4) };
}

/**
 * The stored row (credentials still sealed). A checkout asks about the member more than once
 * (which card the form may pay with, then the payment itself): inside withRequestMemo it is read
 * once, and every write below makes the next read go to the database again.
 */
function storedRow(db: Db, userId: string) {
  return memoized(memoKey(userId), () => db.cardMember.findUnique({ where: { userId } }), db);
}

const memoKey = (userId: string) => `card-member:${userId}`;

export async function findMember(db: Db, box: SecretBox, userId: string): Promise<StoredMember | null> {
  const row = await storedRow(db, userId);
  if (!row) return null;
  return { userId, kaiinId: box.open(row.kaiinId), kaiinPass: box.open(row.kaiinPass), brand: asBrand(row.brand), last4: row.last4 };
}

/** Display data only (no decryption): for pages that just show the card. */
export async function memberSummary(db: Db, userId: string): Promise<{ brand: CardBrand | null; last4: string | null } | null> {
  const row = await storedRow(db, userId);
  return row ? { brand: asBrand(row.brand), last4: row.last4 } : null;
}

export async function saveMember(db: Db, box: SecretBox, m: StoredMember): Promise<void> {
  const sealed = { kaiinId: box.seal(m.kaiinId), kaiinPass: box.seal(m.kaiinPass), brand: m.brand, last4: m.last4 };
  await db.cardMember.upsert({ where: { userId: m.userId }, create: { userId: m.userId, ...sealed }, update: sealed });
  forgetMemoized(memoKey(m.userId), db);
}

/** Refreshes the display cache from what e-SCOTT just said (4MemRefM); no write when nothing changed. */
export async function updateMemberCard(db: Db, member: Pick<StoredMember, "userId" | "brand" | "last4">, card: { brand: CardBrand; last4: string }): Promise<void> {
  if (member.brand === card.brand && member.last4 === card.last4) return;
  await db.cardMember.updateMany({ where: { userId: member.userId }, data: { brand: card.brand, last4: card.last4 } });
  forgetMemoized(memoKey(member.userId), db);
}

export async function forgetMember(db: Db, userId: string): Promise<void> {
  await db.cardMember.deleteMany({ where: { userId } });
  forgetMemoized(memoKey(userId), db);
}
