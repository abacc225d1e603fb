// Turns a cart into an order: prices, tax and totals are frozen, stock is taken in the same
// transaction, and a checkout key makes a repeated submit return the first order instead
// of creating a second one.
import { randomBytes } from "node:crypto";
import type { Db, Tx } from "@/lib/db";
import { lockCartRow } from "@/lib/cart/lock";
import type { CheckoutData } from "@/lib/checkout/address-schema";
import { computeTotals, type FeeLine, type ShippingRule } from "@/lib/cart/totals";
import { OrderError } from "@/lib/orders/errors";
import { reserveStock } from "@/lib/orders/stock";
import type { DeliveryChoice } from "@/lib/shop/delivery";

export interface PlaceOrderInput {
  cartId: string;
  checkoutKey: string;
  userId: string | null;
  locale: "ja" | "en";
  data: CheckoutData;
  paymentMethod: string | null;
  fees?: (FeeLine & { code: string; name: string })[];
  shipping: ShippingRule;
  /** The preferred delivery date and slot, already checked against the shop's settings (null: 指定なし). */
  delivery?: DeliveryChoice;
  /** The client's hashed IP address (lib/security/client-ip.ts clientKey). */
  clientKey?: string | null;
}

export interface PlacedOrder<Started = never> {
  id: number;
  accessKey: string;
  total: number;
  /** False when the checkout key had been used already and the existing order is returned. */
  created: boolean;
  /** What `startPayment` answered; only for an order this call created. */
  started?: Started;
}

/** The order just written, as `startPayment` sees it inside the same transaction (status pending, stock taken). */
export interface NewOrder {
  id: number;
  total: number;
  cartId: string;
}

/**
 * `startPayment`, when given, runs inside the order's transaction once the order is written (the
 * gateway's first attempt, lib/payments/payments.ts startNewOrderPayment): one transaction less per
 * checkout, and an order never exists without its attempt. If it throws, nothing is written.
 */
export async function placeOrder<Started = never>(db: Db, input: PlaceOrderInput, startPayment?: (tx: Tx, order: NewOrder) => Promise<Started>): Promise<PlacedOrder<Started>> {
  // No look-up of the key first: a new checkout (the usual case) would pay a query for nothing. A
  // repeated submit fails inside the transaction instead — the cart is empty by then, or the
  // order insert hits the unique checkout key — and the catch below returns the first order.
  try {
    return await db.$transaction(async (tx) => {
      await lockCartRow(tx, input.cartId);
      const items = await tx.cartItem.findMany({
        where: { cartId: input.cartId },
        include: { product: true },
        orderBy: { createdAt: "asc" },
      });
      if (items.length === 0) throw new OrderError("conflict", "The cart is empty");
      for (const { product, quantity } of items) {
        if (!product.active) throw new OrderError("out_of_stock", `${product.slug} is not available`);
        if (quantity > product.stock) throw new OrderError("out_of_stock", `Not enough stock for ${product.slug}`);
      }
      const lines = items.map(({ product, quantity }) => ({
        productId: product.id,
        name: product.name,
        slug: product.slug,
        unitPrice: product.priceYen,
        taxRate: product.taxRate,
        quantity,
        lineTotal: product.priceYen * quantity,
      }));
      const fees = input.fees ?? [];
      const totals = computeTotals(lines, input.shipping, fees);
      const { billing, shipping, email } = input.data;

      const order = await tx.order.create({
        data: {
          accessKey: randomBytes(18).toString("base64url"),
          checkoutKey: input.checkoutKey,
          cartId: input.cartId,
          userId: input.userId,
          email,
          clientKey: input.clientKey ?? null,
          status: "pending",
          locale: input.locale,
          paymentMethod: input.paymentMethod,
          subtotal: totals.subtotal,
          shippingFee: totals.shippingFee,
          feeTotal: totals.feeTotal,
          total: totals.total,
          tax10: totals.tax10,
          tax8: totals.tax8,
          stockReserved: true,
          billingLastName: billing.lastName,
          billingFirstName: billing.firstName,
          billingLastNameKana: billing.lastNameKana,
          billingFirstNameKana: billing.firstNameKana,
          billingPostalCode: billing.postalCode,
          billingPrefecture: billing.prefecture,
          billingCity: billing.city,
          billingAddress1: billing.address1,
          billingAddress2: billing.address2,
          billingPhone: billing.phone,
          deliveryDate: input.delivery?.date ?? null,
          deliverySlot: input.delivery?.slot ?? null,
          shipToDifferentAddress: shipping !== null,
          ...(shipping && {
            shippingLastName: shipping.lastName,
            shippingFirstName: shipping.firstName,
            shippingLastNameKana: shipping.lastNameKana,
            shippingFirstNameKana: shipping.firstNameKana,
            shippingPostalCode: shipping.postalCode,
            shippingPrefecture: shipping.prefecture,
            shippingCity: shipping.city,
            shippingAddress1: shipping.address1,
            shippingAddress2: shipping.address2,
            shippingPhone: shipping.phone,
          }),
        },
        select: { id: true, accessKey: true, total: true },
      });
      // Lines, fees and the first note as plain inserts: a nested create makes Prisma insert each
      // line on its own and read the order back afterwards.
      await tx.orderItem.createMany({ data: lines.map((line) => ({ ...line, orderId: order.id })) });
      if (fees.length > 0) await tx.orderFee.createMany({ data: fees.map((f) => ({ orderId: order.id, code: f.code, name: f.name, amount: f.amount, taxRate: f.taxRate })) });
      await tx.orderNote.create({
        data: { orderId: order.id, kind: "status", toStatus: "pending", message: "注文を受け付けました。", customerVisible: true, author: input.userId ? "customer" : "guest" },
        select: { id: true },
      });
      await reserveStock(tx, lines);
      const placed = { id: order.id, accessKey: order.accessKey, total: order.total, created: true };
      return startPayment ? { ...placed, started: await startPayment(tx, { id: order.id, total: order.total, cartId: input.cartId }) } : placed;
    });
  } catch (err) {
    // A repeated submit, or two that raced: the other one created the order with this key.
    const raced = await db.order.findUnique({ where: { checkoutKey: input.checkoutKey } });
    if (raced) return { id: raced.id, accessKey: raced.accessKey, total: raced.total, created: false };
    throw err;
  }
}
