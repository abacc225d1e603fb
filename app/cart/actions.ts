"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { currentCart, currentCartForWrite } from "@/lib/cart/current";
import { addItem, CartError, checkAddable, removeItem, setItemQuantity } from "@/lib/cart/store";
import { db } from "@/lib/db";
import type { MessageRef } from "@/lib/i18n";

export interface CartActionState {
  ok: boolean;
  /** dictionary key of the message to show */
  message?: MessageRef;
  available?: number;
}

const lineSchema = z.object({
  productId: z.string().min(1).max(64),
  quantity: z.coerce.number().int().min(0).max(99),
});

function failure(err: unknown): CartActionState {
  if (err instanceof CartError) {
    if (err.code === "not_enough_stock") return { ok: false, message: "product.notEnoughStock", available: err.available };
    if (err.code === "unavailable" || err.code === "not_found") return { ok: false, message: "cart.unavailable" };
    return { ok: false, message: "errors.quantity" };
  }
  throw err;
}

/** The line a form asks for; null for anything else (a hand-made request may send any value). */
function lineOf(formData: unknown) {
  if (!(formData instanceof FormData)) return null;
  const parsed = lineSchema.safeParse({ productId: formData.get("productId"), quantity: formData.get("quantity") });
  return parsed.success ? parsed.data : null;
}

export async function addToCartAction(_prev: CartActionState, formData: unknown): Promise<CartActionState> {
  const line = lineOf(formData);
  if (!line || line.quantity < 1) return { ok: false, message: "errors.quantity" };
  try {
    // Checked before the cart is created: a refused add leaves no empty cart behind.
    if (!(await currentCart())) await checkAddable(db(), line.productId, line.quantity);
    const cart = await currentCartForWrite();
    await addItem(db(), cart.id, line.productId, line.quantity);
  } catch (err) {
    return failure(err);
  }
  revalidatePath("/", "layout");
  return { ok: true, message: "product.added" };
}

export async function updateCartLineAction(_prev: CartActionState, formData: unknown): Promise<CartActionState> {
  const line = lineOf(formData);
  if (!line) return { ok: false, message: "errors.quantity" };
  const cart = await currentCart();
  if (!cart) return { ok: false, message: "cart.unavailable" };
  try {
    await setItemQuantity(db(), cart.id, line.productId, line.quantity);
  } catch (err) {
    return failure(err);
  }
  revalidatePath("/", "layout");
  return { ok: true };
}

export async function removeCartLineAction(formData: unknown): Promise<void> {
  if (!(formData instanceof FormData)) return;
  const productId = z.string().min(1).max(64).safeParse(formData.get("productId"));
  if (!productId.success) return;
  const cart = await currentCart();
  if (cart) await removeItem(db(), cart.id, productId.data);
  revalidatePath("/", "layout");
}
