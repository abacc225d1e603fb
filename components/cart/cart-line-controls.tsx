"use client";
import { useActionState } from "react";
import { removeCartLineAction, updateCartLineAction, type CartActionState } from "@/app/cart/actions";
import { useI18n } from "@/components/i18n-provider";
import { inputClass } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { errorText, fmt } from "@/lib/i18n";

export function CartLineControls({ productId, quantity, stock, name }: { productId: string; quantity: number; stock: number; name: string }) {
  const { dict } = useI18n();
  const [state, update, updating] = useActionState<CartActionState, FormData>(updateCartLineAction, { ok: true });
  const inputId = `qty-${productId}`;
  return (
    <div className="space-y-1">
      <div className="flex flex-wrap items-center gap-2">
        <form action={update} noValidate className="flex items-center gap-2">
          <input type="hidden" name="productId" value={productId} />
          <label htmlFor={inputId} className="sr-only">
            {fmt(dict.cart.quantityFor, { name })}
          </label>
          <input
            id={inputId}
            name="quantity"
            type="number"
            min={0}
            max={Math.max(Math.min(stock, 99), quantity)}
            defaultValue={quantity}
            key={quantity}
            className={`${inputClass} w-20`}
            aria-invalid={!state.ok}
          />
          <SubmitButton pendingLabel={dict.cart.updating} pending={updating} variant="secondary" className="text-sm">
            {dict.cart.update}
          </SubmitButton>
        </form>
        <form action={removeCartLineAction}>
          <input type="hidden" name="productId" value={productId} />
          <SubmitButton pendingLabel={dict.cart.removing} variant="link" className="text-sm" aria-label={`${dict.cart.remove}: ${name}`}>
            {dict.cart.remove}
          </SubmitButton>
        </form>
      </div>
      {!state.ok && state.message && (
        <p role="alert" className="text-sm text-accent-600">
          {errorText(dict, state.message, { count: state.available ?? 0 })}
        </p>
      )}
    </div>
  );
}
