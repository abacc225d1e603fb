import { CardRegisterForm } from "@/components/account/card/card-register-form";
import { DeleteCardForm } from "@/components/account/card/delete-card-form";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState, Panel } from "@/components/ui/panel";
import { ResendVerificationButton } from "@/components/auth/resend-verification-button";
import { isEmailVerified } from "@/lib/auth/email-verification";
import { requireUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { CARD_BRAND_NAMES, type CardBrand } from "@/lib/escott/installments";
import { errorText, fmt, isMessageRef, type MessageRef } from "@/lib/i18n";
import { getDictionary } from "@/lib/i18n/server";
import { loadCardContext } from "@/lib/payments/card/context";
import { deletionBlock } from "@/lib/payments/card/deletion-rule";
import { expiryYears } from "@/lib/payments/card/expiry-years";
import { referenceSavedCard } from "@/lib/payments/card/member-service";

export async function generateMetadata() {
  return { title: (await getDictionary()).dict.card.accountTitle };
}

const SUCCESS_NOTICES = new Set<MessageRef>(["card.saved", "card.deleted"]);

export default async function AccountCardPage({ searchParams }: PageProps<"/account/card">) {
  const user = await requireUser("/account/card");
  const [{ dict }, query, c] = await Promise.all([getDictionary(), searchParams, loadCardContext()]);
  // ?notice= is untyped input: only a known card.* key is shown.
  const notice = typeof query.notice === "string" && /^card\.\w+$/.test(query.notice) && isMessageRef(query.notice) ? query.notice : null;
  const available = c !== null && c.settings.enabled && c.settings.cardMember;
  // 4MemRefM: what e-SCOTT has on file, not our cache.
  const card = available ? await referenceSavedCard(c, user.id) : null;
  const block = available && card ? await deletionBlock(c.db, user.id, c.now()) : null;
  // Saving a card needs a verified address (lib/auth/email-verification.ts).
  const verified = await isEmailVerified(db(), user.id);

  return (
    <div className="max-w-2xl space-y-6">
      <PageHeader back={{ href: "/account", label: dict.card.backToAccount }} title={dict.card.accountTitle} />
      {notice && (
        <Notice tone={SUCCESS_NOTICES.has(notice) ? "success" : "error"} data-testid="card-notice">
          {errorText(dict, notice)}
        </Notice>
      )}
      {!available ? (
        <EmptyState>{dict.card.unavailable}</EmptyState>
      ) : (
        <>
          <Panel title={dict.card.registeredCard} titleId="registered-card">
            {card ? (
              <dl className="text-sm" data-testid="registered-card">
                <dt className="text-stone-500">{dict.card.registeredLast4}</dt>
                <dd className="text-lg font-semibold">
                  {CARD_BRAND_NAMES[card.brand as CardBrand] || ""} **** {card.last4}
                </dd>
                {card.cardExp && <dd className="text-stone-600">{fmt(dict.card.cardExpires, { month: card.cardExp.slice(2, 4), year: card.cardExp.slice(0, 2) })}</dd>}
              </dl>
            ) : (
              <p className="text-sm" data-testid="no-registered-card">
                {dict.card.noRegisteredCard}
              </p>
            )}
          </Panel>
          <Panel title={card ? dict.card.updateTitle : dict.card.registerTitle} titleId="card-form-title">
            {verified ? (
              <CardRegisterForm
                hasCard={card !== null}
                config={{
                  tokenScript: c.client.urls.tokenScript ?? "",
                  securityCode: c.settings.securityCode,
                  threeDSecure: c.settings.threeDSecure,
                  expiryYears: expiryYears(new Date()),
                }}
              />
            ) : (
              <Notice tone="warning" as="div" className="space-y-2" data-testid="verify-needed">
                <p>{dict.auth.verifyNeeded}</p>
                <ResendVerificationButton />
              </Notice>
            )}
          </Panel>
          {card && (
            <Panel title={dict.card.deleteTitle} titleId="delete-card-title">
              {block ? (
                <p className="text-sm text-stone-700" data-testid="card-delete-blocked">
                  {errorText(dict, block)}
                </p>
              ) : (
                <DeleteCardForm />
              )}
            </Panel>
          )}
        </>
      )}
    </div>
  );
}
