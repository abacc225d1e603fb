"use client";
// The card method at checkout: saved-card choices (docs/escott-protocol.md §8.2), the card form, the
// installment menu (shown once the card number tells the brand, §5.2), the 3-D Secure
// consent, and prepare(): card data → e-SCOTT's token script → only the token goes on.
import { useEffect, useState } from "react";
import { CardFields, cardDigits, emptyCard, validateCard, type CardValues } from "@/components/checkout/card/card-fields";
import { PayTypeSelect } from "@/components/checkout/card/pay-type-select";
import { createToken, loadTokenScript, tokenErrors } from "@/components/checkout/card/token-script";
import type { PaymentFieldsProps, PrepareResult } from "@/components/checkout/payment-fields";
import { useI18n } from "@/components/i18n-provider";
import type { FieldErrors } from "@/lib/checkout/address-schema";
import { CARD_BRAND_NAMES } from "@/lib/escott/installments";
import { errorText, fmt } from "@/lib/i18n";
import type { CardClientData, CardPayload } from "@/lib/payments/card/client-data";

type Mode = "saved" | "new";

export function CardPaymentFields({ option, errors, register }: PaymentFieldsProps) {
  const { dict, locale } = useI18n();
  const data = option.clientData as unknown as CardClientData;
  const hasSaved = data.cardMember && data.savedCard !== null;
  const [mode, setMode] = useState<Mode>(hasSaved ? "saved" : "new");
  const [card, setCard] = useState<CardValues>(emptyCard);
  const [payType, setPayType] = useState("01");
  const [save, setSave] = useState(false);
  const [agreement, setAgreement] = useState(false);

  // Load e-SCOTT's script early: the card becomes a token at submit time without waiting for it.
  useEffect(() => {
    if (data.tokenScript) loadTokenScript(data.tokenScript).catch(() => undefined);
  }, [data.tokenScript]);

  const prefix = mode === "saved" ? (data.savedCard?.prefix ?? "") : cardDigits(card.number);
  const showPayType = data.installments !== 1 && (mode === "saved" || prefix.length >= 2);

  // prepare() runs at submit time; re-registered whenever a value changes so it sees the latest ones.
  useEffect(() => {
    const s = { mode, card, payType, save, agreement };
    register({
      async prepare(): Promise<PrepareResult> {
        const errs: FieldErrors = {};
        if (data.threeDSecure && !s.agreement) errs["payment.agreement"] = "card.agreementRequired";
        const effectivePayType = data.installments === 1 ? "01" : s.payType;
        if (s.mode === "saved") {
          if (Object.keys(errs).length > 0) return { ok: false, errors: errs };
          const payload: CardPayload = { mode: "saved", payType: effectivePayType, agreement: s.agreement };
          return { ok: true, data: { ...payload } };
        }
        Object.assign(errs, validateCard(s.card, data.securityCode));
        if (Object.keys(errs).length > 0) return { ok: false, errors: errs };
        const result = await createToken(data.tokenScript, { number: cardDigits(s.card.number), month: s.card.month, year: s.card.year, securityCode: data.securityCode ? s.card.securityCode : "" });
        if (!result.ok) {
          const fieldErrors = tokenErrors(result.code);
          if (fieldErrors) return { ok: false, errors: fieldErrors };
          if (result.code === "script") return { ok: false, message: dict.card.scriptFailed };
          if (result.code === "timeout") return { ok: false, message: dict.card.tokenTimeout };
          // e-SCOTT's code catalog (≈10 KB gzip) is fetched only when the token script refuses a card.
          const { customerMessage } = await import("@/lib/escott/customer-messages");
          return { ok: false, message: customerMessage([result.code], locale) };
        }
        const payload: CardPayload = {
          mode: "new",
          token: result.token,
          maskedCard: result.maskedCard,
          holderName: s.card.holderName.trim().toUpperCase(),
          payType: effectivePayType,
          save: s.save,
          agreement: s.agreement,
        };
        return { ok: true, data: { ...payload } };
      },
    });
    return () => register(null);
  }, [register, data, dict, locale, mode, card, payType, save, agreement]);

  const generalError = errors["payment.card"] ? errorText(dict, errors["payment.card"]) : null;
  const agreementError = errorText(dict, errors["payment.agreement"]) || undefined;
  const savedLabel = data.savedCard ? fmt(dict.card.cardLabel, { brand: CARD_BRAND_NAMES[data.savedCard.brand] || data.savedCard.brand, last4: data.savedCard.last4 }) : "";

  return (
    <div className="space-y-4 border-t border-stone-200 pt-4" data-testid="card-payment">
      {generalError && (
        <p role="alert" className="text-sm text-accent-600">
          {generalError}
        </p>
      )}
      {hasSaved && (
        <fieldset className="space-y-2" data-testid="card-member-options">
          <legend className="sr-only">{dict.card.cardSection}</legend>
          <label className="flex items-center gap-2">
            <input type="radio" name="card-mode" checked={mode === "saved"} onChange={() => setMode("saved")} />
            {fmt(dict.card.savedCardOption, { card: savedLabel })}
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" name="card-mode" checked={mode === "new"} onChange={() => setMode("new")} />
            {data.alwaysSave ? dict.card.changeCardOption : dict.card.newCardOption}
          </label>
        </fieldset>
      )}
      {mode === "new" && (
        <fieldset className="space-y-4">
          <legend className="px-1 font-medium">{dict.card.cardSection}</legend>
          <CardFields values={card} onChange={setCard} errors={errors} securityCode={data.securityCode} expiryYears={data.expiryYears} />
          {data.cardMember && !data.alwaysSave && (
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" checked={save} onChange={(e) => setSave(e.target.checked)} className="size-4" />
              {hasSaved ? dict.card.changeSavedCard : dict.card.saveCard}
            </label>
          )}
          {data.cardMember && data.alwaysSave && <p className="text-sm text-stone-600">{dict.card.alwaysSaveNotice}</p>}
        </fieldset>
      )}
      {showPayType ? (
        <PayTypeSelect prefix={prefix} setting={data.installments} value={payType} onChange={setPayType} error={errorText(dict, errors["payment.payType"]) || undefined} />
      ) : (
        data.installments !== 1 && <p className="text-sm text-stone-600">{dict.card.payTypeHint}</p>
      )}
      {data.threeDSecure && (
        <div className="space-y-2 rounded-md bg-stone-50 p-3 text-sm">
          <p>{dict.card.agreementText}</p>
          <label className="flex items-center gap-2 font-medium">
            <input
              type="checkbox"
              checked={agreement}
              onChange={(e) => setAgreement(e.target.checked)}
              aria-invalid={agreementError ? true : undefined}
              aria-describedby={agreementError ? "card-agreement-error" : undefined}
              className="size-4"
            />
            {dict.card.agreementLabel}
          </label>
          {agreementError && (
            <p id="card-agreement-error" role="alert" className="text-accent-600">
              {agreementError}
            </p>
          )}
        </div>
      )}
    </div>
  );
}
