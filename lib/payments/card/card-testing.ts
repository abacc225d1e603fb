// Card-testing defences (issue 10): a stolen-card tester tries many cards through our checkout or
// My Account, each try costing 1TokenSearch + 1Auth at e-SCOTT. Limits, stored in the database so
// every instance shares them (lib/security/throttle.ts), configurable in the card settings:
//  - failed card attempts per order (then the order is cancelled, its stock returned, and a new
//    checkout is needed);
//  - failed card attempts per client IP address and per shopper (account, or guest cart) per hour:
//    beyond them the checkout refuses card payment before anything is sent to e-SCOTT;
//  - card registrations in My Account per account and per IP address per hour, counted per try.
import type { Db } from "@/lib/db";
import type { CheckoutClient } from "@/lib/payments/registry";
import type { CardSettings } from "@/lib/payments/settings/card";
import { hitThrottle, peekThrottles, type ThrottleRule } from "@/lib/security/throttle";

const HOUR = 60 * 60_000;

type Limits = Pick<CardSettings, "declinesPerIpHour" | "declinesPerShopperHour" | "registrationsPerHour">;

const declinesPerIp = (s: Limits): ThrottleRule => ({ name: "card-decline-ip", limit: s.declinesPerIpHour, windowMs: HOUR });
const declinesPerShopper = (s: Limits): ThrottleRule => ({ name: "card-decline-shopper", limit: s.declinesPerShopperHour, windowMs: HOUR });
const registrationsPerAccount = (s: Limits): ThrottleRule => ({ name: "card-register-account", limit: s.registrationsPerHour, windowMs: HOUR });
const registrationsPerIp = (s: Limits): ThrottleRule => ({ name: "card-register-ip", limit: s.registrationsPerHour * 2, windowMs: HOUR });

/** Whether this client may try a card now (no count). */
export async function cardAttemptsAllowed(db: Db, settings: Limits, client: CheckoutClient): Promise<boolean> {
  const verdicts = await peekThrottles(db, [
    { rule: declinesPerIp(settings), subject: client.ip },
    { rule: declinesPerShopper(settings), subject: client.shopper },
  ]);
  return verdicts.every((v) => v.allowed);
}

/** Counts one failed card attempt of this client. */
export async function countFailedCardAttempt(db: Db, settings: Limits, client: CheckoutClient): Promise<void> {
  await Promise.all([hitThrottle(db, declinesPerIp(settings), client.ip), hitThrottle(db, declinesPerShopper(settings), client.shopper)]);
}

/** Failed card attempts of one order so far. */
export function failedAttemptsOfOrder(db: Db, orderId: number): Promise<number> {
  return db.payment.count({ where: { orderId, gateway: "card", state: "failed" } });
}

/** Counts one card registration try; false when over the hourly limit (nothing is sent to e-SCOTT then). */
export async function admitCardRegistration(db: Db, settings: Limits, userId: string, ip: string): Promise<boolean> {
  const [account, perIp] = await Promise.all([hitThrottle(db, registrationsPerAccount(settings), userId), hitThrottle(db, registrationsPerIp(settings), ip)]);
  return account.allowed && perIp.allowed;
}

/** The dashboard's alert: this many failed card attempts in the last hour is a burst worth a look. */
export const DECLINE_BURST = 10;

/** Failed card attempts (all shoppers) in the last hour. */
export function failedCardAttemptsLastHour(db: Db, now = Date.now()): Promise<number> {
  return db.payment.count({ where: { gateway: "card", state: "failed", updatedAt: { gte: new Date(now - HOUR) } } });
}
