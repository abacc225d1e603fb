"use client";
import { useEffect, useMemo, useRef, useState, useTransition } from "react";
import { placeOrderAction, type PlaceOrderResult } from "@/app/checkout/actions";
import { AddressFields, emptyAddress, type AddressField, type AddressValues } from "@/components/checkout/address-fields";
import { postForm, type PaymentFieldsHandle } from "@/components/checkout/payment-fields";
import { DeliveryFields } from "@/components/checkout/delivery-fields";
import { useQuote } from "@/components/checkout/quote-context";
import { FinalConfirmation, type ConfirmationLine } from "@/components/checkout/final-confirmation";
import { PAYMENT_FIELDS } from "@/components/checkout/payment-methods";
import { useI18n } from "@/components/i18n-provider";
import { cx } from "@/components/ui/cx";
import { describedBy, Field, inputClass } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { panelClass } from "@/components/ui/panel";
import { SubmitButton } from "@/components/ui/submit-button";
import { ADDRESS_RULES, checkoutProblems } from "@/lib/checkout/address-rules";
import type { FieldErrors } from "@/lib/checkout/address-schema";
import { errorText } from "@/lib/i18n";
import type { PaymentMethodOption } from "@/lib/payments/registry";
import type { DeliveryOptions } from "@/lib/shop/delivery-options";
import type { CheckoutTerms } from "@/lib/shop/legal-terms";

interface Values {
  billing: AddressValues;
  shipping: AddressValues;
  email: string;
  shipToDifferentAddress: boolean;
  paymentMethod: string;
  deliveryDate: string;
  deliverySlot: string;
}

export function CheckoutForm({
  checkoutKey,
  methods,
  initial,
  confirmation,
  delivery,
}: {
  checkoutKey: string;
  methods: PaymentMethodOption[];
  initial: { email: string; message?: string | null };
  /** The final confirmation's contents (computed on the server). */
  confirmation: { lines: ConfirmationLine[]; terms: CheckoutTerms };
  /** The delivery dates and slots offered; null when the shop does not take a delivery choice. */
  delivery: DeliveryOptions | null;
}) {
  const { dict } = useI18n();
  const [values, setValues] = useState<Values>({
    billing: emptyAddress,
    shipping: emptyAddress,
    email: initial.email,
    shipToDifferentAddress: false,
    paymentMethod: methods[0]?.id ?? "",
    deliveryDate: "",
    deliverySlot: "",
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [outcome, setOutcome] = useState<PlaceOrderResult["status"] | null>(null);
  const [paymentMessage, setPaymentMessage] = useState<string | null>(initial.message ?? null);
  const [pending, startTransition] = useTransition();
  const paymentHandle = useRef<PaymentFieldsHandle | null>(null);
  const { quote, refresh } = useQuote();

  // Shipping depends on where the parcel goes: ask the server for new totals when the destination's
  // prefecture changes, or its postal code becomes complete (a remote island's surcharge).
  const destination = values.shipToDifferentAddress ? values.shipping : values.billing;
  const postalDigits = destination.postalCode.replace(/\D/g, "");
  const destinationKey = destination.prefecture ? `${destination.prefecture}|${postalDigits.length === 7 ? postalDigits : ""}` : "";
  const quotedKey = useRef("");
  useEffect(() => {
    if (destinationKey === quotedKey.current) return;
    quotedKey.current = destinationKey;
    const [prefecture = "", postalCode = ""] = destinationKey.split("|");
    refresh(prefecture ? { prefecture, postalCode } : null);
  }, [destinationKey, refresh]);

  // Keep the typed details for this tab, so a trip through the 3-D Secure page that ends
  // back here (declined, cancelled) does not make the shopper type everything again.
  // Card data is never part of these values.
  const restored = useRef(false);
  useEffect(() => {
    if (!restored.current) {
      restored.current = true;
      const saved = readSavedValues();
      if (saved) {
        // eslint-disable-next-line react-hooks/set-state-in-effect -- one-time restore of browser-only storage after hydration
        setValues((v) => ({ ...v, ...saved, email: saved.email || v.email, paymentMethod: v.paymentMethod }));
      }
      return;
    }
    sessionStorage.setItem(SAVED_VALUES_KEY, JSON.stringify({ billing: values.billing, shipping: values.shipping, email: values.email, shipToDifferentAddress: values.shipToDifferentAddress }));
  }, [values]);

  const setAddress = (which: "billing" | "shipping") => (field: AddressField, value: string) =>
    setValues((v) => ({ ...v, [which]: { ...v[which], [field]: value } }));

  // Validates one field when the shopper leaves it, and shows the normalised value
  // (katakana, 〒 with hyphen) so they see what will be saved.
  const blurAddress = (which: "billing" | "shipping") => (field: AddressField) => {
    const key = `${which}.${field}`;
    const result = ADDRESS_RULES[field](values[which][field]);
    setErrors((e) => {
      const next = { ...e };
      if (result.ok) delete next[key];
      else if (values[which][field] !== "" || e[key]) next[key] = result.message;
      return next;
    });
    if (result.ok && result.value !== values[which][field]) {
      setAddress(which)(field, result.value);
    }
  };

  const onSubmit = (event: React.FormEvent) => {
    event.preventDefault();
    if (pending) return;
    setOutcome(null);
    setPaymentMessage(null);
    const base = { ...values, shipping: values.shipToDifferentAddress ? values.shipping : undefined };
    // The server checks all of it again (placeOrderAction); this is for the shopper, and so that
    // no card token is asked for while the address is still wrong.
    const problems = checkoutProblems(base);
    if (Object.keys(problems).length > 0) {
      setErrors(problems);
      setOutcome("invalid");
      focusFirstError();
      return;
    }
    setErrors({});
    startTransition(async () => {
      // The payment method's own step first (e.g. the card becomes a token in the browser).
      const prepared = paymentHandle.current ? await paymentHandle.current.prepare() : { ok: true as const, data: {} };
      if (!prepared.ok) {
        setErrors(prepared.errors ?? {});
        if (prepared.message) setPaymentMessage(prepared.message);
        setOutcome("invalid");
        focusFirstError();
        return;
      }
      const result = await placeOrderAction({ ...base, payment: prepared.data }, checkoutKey);
      setOutcome(result.status);
      if (result.status === "invalid") {
        setErrors(result.errors);
        focusFirstError();
      } else if (result.status === "refused") {
        setPaymentMessage(result.message);
      } else if (result.status === "placed") {
        const next = result.outcome;
        if (next.kind !== "failed" && next.kind !== "post") sessionStorage.removeItem(SAVED_VALUES_KEY);
        // A full page load of the order page: the emptied cart shows in the header without the
        // place-order action having to re-render the layout and this page for a router cache
        // that is thrown away at once (bench/RESULTS.md).
        if (next.kind === "redirect" || next.kind === "unknown") window.location.assign(next.url);
        else if (next.kind === "post") postForm(next.action, next.fields);
        else setPaymentMessage(next.message);
      }
    });
  };

  const banner: Partial<Record<PlaceOrderResult["status"], string>> = {
    invalid: dict.checkout.fixErrors,
    empty_cart: dict.checkout.emptyCart,
    cart_changed: dict.checkout.cartChanged,
    out_of_stock: dict.errors.outOfStock,
    no_payment_method: dict.checkout.noPaymentMethod,
  };
  const emailError = errorText(dict, errors.email) || undefined;
  const listed = methods.find((m) => m.id === values.paymentMethod);
  // The method's browser data for the current totals (e.g. the convenience-store fee); the same
  // object while it does not change, so the payment fields do not start over.
  const latestData = listed ? quote.clientData[listed.id] : undefined;
  const dataJson = JSON.stringify(latestData ?? listed?.clientData ?? null);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed on the data's content, not its identity
  const selected = useMemo(() => (listed && latestData ? { ...listed, clientData: latestData } : listed), [listed, dataJson]);
  const Fields = selected ? PAYMENT_FIELDS[selected.id] : undefined;

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-8" aria-busy={pending}>
      {paymentMessage && (
        <Notice tone="error" data-testid="payment-error">
          {paymentMessage}
        </Notice>
      )}
      {outcome && banner[outcome] && !paymentMessage && (
        <Notice tone="error" data-testid={`checkout-${outcome}`}>
          {banner[outcome]}
        </Notice>
      )}
      <fieldset className={cx("space-y-4", panelClass)}>
        <legend className="px-1 text-lg font-bold">{dict.checkout.billing}</legend>
        <AddressFields prefix="billing" values={values.billing} errors={errors} onChange={setAddress("billing")} onBlur={blurAddress("billing")} />
        <Field id="email" label={dict.checkout.email} required requiredLabel={dict.common.required} error={emailError}>
          <input
            id="email"
            name="email"
            type="email"
            autoComplete="email"
            required
            value={values.email}
            onChange={(e) => setValues((v) => ({ ...v, email: e.target.value }))}
            aria-invalid={emailError ? true : undefined}
            aria-describedby={describedBy("email", undefined, emailError)}
            className={inputClass}
          />
        </Field>
      </fieldset>

      <div className={panelClass}>
        <label className="flex items-center gap-2 font-medium">
          <input
            type="checkbox"
            name="shipToDifferentAddress"
            checked={values.shipToDifferentAddress}
            onChange={(e) => setValues((v) => ({ ...v, shipToDifferentAddress: e.target.checked }))}
            className="size-4"
          />
          {dict.checkout.shipToDifferent}
        </label>
        {values.shipToDifferentAddress && (
          <fieldset className="mt-4 space-y-4">
            <legend className="px-1 text-lg font-bold">{dict.checkout.shipping}</legend>
            <AddressFields prefix="shipping" values={values.shipping} errors={errors} onChange={setAddress("shipping")} onBlur={blurAddress("shipping")} />
          </fieldset>
        )}
      </div>

      {delivery && (
        <DeliveryFields options={delivery} values={values} errors={errors} onChange={(field, value) => setValues((v) => ({ ...v, [field]: value }))} />
      )}

      <fieldset className={cx("space-y-3", panelClass)}>
        <legend className="px-1 text-lg font-bold">{dict.checkout.paymentMethod}</legend>
        {methods.length === 0 ? (
          <Notice variant="text" tone="error" role={null} data-testid="no-payment-method">
            {dict.checkout.noPaymentMethod}
          </Notice>
        ) : (
          methods.map((m) => (
            <label key={m.id} className="flex items-start gap-2">
              <input
                type="radio"
                name="paymentMethod"
                value={m.id}
                checked={values.paymentMethod === m.id}
                onChange={() => setValues((v) => ({ ...v, paymentMethod: m.id }))}
                className="mt-1"
              />
              <span>
                <span className="font-medium">{m.title}</span>
                <span className="block text-sm text-stone-600">{m.description}</span>
              </span>
            </label>
          ))
        )}
        {errors.paymentMethod && <p className="text-sm text-accent-600">{errorText(dict, errors.paymentMethod)}</p>}
        {selected && Fields && (
          <Fields
            key={selected.id}
            option={selected}
            errors={errors}
            register={(handle) => {
              paymentHandle.current = handle;
            }}
          />
        )}
      </fieldset>

      <FinalConfirmation
        lines={confirmation.lines}
        quote={(selected && quote.quotes.byMethod[selected.id]) || quote.quotes.base}
        methodTitle={selected?.title ?? null}
        terms={confirmation.terms}
        deliveryChoice={deliveryChoiceLabel(delivery, values, dict.delivery.none)}
      />

      <p className="text-xs text-stone-500">{dict.checkout.privacyNotice}</p>
      <SubmitButton pendingLabel={dict.checkout.placing} pending={pending} className="w-full py-3 text-lg">
        {dict.checkout.placeOrder}
      </SubmitButton>
    </form>
  );
}

/** "12月5日(土) 午前中" for the final confirmation; null when nothing was chosen. */
function deliveryChoiceLabel(options: DeliveryOptions | null, v: { deliveryDate: string; deliverySlot: string }, none: string): string | null {
  if (!options || (!v.deliveryDate && !v.deliverySlot)) return null;
  const date = options.dates.find((d) => d.value === v.deliveryDate)?.label ?? none;
  const slot = options.slots.find((s) => s.value === v.deliverySlot)?.label ?? none;
  return `${date} ${slot}`;
}

const SAVED_VALUES_KEY = "checkout-details";

function readSavedValues(): Partial<Values> | null {
  try {
    const raw = sessionStorage.getItem(SAVED_VALUES_KEY);
    return raw ? (JSON.parse(raw) as Partial<Values>) : null;
  } catch {
    return null;
  }
}

function focusFirstError() {
  requestAnimationFrame(() => {
    document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  });
}
