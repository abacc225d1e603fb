// The cart in the database: a guest cart is found by its cookie token, a customer's by user
// id. Logging in merges the guest cart into the customer's. Pure data logic (no Next.js),
// so it is tested against a real database.
import { randomBytes } from "node:crypto";
import type { Db } from "@/lib/db";
import { computeTotals, type ShippingRule, type Totals } from "@/lib/cart/totals";

export interface CartOwner {
  userId: string | null;
  token: string | null;
}

export interface CartRef {
  id: string;
  token: string;
  userId: string | null;
}

export class CartError extends Error {
  constructor(
    readonly code: "not_found" | "unavailable" | "not_enough_stock" | "bad_quantity",
    readonly available = 0,
  ) {
    super(code);
    this.name = "CartError";
  }
}

export const MAX_LINE_QUANTITY = 99;

export function newCartToken(): string {
  return randomBytes(24).toString("base64url");
}

async function guestCart(db: Db, token: string | null): Promise<CartRef | null> {
  if (!token) return null;
  return db.cart.findFirst({ where: { token, userId: null }, select: { id: true, token: true, userId: true } });
}

/** Finds the owner's cart; for a logged-in owner, a guest cart from the cookie is merged in. */
export async function findCart(db: Db, owner: CartOwner): Promise<CartRef | null> {
  if (!owner.userId) return guestCart(db, owner.token);
  const guest = await guestCart(db, owner.token);
  if (guest) await mergeGuestCart(db, guest.id, owner.userId);
  return db.cart.findUnique({ where: { userId: owner.userId }, select: { id: true, token: true, userId: true } });
}

export async function mergeGuestCart(db: Db, guestCartId: string, userId: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const guest = await tx.cart.findFirst({ where: { id: guestCartId, userId: null }, include: { items: { include: { product: true } } } });
    if (!guest) return; // merged already (e.g. by a concurrent request)
    const mine = await tx.cart.findUnique({ where: { userId } });
    if (!mine) {
      await tx.cart.update({ where: { id: guest.id }, data: { userId } });
      return;
    }
    for (const item of guest.items) {
      const existing = await tx.cartItem.findUnique({ where: { cartId_productId: { cartId: mine.id, productId: item.productId } } });
      const wanted = (existing?.quantity ?? 0) + item.quantity;
      const quantity = Math.min(wanted, Math.max(item.product.stock, existing?.quantity ?? 0), MAX_LINE_QUANTITY);
      if (quantity <= 0) continue;
      await tx.cartItem.upsert({
        where: { cartId_productId: { cartId: mine.id, productId: item.productId } },
        create: { cartId: mine.id, productId: item.productId, quantity },
        update: { quantity },
      });
    }
    await tx.cart.delete({ where: { id: guest.id } });
  });
}

export async function ensureCart(db: Db, owner: CartOwner): Promise<CartRef> {
  const found = await findCart(db, owner);
  if (found) return found;
  try {
    return await db.cart.create({
      data: { token: newCartToken(), userId: owner.userId },
      select: { id: true, token: true, userId: true },
    });
  } catch (err) {
    // A concurrent request created the customer's cart first.
    const again = await findCart(db, owner);
    if (again) return again;
    throw err;
  }
}

function checkQuantity(quantity: number): void {
  if (!Number.isInteger(quantity) || quantity < 0 || quantity > MAX_LINE_QUANTITY) throw new CartError("bad_quantity");
}

/**
 * Whether `quantity` of the product could go into an empty cart (throws the CartError addItem would):
 * checked before a cart is created for a visitor who has none, so a request for a product that does
 * not exist, is unavailable or lacks the stock leaves no empty cart behind.
 */
export async function checkAddable(db: Db, productId: string, quantity: number): Promise<void> {
  checkQuantity(quantity);
  if (quantity === 0) throw new CartError("bad_quantity");
  const product = await db.product.findUnique({ where: { id: productId }, select: { active: true, stock: true } });
  if (!product) throw new CartError("not_found");
  if (!product.active || product.stock <= 0) throw new CartError("unavailable");
  if (quantity > product.stock) throw new CartError("not_enough_stock", product.stock);
}

export async function addItem(db: Db, cartId: string, productId: string, quantity: number): Promise<void> {
  checkQuantity(quantity);
  if (quantity === 0) throw new CartError("bad_quantity");
  await db.$transaction(async (tx) => {
    const product = await tx.product.findUnique({ where: { id: productId } });
    if (!product) throw new CartError("not_found");
    if (!product.active || product.stock <= 0) throw new CartError("unavailable");
    const existing = await tx.cartItem.findUnique({ where: { cartId_productId: { cartId, productId } } });
    const total = (existing?.quantity ?? 0) + quantity;
    if (total > product.stock) throw new CartError("not_enough_stock", product.stock);
    if (total > MAX_LINE_QUANTITY) throw new CartError("bad_quantity");
    await tx.cartItem.upsert({
      where: { cartId_productId: { cartId, productId } },
      create: { cartId, productId, quantity: total },
      update: { quantity: total },
    });
    await tx.cart.update({ where: { id: cartId }, data: { updatedAt: new Date() } });
  });
}

export async function setItemQuantity(db: Db, cartId: string, productId: string, quantity: number): Promise<void> {
  checkQuantity(quantity);
  if (quantity === 0) return removeItem(db, cartId, productId);
  const product = await db.product.findUnique({ where: { id: productId } });
  if (!product) throw new CartError("not_found");
  if (quantity > product.stock) throw new CartError("not_enough_stock", product.stock);
  const res = await db.cartItem.updateMany({ where: { cartId, productId }, data: { quantity } });
  if (res.count === 0) throw new CartError("not_found");
}

export async function removeItem(db: Db, cartId: string, productId: string): Promise<void> {
  await db.cartItem.deleteMany({ where: { cartId, productId } });
}

export interface CartLine {
  productId: string;
  slug: string;
  name: string;
  nameEn: string;
  imagePath: string;
  unitPrice: number;
  taxRate: number;
  quantity: number;
  stock: number;
  lineTotal: number;
  /** The line cannot be ordered as it is (inactive product or not enough stock). */
  problem: "unavailable" | "not_enough_stock" | null;
}

export interface CartView {
  id: string | null;
  lines: CartLine[];
  totals: Totals;
  hasProblems: boolean;
}

/** Prices always come from the products table: the server recomputes every total. */
export async function cartView(db: Db, cartId: string | null, rule: ShippingRule): Promise<CartView> {
  const items = cartId
    ? await db.cartItem.findMany({ where: { cartId }, include: { product: true }, orderBy: { createdAt: "asc" } })
    : [];
  const lines: CartLine[] = items.map(({ product, quantity }) => ({
    productId: product.id,
    slug: product.slug,
    name: product.name,
    nameEn: product.nameEn,
    imagePath: product.imagePath,
    unitPrice: product.priceYen,
    taxRate: product.taxRate,
    quantity,
    stock: product.stock,
    lineTotal: product.priceYen * quantity,
    problem: !product.active || product.stock <= 0 ? "unavailable" : quantity > product.stock ? "not_enough_stock" : null,
  }));
  return {
    id: cartId,
    lines,
    totals: computeTotals(lines, rule),
    hasProblems: lines.some((l) => l.problem !== null),
  };
}
