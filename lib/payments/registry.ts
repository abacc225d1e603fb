// The one shape of a payment gateway, and the registry of those the shop offers. Each gateway
// (card, online payment agency…) lives in its own folder under lib/payments/ and registers here
// (lib/payments/gateways.ts lists them); checkout, the order pages and the admin order page only
// talk to this interface, so adding a gateway needs no change anywhere else.
import type { FeeLine } from "@/lib/cart/totals";
import type { FieldErrors } from "@/lib/checkout/address-schema";
import type { Locale, MessageKey, MessageRef } from "@/lib/i18n";
import type { OrderStatus } from "@/lib/orders/status";
import type { CheckoutPaymentStart, StartedPayment } from "@/lib/payments/payments";
import type { AdminPaymentView, OperationOutcome, OperationRequest, OrderPaymentView } from "@/lib/payments/views";

export interface CheckoutContext {
  locale: Locale;
  /** Order total before payment fees (items, shipping, tax). */
  total: number;
  userId: string | null;
  /** Who is checking out, for per-client limits (card testing); set when an order is being placed. */
  client?: CheckoutClient;
}

export interface CheckoutClient {
  /** The client's IP address (lib/security/client-ip.ts). */
  ip: string;
  /** The shopper: "user:<id>" for an account, "cart:<id>" for a guest. */
  shopper: string;
  /** The e-mail address of the order being placed. */
  email?: string;
  /** The IP address as orders store it (lib/security/client-ip.ts clientKey). */
  key?: string;
  /** The checkout being submitted: its own order is not counted against it. */
  checkoutKey?: string;
}

export type Availability = { available: true } | { available: false; reasons: MessageRef[] };

export interface PaymentFee extends FeeLine {
  code: string;
  name: string;
}

/** What the browser does after the order was placed. */
export type PayOutcome =
  | { kind: "redirect"; url: string }
  /** Auto-submit a form (the 3-D Secure page). */
  | { kind: "post"; action: string; fields: Record<string, string> }
  /** The payment failed; the cart is intact and the shopper may try again. */
  | { kind: "failed"; message: string }
  /** Nobody knows yet whether money moved (timeout): no retry, the shop follows up. */
  | { kind: "unknown"; message: string; url: string };

export interface PlacedOrderRef {
  id: number;
  accessKey: string;
  total: number;
  email: string;
  /** True when this very request created the order: no payment attempt of it can exist yet. */
  created?: boolean;
}

/** The order as the pages that show its payment know it. */
export interface OrderSummary {
  id: number;
  status: string;
  total: number;
  currency: string;
  attention: string | null;
  createdAt: Date;
}

/** A payment as the admin order list shows it. */
export interface PaymentSummary {
  gateway: string;
  state: string;
  payLimit: string | null;
}

export interface PaymentGateway<Input = unknown> {
  id: string;

  // ── Checkout ──────────────────────────────────────────────────────────────
  title(locale: Locale): Promise<string>;
  description(locale: Locale): Promise<string>;
  /** Whether shoppers may choose it now; the reasons (dictionary keys) are shown to admins. */
  availability(ctx: CheckoutContext): Promise<Availability>;
  /** Data the browser-side fields need (token script URL, installment setting, fee…). */
  clientData?(ctx: CheckoutContext): Promise<Record<string, unknown>>;
  /** Extra charges added to the order, e.g. 決済手数料. */
  fees?(ctx: CheckoutContext): Promise<PaymentFee[]>;
  /** Validates the method's own part of the checkout submission. */
  parseInput(raw: unknown, ctx: CheckoutContext): Promise<{ ok: true; value: Input } | { ok: false; errors: FieldErrors }>;
  /**
   * Refuses this payment before any order is placed (e.g. a client over the card-testing limits):
   * the shopper's message, or null to go ahead. Nothing is written for a refused checkout.
   */
  admit?(ctx: CheckoutContext): Promise<string | null>;
  /**
   * The payment a new order starts with. Given, the first attempt is started inside the order's own
   * transaction (one transaction less per checkout) and pay() receives it as `started`; null, or
   * absent, pay() starts its own. Runs before the order is placed, outside any transaction.
   */
  startWith?(input: Input, ctx: CheckoutContext): Promise<CheckoutPaymentStart | null>;
  /**
   * Runs after the order was placed (status pending). `started`: the attempt startWith asked for,
   * begun with the order — only when this request created the order.
   */
  pay(order: PlacedOrderRef, input: Input, ctx: CheckoutContext, started?: StartedPayment): Promise<PayOutcome>;

  // ── After checkout ────────────────────────────────────────────────────────
  /** The shopper's view of the order's payment (thank-you page, My Account); null: nothing to show. */
  orderView(order: OrderSummary, locale: Locale): Promise<OrderPaymentView | null>;
  /**
   * Periodic work (run by lib/payments/housekeeping.ts on every instance and by `npm run jobs:housekeeping`):
   * deadlines, abandoned attempts. Answers what it did, as counts. Every change in it is a
   * compare-and-set, so two runs may overlap safely.
   */
  housekeeping?(options: { awaitMail: boolean }): Promise<Record<string, number> | null>;
  /** Requests the gateway answers at /api/payments/<id>/<name> (a 3-D Secure return, a payment notification). */
  endpoints?: Record<string, (request: Request) => Promise<Response>>;

  // ── Admin ─────────────────────────────────────────────────────────────────
  /** The admin order page's payment box: facts, alerts, the operations the state allows, history. */
  adminView(order: OrderSummary, locale: Locale): Promise<AdminPaymentView | null>;
  /** Runs one of the operations adminView offered (the admin was checked by the caller). */
  operate(orderId: number, request: OperationRequest, actor: string, locale: Locale): Promise<OperationOutcome>;
  /** The payment column of the admin order list. */
  statusLabel(payment: PaymentSummary, locale: Locale): string;
  /**
   * Whether the admin may move the order to `to` by hand: a status that says what happened to the
   * money (cancelled, refunded…) must come from the gateway's own operation, or our record would
   * drift from the gateway's. Null: allowed; else the reason (dictionary key).
   */
  statusChangeBlock(orderId: number, to: OrderStatus): Promise<MessageKey | null>;
}

export interface PaymentMethodOption {
  id: string;
  title: string;
  description: string;
  clientData: Record<string, unknown>;
  /** Its extra charges for this checkout (決済手数料), for the final confirmation's totals. */
  fees: PaymentFee[];
}

const gateways: PaymentGateway[] = [];

export function registerGateway<Input>(gateway: PaymentGateway<Input>): void {
  const g = gateway as PaymentGateway;
  const index = gateways.findIndex((x) => x.id === g.id);
  if (index >= 0) gateways[index] = g;
  else gateways.push(g);
}

export function unregisterGateway(id: string): void {
  const index = gateways.findIndex((x) => x.id === id);
  if (index >= 0) gateways.splice(index, 1);
}

export function registeredGateways(): readonly PaymentGateway[] {
  return gateways;
}

export function findGateway(id: string): PaymentGateway | undefined {
  return gateways.find((g) => g.id === id);
}

/** Answers a request addressed to a gateway's endpoint; 404 when there is no such gateway or endpoint. */
export async function gatewayEndpoint(gatewayId: string, name: string, request: Request): Promise<Response> {
  const endpoint = findGateway(gatewayId)?.endpoints?.[name];
  if (!endpoint || !Object.hasOwn(findGateway(gatewayId)!.endpoints!, name)) return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  return endpoint(request);
}

/** The admin order list's payment column, from the payment's gateway. */
export function paymentStatusLabel(payment: PaymentSummary, locale: Locale): string {
  return findGateway(payment.gateway)?.statusLabel(payment, locale) ?? payment.state;
}

/** Only which gateways this checkout may use: what placing an order checks (no titles, fees or client data to build). */
export async function availablePaymentMethodIds(ctx: CheckoutContext): Promise<string[]> {
  const ids: string[] = [];
  for (const g of gateways) if ((await g.availability(ctx)).available) ids.push(g.id);
  return ids;
}

export async function availablePaymentMethods(ctx: CheckoutContext): Promise<PaymentMethodOption[]> {
  const options: PaymentMethodOption[] = [];
  for (const g of gateways) {
    const a = await g.availability(ctx);
    if (!a.available) continue;
    options.push({
      id: g.id,
      title: await g.title(ctx.locale),
      description: await g.description(ctx.locale),
      clientData: (await g.clientData?.(ctx)) ?? {},
      fees: (await g.fees?.(ctx)) ?? [],
    });
  }
  return options;
}
