import "server-only";
// クレジットカード決済: the card gateway as the shop sees it (lib/payments/registry.ts).
// Importing this module registers it.
import { dictionaryFor, type Locale } from "@/lib/i18n";
import { cardAdminView, cardStateLabel } from "@/lib/payments/card/admin-view";
import { settleAbandonedAttempts } from "@/lib/payments/card/housekeeping";
import { cardStatusChangeBlock, GATEWAY_OPERATIONS, RESOLUTIONS, runCardOperation, STALE_ATTEMPT_MS, type CardOperation } from "@/lib/payments/card/operations";
import { cardOrderView } from "@/lib/payments/card/order-view";
import { threeDSReturnEndpoint } from "@/lib/payments/card/three-d-secure-return";
import type { InstallmentSetting } from "@/lib/escott/installments";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { liveModeReasons } from "@/lib/security/live-mode";
import { gatewaySettings, cardClient } from "@/lib/payments/escott-client";
import { registerGateway, type PaymentGateway } from "@/lib/payments/registry";
import { cardMissing, type CardSettings } from "@/lib/payments/settings/card";
import { defaultSettings } from "@/lib/payments/settings/store";
import { cardAttemptsAllowed } from "@/lib/payments/card/card-testing";
import { cardPaymentStart, payWithCard } from "@/lib/payments/card/checkout";
import type { CardClientData } from "@/lib/payments/card/client-data";
import { isEmailVerified } from "@/lib/auth/email-verification";
import { loadCardContext } from "@/lib/payments/card/context";
import { expiryYears } from "@/lib/payments/card/expiry-years";
import { parseCardPayload, type CardInput, type MemberState } from "@/lib/payments/card/input";
import { brandPrefix, memberSummary } from "@/lib/payments/card/member-store";

/** The manual's default Japanese title and description read naturally in English too. */
function localized(value: string, fallback: string, locale: Locale, english: string): string {
  return locale === "en" && value === fallback ? english : value;
}

async function memberState(settings: CardSettings, userId: string | null): Promise<MemberState> {
  // Saved cards need a verified address: until then the account pays like a guest.
  if (!userId || !settings.cardMember || !(await isEmailVerified(db(), userId))) return { kind: "guest" };
  const summary = await memberSummary(db(), userId);
  return summary ? { kind: "member", prefix: brandPrefix(summary.brand) } : { kind: "none" };
}

export const cardGateway: PaymentGateway<CardInput> = {
  id: "card",
  async title(locale) {
    const s = await gatewaySettings("card");
    return localized(s.title, defaultSettings("card", "sps").title, locale, dictionaryFor("en").card.defaultTitle);
  },
  async description(locale) {
    const s = await gatewaySettings("card");
    return localized(s.description, defaultSettings("card", "sps").description, locale, dictionaryFor("en").card.defaultDescription);
  },
  async availability() {
    const settings = await gatewaySettings("card");
    const missing = [...cardMissing(settings), ...liveModeReasons(settings, env().SITE_URL)];
    return missing.length > 0 ? { available: false, reasons: missing } : { available: true };
  },
  async clientData(ctx) {
    const settings = await gatewaySettings("card");
    const client = cardClient(settings);
    const member = ctx.userId && settings.cardMember ? await memberSummary(db(), ctx.userId) : null;
    const data: CardClientData = {
      tokenScript: client?.urls.tokenScript ?? "",
      installments: Number(settings.installments) as InstallmentSetting,
      securityCode: settings.securityCode,
      threeDSecure: settings.threeDSecure,
      cardMember: Boolean(ctx.userId) && settings.cardMember,
      alwaysSave: settings.alwaysSaveCard,
      savedCard: member?.brand && member.last4 ? { brand: member.brand, last4: member.last4, prefix: brandPrefix(member.brand) } : null,
      expiryYears: expiryYears(new Date()),
    };
    return { ...data };
  },
  async admit(ctx) {
    if (!ctx.client) return null;
    const settings = await gatewaySettings("card");
    return (await cardAttemptsAllowed(db(), settings, ctx.client)) ? null : dictionaryFor(ctx.locale).card.tooManyAttempts;
  },
  async parseInput(raw, ctx) {
    const settings = await gatewaySettings("card");
    return parseCardPayload(raw, settings, await memberState(settings, ctx.userId));
  },
  async startWith(input) {
    const settings = await gatewaySettings("card");
    return cardClient(settings) ? cardPaymentStart(settings, input) : null;
  },
  async pay(order, input, ctx, started) {
    const c = await loadCardContext();
    if (!c) return { kind: "failed", message: dictionaryFor(ctx.locale).payment.failed };
    // The checkout form loads the order page in full afterwards (fresh header, emptied cart).
    return payWithCard(c, order, input, ctx, started);
  },
  async orderView(order, locale) {
    return cardOrderView(order, locale);
  },
  endpoints: {
    /** Where e-SCOTT's 3-D Secure page posts back (THREE_DS_RETURN_PATH routes here). */
    "3ds": (request) => threeDSReturnEndpoint(request, loadCardContext),
  },
  async adminView(order, locale) {
    return cardAdminView(db(), order, locale, new Date(), (await gatewaySettings("card")).saveLog);
  },
  async operate(orderId, request, actor) {
    if (!OPERATIONS.includes(request.operation as CardOperation)) return { ok: false, message: "errors.generic" };
    const c = await loadCardContext();
    if (!c) return { ok: false, message: "settings.missingMerchantId" };
    const { amount, note, expectedAmount } = request.fields;
    return runCardOperation(
      c,
      orderId,
      {
        operation: request.operation as CardOperation,
        expectedState: request.expectedState,
        amount: amount ? Number(amount) : undefined,
        note,
        refund: { amount, reason: note },
        expectedAmount: expectedAmount ? Number(expectedAmount) : undefined,
      },
      actor,
    );
  },
  statusLabel(payment, locale) {
    return cardStateLabel(dictionaryFor(locale), payment.state);
  },
  statusChangeBlock(orderId, to) {
    return cardStatusChangeBlock(db(), orderId, to);
  },
  async housekeeping() {
    // The wait is the merchant's (card settings); without card settings the manual's default.
    const c = await loadCardContext();
    const waitMs = c ? c.settings.abandonAfterMinutes * 60_000 : STALE_ATTEMPT_MS;
    return { ...(await settleAbandonedAttempts(db(), new Date(), waitMs)) };
  },
};

const OPERATIONS: readonly string[] = [...GATEWAY_OPERATIONS, ...RESOLUTIONS];

registerGateway(cardGateway);
