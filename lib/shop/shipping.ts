import type { ShippingRule } from "@/lib/cart/totals";
import { env } from "@/lib/env";

/** Flat fee with free shipping over a threshold (constants from env for now). */
export function shippingRule(): ShippingRule {
  const e = env();
  return { flatFee: e.SHIPPING_FEE_YEN, freeThreshold: e.FREE_SHIPPING_THRESHOLD_YEN };
}
