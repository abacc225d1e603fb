import "server-only";
import { dictionaryFor, type Locale } from "@/lib/i18n";
import type { ExportLabels } from "@/lib/orders/export/order-rows";
import "@/lib/payments/gateways";
import { paymentStatusLabel, registeredGateways } from "@/lib/payments/registry";

/** Gateway titles are read once per export (they come from the gateway settings). */
export async function exportLabels(locale: Locale): Promise<ExportLabels> {
  const titles = new Map(await Promise.all(registeredGateways().map(async (g) => [g.id, await g.title(locale)] as const)));
  const paymentMethod = (id: string | null) => (id ? (titles.get(id) ?? id) : "");
  return { dict: dictionaryFor(locale), locale, paymentMethod, paymentStatus: (p) => paymentStatusLabel(p, locale) };
}

