import Link from "next/link";
import { CardRegisterForm } from "@/components/account/card/card-register-form";
import { DeleteCardForm } from "@/components/account/card/delete-card-form";
import { requireUser } from "@/lib/auth/session";
import { CARD_BRAND_NAMES, type CardBrand } from "@/lib/escott/installments";
import { errorText, fmt } from "@/lib/i18n";
import { getDictionary } from "@/lib/i18n/server";
import { loadCardContext } from "@/lib/payments/card/context";
import { deletionBlock } from "@/lib/payments/card/deletion-rule";
import { expiryYears } from "@/lib/payments/card/expiry-years";
import { referenceSavedCard } from "@/lib/payments/card/member-service";

export async function generateMetadata() {
  return { title: (await getDictionary()).dict.card.accountTitle };
}

const SUCCESS_NOTICES = new Set(["card.saved", "card.deleted"]);

export default async function AccountCardPage({ searchParams }: PageProps<"/account/card">) {
  const user = await requireUser("/account/card");
  const [{ dict }, query, c] = await Promise.all([getDictionary(), searchParams, loadCardContext()]);
  const notice = typeof query.notice === "string" && /^card\.\w+$/.test(query.notice) ? query.notice : null;
  const available = c !== null && c.settings.enabled && c.settings.cardMember;
  // 4MemRefM: what e-SCOTT has on file, not our cache.
  const card = available ? await referenceSavedCard(c, user.id) : null;
  const block = available && card ? await deletionBlock(c.db, user.id, c.now()) : null;

  return (
    <div className="max-w-2xl space-y-6">
      <Link href="/account" className="text-sm text-brand-700 hover:underline">
        ← {dict.card.backToAccount}
      </Link>
      <h1 className="text-2xl font-bold">{dict.card.accountTitle}</h1>
      {notice && (
        <p role={SUCCESS_NOTICES.has(notice) ? "status" : "alert"} data-testid="card-notice" className={`rounded-md border p-3 ${SUCCESS_NOTICES.has(notice) ? "border-brand-600 bg-brand-50 text-brand-800" : "border-accent-600 bg-red-50 text-accent-600"}`}>
          {errorText(dict, notice)}
        </p>
      )}
      {!available ? (
        <p className="rounded-lg border border-stone-200 bg-white p-4">{dict.card.unavailable}</p>
      ) : (
        <>
          <section className="rounded-lg border border-stone-200 bg-white p-4" aria-labelledby="registered-card">
            <h2 id="registered-card" className="mb-2 font-bold">
              {dict.card.registeredCard}
            </h2>
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
          </section>
          <section className="rounded-lg border border-stone-200 bg-white p-4" aria-labelledby="card-form-title">
            <h2 id="card-form-title" className="mb-3 font-bold">
              {card ? dict.card.updateTitle : dict.card.registerTitle}
            </h2>
            <CardRegisterForm
              hasCard={card !== null}
              config={{
                tokenScript: c.client.urls.tokenScript ?? "",
                securityCode: c.settings.securityCode,
                threeDSecure: c.settings.threeDSecure,
                expiryYears: expiryYears(new Date()),
              }}
            />
          </section>
          {card && (
            <section className="rounded-lg border border-stone-200 bg-white p-4" aria-labelledby="delete-card-title">
              <h2 id="delete-card-title" className="mb-3 font-bold">
                {dict.card.deleteTitle}
              </h2>
              {block ? (
                <p className="text-sm text-stone-700" data-testid="card-delete-blocked">
                  {errorText(dict, block)}
                </p>
              ) : (
                <DeleteCardForm />
              )}
            </section>
          )}
        </>
      )}
    </div>
  );
}
