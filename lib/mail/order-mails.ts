// The order e-mails: "order received" (any gateway; a gateway adds its own payment lines, e.g.
// the convenience-store お支払いURL and 支払期限) and "payment received". Plain text in the
// order's language; strings come from the dictionaries.
import type { Db, Tx } from "@/lib/db";
import { env } from "@/lib/env";
import { dictionaryFor, fmt, formatYen, isLocale, type Dictionary } from "@/lib/i18n";
import { queueMail, type MailMessage } from "@/lib/mail/outbox";
import { formatDateTime } from "@/lib/shop/dates";
import { deliverySummary } from "@/lib/shop/delivery-format";

export interface PaymentSection {
  /** The payment method as the shopper chose it (gateway title). */
  methodTitle: string;
  /** Extra lines, e.g. "お支払いURL: …". */
  lines: string[];
}

type OrderForMail = NonNullable<Awaited<ReturnType<typeof loadOrder>>>;

function loadOrder(db: Db | Tx, orderId: number) {
  return db.order.findUnique({ where: { id: orderId }, include: { items: true, fees: true } });
}

function orderUrl(order: OrderForMail): string {
  return new URL(`/order/${order.id}?key=${encodeURIComponent(order.accessKey)}`, env().SITE_URL).toString();
}

function summary(order: OrderForMail, dict: Dictionary): string[] {
  const m = dict.cvs.mail;
  return [
    `■ ${m.items}`,
    ...order.items.map((i) => `${i.name} × ${i.quantity}  ${formatYen(dict, i.lineTotal)}`),
    "",
    `${dict.cart.subtotal}: ${formatYen(dict, order.subtotal)}`,
    `${dict.cart.shipping}: ${order.shippingFee === 0 ? dict.cart.free : formatYen(dict, order.shippingFee)}`,
    ...order.fees.map((f) => `${f.name}: ${formatYen(dict, f.amount)}`),
    `${dict.cart.total}: ${formatYen(dict, order.total)}${dict.common.taxIncluded}`,
  ];
}

function compose(order: OrderForMail, dict: Dictionary, intro: string, middle: string[]): string {
  const m = dict.cvs.mail;
  const shop = env().SHOP_NAME;
  return [
    fmt(m.greeting, { name: `${order.billingLastName} ${order.billingFirstName}` }),
    "",
    fmt(intro, { shop }),
    "",
    `■ ${dict.order.number}: ${order.id}`,
    `■ ${dict.order.date}: ${formatDateTime(order.createdAt, isLocale(order.locale) ? order.locale : "ja")}`,
    ...deliveryLine(order, dict),
    ...middle,
    "",
    ...summary(order, dict),
    "",
    `■ ${m.viewOrder}`,
    orderUrl(order),
    "",
    "--",
    shop,
    env().SITE_URL,
    "",
  ].join("\n");
}

function deliveryLine(order: OrderForMail, dict: Dictionary): string[] {
  const text = deliverySummary(dict, isLocale(order.locale) ? order.locale : "ja", order);
  return text ? [`■ ${dict.delivery.orderTitle}: ${text}`] : [];
}

function dictOf(order: OrderForMail): Dictionary {
  return dictionaryFor(isLocale(order.locale) ? order.locale : "ja");
}

/** Queues "order received" (in the caller's transaction when given one). Returns the e-mail's id. */
export async function queueOrderReceivedMail(db: Db | Tx, orderId: number, payment: PaymentSection): Promise<string | null> {
  const order = await loadOrder(db, orderId);
  if (!order) return null;
  const dict = dictOf(order);
  const m = dict.cvs.mail;
  const body = compose(order, dict, m.receivedIntro, [`■ ${dict.order.paymentMethod}: ${payment.methodTitle}`, ...payment.lines]);
  return queueMail(db, { kind: "order_received", orderId, to: order.email, subject: fmt(m.receivedSubject, { shop: env().SHOP_NAME, number: String(order.id) }), body });
}

/**
 * "Payment received", composed but not queued: the caller queues it (lib/mail/outbox.ts queueMail)
 * in the transaction that records the money, and composes it before that transaction so the
 * transaction only writes. Also the order's status as it was read for the mail, which the caller
 * may use as a compare-and-set guess. Null when the order does not exist.
 */
export async function orderPaidMail(
  db: Db | Tx,
  orderId: number,
  lines: (dict: Dictionary) => string[],
): Promise<{ mail: MailMessage; order: { status: string; stockReserved: boolean; cartId: string | null } } | null> {
  const order = await loadOrder(db, orderId);
  if (!order) return null;
  const dict = dictOf(order);
  const m = dict.cvs.mail;
  const body = compose(order, dict, m.paidIntro, lines(dict));
  const mail: MailMessage = { kind: "payment_received", orderId, to: order.email, subject: fmt(m.paidSubject, { shop: env().SHOP_NAME, number: String(order.id) }), body };
  return { mail, order: { status: order.status, stockReserved: order.stockReserved, cartId: order.cartId } };
}
