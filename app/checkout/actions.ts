"use server";
import { headers } from "next/headers";
import "@/lib/payments/gateways";
import { getCurrentUser } from "@/lib/auth/session";
import { currentCart } from "@/lib/cart/current";
import { cartView } from "@/lib/cart/store";
import { checkoutSchema, fieldErrors, type FieldErrors } from "@/lib/checkout/address-schema";
import { db } from "@/lib/db";
import { getLocale } from "@/lib/i18n/server";
import { OrderError } from "@/lib/orders/errors";
import { placeOrder } from "@/lib/orders/place";
import { startNewOrderPayment } from "@/lib/payments/payments";
import { availablePaymentMethodIds, findGateway, type PayOutcome } from "@/lib/payments/registry";
import { env } from "@/lib/env";
import { withRequestMemo } from "@/lib/request-memo";
import { clientIp, clientKey } from "@/lib/security/client-ip";
import { shippingRule } from "@/lib/shop/shipping";
import { destinationSchema, liveQuote, type LiveQuote } from "@/lib/checkout/live-quote";
import { deliverySection, parseDeliveryChoice } from "@/lib/shop/delivery";
import { loadShopSettings } from "@/lib/shop/settings/store";

export type PlaceOrderResult =
  | { status: "invalid"; errors: FieldErrors }
  | { status: "empty_cart" | "cart_changed" | "no_payment_method" | "out_of_stock" }
  /** The payment method refused this client before any order was placed (card-testing limits). */
  | { status: "refused"; message: string }
  | { status: "placed"; outcome: PayOutcome };

/**
 * Places the order and hands it to the chosen payment method. Safe to call twice with the
 * same checkout key: placeOrder returns the same order, and the gateways refuse to start a
 * second live payment for it.
 */
export async function placeOrderAction(payload: unknown, checkoutKey: string): Promise<PlaceOrderResult> {
  // Each gateway's settings are read once for the whole request (lib/request-memo.ts).
  return withRequestMemo(() => placeAndPay(payload, checkoutKey));
}

async function placeAndPay(payload: unknown, checkoutKey: string): Promise<PlaceOrderResult> {
  const parsed = checkoutSchema.safeParse(payload);
  // The delivery choice is checked against the settings now (a date may have left the window at midnight).
  const delivery = parseDeliveryChoice(await loadShopSettings(db(), deliverySection), new Date(), isRecord(payload) ? payload : {});
  if (!parsed.success || !delivery.ok) {
    return { status: "invalid", errors: { ...(delivery.ok ? {} : delivery.errors), ...(parsed.success ? {} : fieldErrors(parsed.error)) } };
  }
  if (typeof checkoutKey !== "string" || !/^[0-9a-f-]{36}$/.test(checkoutKey)) return { status: "cart_changed" };

  const [user, locale, cart, requestHeaders] = await Promise.all([getCurrentUser(), getLocale(), currentCart(), headers()]);
  // Shipping is charged by where the parcel goes: the shipping address, else the billing one.
  const shipping = await shippingRule(parsed.data.shipping ?? parsed.data.billing);
  const view = await cartView(db(), cart?.id ?? null, shipping);
  if (!cart || view.lines.length === 0) return { status: "empty_cart" };
  if (view.hasProblems) return { status: "cart_changed" };

  const ip = clientIp(requestHeaders);
  const client = { ip, shopper: user ? `user:${user.id}` : `cart:${cart.id}`, email: parsed.data.email, key: clientKey(ip, env().APP_ENCRYPTION_KEY ?? ""), checkoutKey };
  const ctx = { locale, total: view.totals.total, userId: user?.id ?? null, client };
  const methods = await availablePaymentMethodIds(ctx);
  if (methods.length === 0) return { status: "no_payment_method" };
  const gateway = methods.includes(parsed.data.paymentMethod ?? "") ? findGateway(parsed.data.paymentMethod ?? "") : undefined;
  if (!gateway) return { status: "invalid", errors: { paymentMethod: "errors.select" } };

  const input = await gateway.parseInput((payload as { payment?: unknown }).payment, ctx);
  if (!input.ok) return { status: "invalid", errors: input.errors };
  const refusal = await gateway.admit?.(ctx);
  if (refusal) return { status: "refused", message: refusal };

  // Asked before the order's transaction: a gateway reads its settings outside it.
  const [fees, start] = await Promise.all([gateway.fees?.(ctx), gateway.startWith?.(input.value, ctx)]);
  const orderInput = {
    cartId: cart.id,
    checkoutKey,
    userId: user?.id ?? null,
    locale,
    data: parsed.data,
    paymentMethod: gateway.id,
    fees: fees ?? [],
    shipping,
    delivery: delivery.value,
    clientKey: client.key,
  };
  try {
    // The gateway's first attempt starts in the order's own transaction when it says what to start.
    const order = await placeOrder(db(), orderInput, start ? (tx, placed) => startNewOrderPayment(tx, placed, start) : undefined);
    const ref = { id: order.id, accessKey: order.accessKey, total: order.total, email: parsed.data.email, created: order.created };
    const outcome = await gateway.pay(ref, input.value, ctx, order.started);
    return { status: "placed", outcome };
  } catch (err) {
    if (err instanceof OrderError && err.code === "out_of_stock") return { status: "out_of_stock" };
    if (err instanceof OrderError && err.code === "conflict") return { status: "cart_changed" };
    throw err;
  }
}

/**
 * The checkout's totals for the address being typed (prefecture, postal code): shipping by
 * prefecture and island surcharge, and each payment method's fees on top. Null: nothing to check out.
 * Read-only; an unknown prefecture answers the base fee.
 */
export async function quoteCheckoutAction(destination: unknown): Promise<LiveQuote | null> {
  return withRequestMemo(async () => {
    const [user, locale, cart] = await Promise.all([getCurrentUser(), getLocale(), currentCart()]);
    if (!cart) return null;
    const { view, quote } = await liveQuote(cart.id, { locale, userId: user?.id ?? null }, destinationSchema.parse(destination));
    return view.lines.length === 0 ? null : quote;
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
