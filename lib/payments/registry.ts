// Payment methods offered at checkout. Each gateway (card, online payment agency…) lives in
// its own module and registers here; checkout only talks to this interface, and tests can
// register a stand-in.
import type { FeeLine } from "@/lib/cart/totals";
import type { FieldErrors } from "@/lib/checkout/address-schema";
import type { Locale } from "@/lib/i18n";

export interface PaymentContext {
  locale: Locale;
  /** Order total before payment fees (items, shipping, tax). */
  total: number;
  userId: string | null;
}

export type Availability = { available: true } | { available: false; reasons: string[] };

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
}

export interface PaymentGateway<Input = unknown> {
  id: string;
  title(locale: Locale): Promise<string>;
  description(locale: Locale): Promise<string>;
  /** Whether shoppers may choose it now; the reasons (dictionary keys) are shown to admins. */
  availability(ctx: PaymentContext): Promise<Availability>;
  /** Data the browser-side fields need (token script URL, installment setting, fee…). */
  clientData?(ctx: PaymentContext): Promise<Record<string, unknown>>;
  /** Extra charges added to the order, e.g. 決済手数料. */
  fees?(ctx: PaymentContext): Promise<PaymentFee[]>;
  /** Validates the method's own part of the checkout submission. */
  parseInput(raw: unknown, ctx: PaymentContext): Promise<{ ok: true; value: Input } | { ok: false; errors: FieldErrors }>;
  /** Runs after the order was placed (status pending). */
  pay(order: PlacedOrderRef, input: Input, ctx: PaymentContext): Promise<PayOutcome>;
}

export interface PaymentMethodOption {
  id: string;
  title: string;
  description: string;
  clientData: Record<string, unknown>;
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

export async function availablePaymentMethods(ctx: PaymentContext): Promise<PaymentMethodOption[]> {
  const options: PaymentMethodOption[] = [];
  for (const g of gateways) {
    const a = await g.availability(ctx);
    if (!a.available) continue;
    options.push({
      id: g.id,
      title: await g.title(ctx.locale),
      description: await g.description(ctx.locale),
      clientData: (await g.clientData?.(ctx)) ?? {},
    });
  }
  return options;
}
