// Unpaid convenience-store orders hold their stock until the deadline (up to 60 days), so one
// shopper — or one script posting guest checkouts — could empty the shelves without paying. A new
// registration is refused while the shopper already has the merchant's maximum of unpaid ones, by
// e-mail address and by client IP address (Order.clientKey). Counting rows cannot stop a burst of
// parallel checkouts that all count before any registers, so registrations per IP address are also
// throttled atomically (at twice the cap per hour).
import type { Db } from "@/lib/db";
import type { CheckoutClient } from "@/lib/payments/registry";
import type { CvsSettings } from "@/lib/payments/settings/cvs";
import { hitThrottle, type ThrottleRule } from "@/lib/security/throttle";

const OPEN_STATES = ["started", "unpaid"];
const HOUR_MS = 3_600_000;

export const cvsRegistrationsPerIp = (s: Pick<CvsSettings, "unpaidPerIp">): ThrottleRule => ({ name: "cvs-ip", limit: s.unpaidPerIp * 2, windowMs: HOUR_MS });

type Caps = Pick<CvsSettings, "unpaidPerEmail" | "unpaidPerIp">;

function openCount(db: Db, order: { email?: string; clientKey?: string }, checkoutKey: string | undefined): Promise<number> {
  return db.payment.count({
    where: { gateway: "cvs", state: { in: OPEN_STATES }, order: { ...order, ...(checkoutKey ? { NOT: { checkoutKey } } : {}) } },
  });
}

/** Whether this client may register one more unpaid payment; counts the attempt against the IP throttle. */
export async function unpaidCvsAllowed(db: Db, caps: Caps, client: CheckoutClient): Promise<boolean> {
  // The address as the checkout stored it (NFKC, trimmed). Changing its case gets past this count,
  // not past the one by IP address.
  const email = client.email;
  const [byEmail, byIp] = await Promise.all([
    email ? openCount(db, { email }, client.checkoutKey) : 0,
    client.key ? openCount(db, { clientKey: client.key }, client.checkoutKey) : 0,
  ]);
  if (byEmail >= caps.unpaidPerEmail || byIp >= caps.unpaidPerIp) return false;
  return (await hitThrottle(db, cvsRegistrationsPerIp(caps), client.ip)).allowed;
}
