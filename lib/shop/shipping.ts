import type { ShippingRule } from "@/lib/cart/totals";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { loadShopSettings } from "@/lib/shop/settings/store";
import { shippingRuleFor, shippingSection, type Destination, type ShippingDefaults } from "@/lib/shop/shipping-fees";

/** SHIPPING_FEE_YEN and FREE_SHIPPING_THRESHOLD_YEN: what a shop that never saved the shipping settings charges. */
export function envShippingDefaults(): ShippingDefaults {
  const e = env();
  return { flatFee: e.SHIPPING_FEE_YEN, freeThreshold: e.FREE_SHIPPING_THRESHOLD_YEN };
}

/** The shipping rule for a destination (lib/shop/shipping-fees.ts); without one, the base fee (the cart's estimate). */
export async function shippingRule(destination?: Destination | null): Promise<ShippingRule> {
  return shippingRuleFor(await loadShopSettings(db(), shippingSection), envShippingDefaults(), destination);
}
