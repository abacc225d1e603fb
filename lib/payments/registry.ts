// Payment methods offered at checkout. Each gateway (card, online payment agency…) lives in
// its own module and registers here; checkout only talks to this interface.
import type { Locale } from "@/lib/i18n";

export interface PaymentContext {
  locale: Locale;
  total: number;
  userId: string | null;
}

export type Availability = { available: true } | { available: false; reason: string };

export interface PaymentGateway {
  id: string;
  title(locale: Locale): Promise<string>;
  description(locale: Locale): Promise<string>;
  /** Whether shoppers may choose it now; the reason is shown to admins when it is not. */
  availability(ctx: PaymentContext): Promise<Availability>;
}

export interface PaymentMethodOption {
  id: string;
  title: string;
  description: string;
}

const gateways: PaymentGateway[] = [];

export function registerGateway(gateway: PaymentGateway): void {
  const index = gateways.findIndex((g) => g.id === gateway.id);
  if (index >= 0) gateways[index] = gateway;
  else gateways.push(gateway);
}

export function registeredGateways(): readonly PaymentGateway[] {
  return gateways;
}

export async function availablePaymentMethods(ctx: PaymentContext): Promise<PaymentMethodOption[]> {
  const options: PaymentMethodOption[] = [];
  for (const g of gateways) {
    const a = await g.availability(ctx);
    if (a.available) options.push({ id: g.id, title: await g.title(ctx.locale), description: await g.description(ctx.locale) });
  }
  return options;
}
