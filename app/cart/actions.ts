"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { currentCart, currentCartForWrite } from "@/lib/cart/current";
import { addItem, CartError, removeItem, setItemQuantity } from "@/lib/cart/store";
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

export async function addToCartAction(_prev: CartActionState, formData: FormData): Promise<CartActionState> {
  const parsed = lineSchema.safeParse({ productId: formData.get("productId"), quantity: formData.get("quantity") });
  if (!parsed.success || parsed.data.quantity < 1) return { ok: false, message: "errors.quantity" };
  try {
    const cart = await currentCartForWrite();
    await addItem(db(), cart.id, parsed.data.productId, parsed.data.quantity);
  } catch (err) {
    return failure(err);
  }
  revalidatePath("/", "layout");
  return { ok: true, message: "product.added" };
}

export async function updateCartLineAction(_prev: CartActionState, formData: FormData): Promise<CartActionState> {
  const parsed = lineSchema.safeParse({ productId: formData.get("productId"), quantity: formData.get("quantity") });
  if (!parsed.success) return { ok: false, message: "errors.quantity" };
  const cart = await currentCart();
  if (!cart) return { ok: false, message: "cart.unavailable" };
  try {
    await setItemQuantity(db(), cart.id, parsed.data.productId, parsed.data.quantity);
  } catch (err) {
    return failure(err);
  }
  revalidatePath("/", "layout");
  return { ok: true };
}

export async function removeCartLineAction(formData: FormData): Promise<void> {
  const productId = z.string().min(1).max(64).safeParse(formData.get("productId"));
  if (!productId.success) return;
  const cart = await currentCart();
  if (cart) await removeItem(db(), cart.id, productId.data);
  revalidatePath("/", "layout");
}
