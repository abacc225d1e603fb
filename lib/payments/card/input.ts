// Validates the browser's card payload against the settings and the shopper's saved card.
// The schema is strict: a payload carrying anything else (a card number, say) is refused.
import { z } from "zod";
import { isAllowedPayType, type InstallmentSetting, type PayType } from "@/lib/escott/installments";
import type { FieldErrors } from "@/lib/checkout/address-schema";
import { HOLDER_NAME, MASKED_CARD } from "@/lib/payments/card/client-data";
import type { CardSettings } from "@/lib/payments/settings/card";

export type CardInput =
  | { mode: "new"; token: string; maskedCard: string; holderName: string; payType: PayType; save: boolean; agreement: boolean }
  | { mode: "saved"; payType: PayType; agreement: boolean };

/** Who is paying, as far as saved cards are concerned. */
export type MemberState = { kind: "guest" } | { kind: "none" } | { kind: "member"; prefix: string };

const payloadSchema = z
  .object({
    mode: z.enum(["new", "saved"]),
    token: z.string().regex(/^[A-Za-z0-9]{8,64}$/).optional(),
    maskedCard: z.string().regex(MASKED_CARD).optional(),
    holderName: z.string().optional(),
    payType: z.string().regex(/^\d{2}$/),
    save: z.boolean().optional(),
    agreement: z.boolean().optional(),
  })
  .strict();

export type ParseResult = { ok: true; value: CardInput } | { ok: false; errors: FieldErrors };

export function parseCardPayload(raw: unknown, settings: CardSettings, member: MemberState): ParseResult {
  const parsed = payloadSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, errors: { "payment.card": "card.invalidPayload" } };
  const p = parsed.data;
  const setting = Number(settings.installments) as InstallmentSetting;
  const errors: FieldErrors = {};
  if (settings.threeDSecure && p.agreement !== true) errors["payment.agreement"] = "card.agreementRequired";

  if (p.mode === "saved") {
    if (member.kind !== "member" || !settings.cardMember) return { ok: false, errors: { "payment.card": "card.noSavedCard" } };
    if (!isAllowedPayType(member.prefix, setting, p.payType)) errors["payment.payType"] = "card.payTypeInvalid";
    if (Object.keys(errors).length > 0) return { ok: false, errors };
    return { ok: true, value: { mode: "saved", payType: p.payType as PayType, agreement: p.agreement === true } };
  }

  if (!p.token || !p.maskedCard) return { ok: false, errors: { ...errors, "payment.card": "card.tokenMissing" } };
  const holderName = (p.holderName ?? "").trim().replace(/\s+/g, " ").toUpperCase();
  if (!holderName) errors["payment.holderName"] = "card.holderRequired";
  else if (!HOLDER_NAME.test(holderName)) errors["payment.holderName"] = "card.holderFormat";
  if (!isAllowedPayType(p.maskedCard, setting, p.payType)) errors["payment.payType"] = "card.payTypeInvalid";
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: { mode: "new", token: p.token, maskedCard: p.maskedCard, holderName, payType: p.payType as PayType, save: saveCard(settings, member, p.save === true), agreement: p.agreement === true },
  };
}

/**
 * docs/escott-protocol.md §8.2, with a defect of the vendor's WooCommerce plugins fixed: with 常にカード会員に登録 on, a member paying
 * with a new card ("change card and pay") really replaces the saved card.
 */
export function saveCard(settings: CardSettings, member: MemberState, ticked: boolean): boolean {
  if (member.kind === "guest" || !settings.cardMember) return false;
  return settings.alwaysSaveCard || ticked;
}
