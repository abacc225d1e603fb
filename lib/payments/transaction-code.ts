import { randomInt } from "node:crypto";

/** MerchantFree1 (決済コード): 12 digits, 000000000001–999999999999, as the vendor's WooCommerce plugins make it. */
export function newTransactionCode(): string {
  return String(randomInt(1, 1_000_000_000_000)).padStart(12, "0");
}
