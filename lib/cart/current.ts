import "server-only";
import { cookies } from "next/headers";
import { getCurrentUser } from "@/lib/auth/session";
import { cartView, ensureCart, findCart, type CartRef, type CartView } from "@/lib/cart/store";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { shippingRule } from "@/lib/shop/shipping";

export const CART_COOKIE = "cart";

async function owner() {
  const [user, jar] = await Promise.all([getCurrentUser(), cookies()]);
  return { userId: user?.id ?? null, token: jar.get(CART_COOKIE)?.value ?? null };
}

/** For pages: the current cart, or an empty view. Never sets cookies. */
export async function currentCartView(): Promise<CartView> {
  const cart = await findCart(db(), await owner());
  return cartView(db(), cart?.id ?? null, await shippingRule());
}

export async function currentCart(): Promise<CartRef | null> {
  return findCart(db(), await owner());
}

/** For server actions: finds or creates the cart and keeps its cookie. */
export async function currentCartForWrite(): Promise<CartRef> {
  const cart = await ensureCart(db(), await owner());
  (await cookies()).set(CART_COOKIE, cart.token, {
    httpOnly: true,
    sameSite: "lax",
    secure: env().SITE_URL.startsWith("https:"),
    path: "/",
    maxAge: 60 * 60 * 24 * 30,
  });
  return cart;
}
