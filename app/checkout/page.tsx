import { randomUUID } from "node:crypto";
import "@/lib/payments/gateways";
import { CheckoutForm } from "@/components/checkout/checkout-form";
import { QuoteProvider, SummaryTotals } from "@/components/checkout/quote-context";
import { EmptyPage } from "@/components/ui/empty-page";
import { PageHeader } from "@/components/ui/page-header";
import { Panel } from "@/components/ui/panel";
import { getCurrentUser } from "@/lib/auth/session";
import { currentCartView } from "@/lib/cart/current";
import { customerMessage } from "@/lib/escott";
import { errorText, formatYen, isMessageRef } from "@/lib/i18n";
import { getDictionary } from "@/lib/i18n/server";
import { liveQuote } from "@/lib/checkout/live-quote";
import { legalTexts } from "@/lib/shop/legal";
import { checkoutTerms } from "@/lib/shop/legal-terms";
import { deliveryOptions } from "@/lib/shop/delivery-options";
import { db } from "@/lib/db";

export async function generateMetadata() {
  return { title: (await getDictionary()).dict.checkout.title };
}

export default async function CheckoutPage({ searchParams }: PageProps<"/checkout">) {
  const [{ locale, dict }, cart, user, query] = await Promise.all([getDictionary(), currentCartView(), getCurrentUser(), searchParams]);
  // A payment step that ended elsewhere (e.g. the 3-D Secure page) sends the shopper back with a message key.
  const notice = typeof query.notice !== "string" || !/^payment\.\w+$/.test(query.notice) || !isMessageRef(query.notice)
    ? null
    : typeof query.codes === "string" && /^[A-Z0-9]{2,4}(\|[A-Z0-9]{2,4}){0,5}$/.test(query.codes)
      ? customerMessage(query.codes.split("|"), locale) // a declined card after 3-D Secure: the grouped message
      : errorText(dict, query.notice);
  if (cart.lines.length === 0) {
    return (
      <EmptyPage title={dict.checkout.title} link={{ href: "/", label: dict.cart.continueShopping }}>
        {dict.checkout.emptyCart}
      </EmptyPage>
    );
  }
  const [{ methods, quote }, legal, delivery] = await Promise.all([
    liveQuote(cart.id, { locale, userId: user?.id ?? null }, null),
    legalTexts(),
    deliveryOptions(db(), locale, new Date()),
  ]);
  const confirmation = {
    lines: cart.lines.map((l) => ({ id: l.productId, name: locale === "en" ? l.nameEn : l.name, quantity: l.quantity, lineTotal: l.lineTotal, reduced: l.taxRate === 8 })),
    terms: checkoutTerms(legal.tokushoho, locale),
  };
  return (
    <div className="space-y-6">
      <PageHeader title={dict.checkout.title} />
      <QuoteProvider initial={quote}>
      <div className="grid gap-8 lg:grid-cols-[1fr_340px]">
        {/* A fresh key per page view: resubmitting this form can never create a second order. */}
        <CheckoutForm checkoutKey={randomUUID()} methods={methods} initial={{ email: user?.email ?? "", message: notice }} confirmation={confirmation} delivery={delivery} />
        <Panel as="aside" title={dict.checkout.orderSummary} titleId="summary-title" className="h-fit space-y-4">
          <ul className="space-y-2 text-sm">
            {cart.lines.map((l) => (
              <li key={l.productId} className="flex justify-between gap-2">
                <span>
                  {locale === "en" ? l.nameEn : l.name} × {l.quantity}
                  {l.taxRate === 8 && <span className="ml-1 text-xs text-stone-500">※</span>}
                </span>
                <span>{formatYen(dict, l.lineTotal)}</span>
              </li>
            ))}
          </ul>
          <SummaryTotals />
          {cart.lines.some((l) => l.taxRate === 8) && <p className="text-xs text-stone-500">※{dict.product.reducedRate}</p>}
        </Panel>
      </div>
      </QuoteProvider>
    </div>
  );
}
