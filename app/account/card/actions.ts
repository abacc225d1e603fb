"use server";
// My Account 「クレジットカード登録/更新」: register/replace the saved card from a token, delete it.
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { z } from "zod";
import { isEmailVerified } from "@/lib/auth/email-verification";
import { getCurrentUser } from "@/lib/auth/session";
import { env } from "@/lib/env";
import type { MessageKeys } from "@/lib/i18n";
import { loadCardContext } from "@/lib/payments/card/context";
import { HOLDER_NAME, MASKED_CARD } from "@/lib/payments/card/client-data";
import { deleteCard, registerCard, type MemberNotice } from "@/lib/payments/card/member-service";
import { admitCardRegistration } from "@/lib/payments/card/card-testing";
import { clientIp } from "@/lib/security/client-ip";
import { liveModeReasons } from "@/lib/security/live-mode";

export type CardAccountResult =
  | { ok: boolean; notice: MemberNotice | MessageKeys<"card.unavailable" | "card.invalidPayload" | "card.agreementRequired" | "card.tooManyRegistrations" | "auth.verifyNeeded"> }
  | { ok: true; post: { action: string; fields: Record<string, string> } };

const payloadSchema = z
  .object({
    token: z.string().regex(/^[A-Za-z0-9]{8,64}$/),
    maskedCard: z.string().regex(MASKED_CARD),
    holderName: z.string().trim().toUpperCase().regex(HOLDER_NAME),
    agreement: z.boolean().optional(),
  })
  .strict();

async function context() {
  const user = await getCurrentUser();
  const c = user ? await loadCardContext() : null;
  if (!user || !c || !c.settings.enabled || !c.settings.cardMember) return null;
  return { user, c };
}

export async function registerCardAction(payload: unknown): Promise<CardAccountResult> {
  const found = await context();
  // A card registration sends card data to e-SCOTT like a payment: not in live mode over http://.
  if (!found || liveModeReasons(found.c.settings, env().SITE_URL).length > 0) return { ok: false, notice: "card.unavailable" };
  if (!(await isEmailVerified(found.c.db, found.user.id))) return { ok: false, notice: "auth.verifyNeeded" };
  const parsed = payloadSchema.safeParse(payload);
  if (!parsed.success) return { ok: false, notice: "card.invalidPayload" };
  if (found.c.settings.threeDSecure && parsed.data.agreement !== true) return { ok: false, notice: "card.agreementRequired" };
  // Counted per try, before anything goes to e-SCOTT: registering cards is a card-testing path too.
  if (!(await admitCardRegistration(found.c.db, found.c.settings, found.user.id, clientIp(await headers())))) return { ok: false, notice: "card.tooManyRegistrations" };
  const outcome = await registerCard(found.c, found.user, parsed.data);
  if (outcome.kind === "post") return { ok: true, post: { action: outcome.action, fields: outcome.fields } };
  revalidatePath("/account/card");
  return { ok: outcome.notice === "card.saved", notice: outcome.notice };
}

export async function deleteCardAction(): Promise<CardAccountResult> {
  const found = await context();
  if (!found) return { ok: false, notice: "card.unavailable" };
  const result = await deleteCard(found.c, found.user.id, "customer");
  revalidatePath("/account/card");
  return result.ok ? { ok: true, notice: "card.deleted" } : { ok: false, notice: result.notice };
}
