"use client";
// The browser side of a payment method: extra fields (card form, fee notice…) and a
// prepare() step that runs before the order is submitted (e.g. turning the card into a
// token). Each gateway's component is listed in payment-methods.ts.
import type { FieldErrors } from "@/lib/checkout/address-schema";
import type { PaymentMethodOption } from "@/lib/payments/registry";

export type PrepareResult = { ok: true; data: Record<string, unknown> } | { ok: false; errors?: FieldErrors; message?: string };

export interface PaymentFieldsHandle {
  prepare(): Promise<PrepareResult>;
}

export interface PaymentFieldsProps {
  option: PaymentMethodOption;
  /** Errors for this method's fields from the server ("payment.xxx" keys). */
  errors: FieldErrors;
  register(handle: PaymentFieldsHandle | null): void;
}

/** Submits a hidden auto-posting form, e.g. to the 3-D Secure page. */
export function postForm(action: string, fields: Record<string, string>): void {
  const form = document.createElement("form");
  form.method = "POST";
  form.action = action;
  form.style.display = "none";
  for (const [name, value] of Object.entries(fields)) {
    const input = document.createElement("input");
    input.type = "hidden";
    input.name = name;
    input.value = value;
    form.appendChild(input);
  }
  document.body.appendChild(form);
  form.submit();
}
