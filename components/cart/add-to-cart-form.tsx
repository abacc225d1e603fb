"use client";
import Link from "next/link";
import { useActionState } from "react";
import { addToCartAction, type CartActionState } from "@/app/cart/actions";
import { useI18n } from "@/components/i18n-provider";
import { inputClass } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { errorText } from "@/lib/i18n";

export function AddToCartForm({ productId, maxQuantity }: { productId: string; maxQuantity: number }) {
  const { dict } = useI18n();
  const [state, action, pending] = useActionState<CartActionState, FormData>(addToCartAction, { ok: false });
  return (
    <form action={action} noValidate className="space-y-3">
      <input type="hidden" name="productId" value={productId} />
      <div className="flex items-end gap-3">
        <div>
          <label htmlFor="quantity" className="mb-1 block text-sm font-medium">
            {dict.product.quantity}
          </label>
          <input id="quantity" name="quantity" type="number" min={1} max={Math.min(maxQuantity, 99)} defaultValue={1} required className={`${inputClass} w-24`} />
        </div>
        <SubmitButton pendingLabel={dict.product.adding} pending={pending} className="flex-1 sm:flex-none">
          {dict.product.addToCart}
        </SubmitButton>
      </div>
      {state.message && (
        <p role="status" className={state.ok ? "text-brand-700" : "text-accent-600"}>
          {errorText(dict, state.message, { count: state.available ?? 0 })}
          {state.ok && (
            <>
              {" "}
              <Link href="/cart" prefetch={false} className="underline">
                {dict.product.viewCart}
              </Link>
            </>
          )}
        </p>
      )}
    </form>
  );
}
