import "server-only";
// The checkout's totals for where the parcel goes: the page's first render (no address yet) and every
// change of prefecture or postal code (app/checkout/actions.ts quoteCheckoutAction) come from here, so
// the browser never computes a price.
import { z } from "zod";
import "@/lib/payments/gateways";
import { isPrefectureCode } from "@/lib/address/prefectures";
import { cartView, type CartView } from "@/lib/cart/store";
import { checkoutQuotes, type CheckoutQuotes } from "@/lib/checkout/quote";
import { db } from "@/lib/db";
import type { Locale } from "@/lib/i18n";
import { availablePaymentMethods, type PaymentMethodOption } from "@/lib/payments/registry";
import type { Destination } from "@/lib/shop/shipping-fees";
import { shippingRule } from "@/lib/shop/shipping";

export interface LiveQuote {
  quotes: CheckoutQuotes;
  /** Each method's browser data for these totals (e.g. the convenience-store fee and amount to pay). */
  clientData: Record<string, Record<string, unknown>>;
}

/** A destination from the browser: a known prefecture and a postal code, else none (the base fee). */
export const destinationSchema = z
  .object({ prefecture: z.string().max(2).refine(isPrefectureCode), postalCode: z.string().max(16) })
  .nullable()
  .catch(null);

export async function liveQuote(
  cartId: string | null,
  ctx: { locale: Locale; userId: string | null },
  destination: Destination | null,
): Promise<{ view: CartView; methods: PaymentMethodOption[]; quote: LiveQuote }> {
  const rule = await shippingRule(destination);
  const view = await cartView(db(), cartId, rule);
  const methods = await availablePaymentMethods({ locale: ctx.locale, total: view.totals.total, userId: ctx.userId });
  return {
    view,
    methods,
    quote: { quotes: checkoutQuotes(view.lines, rule, methods), clientData: Object.fromEntries(methods.map((m) => [m.id, m.clientData])) },
  };
}
