"use client";
// Register or replace the saved card. Like checkout, the card data goes to e-SCOTT's token
// script only; the server action gets the token (and, with 3-D Secure, answers with the form
// the browser auto-posts to the 3DS page).
import { useRouter } from "next/navigation";
import { useEffect, useState, useTransition } from "react";
import { registerCardAction } from "@/app/account/card/actions";
import { CardFields, cardDigits, emptyCard, validateCard, type CardValues } from "@/components/checkout/card/card-fields";
import { createToken, loadTokenScript, tokenErrors } from "@/components/checkout/card/token-script";
import { postForm } from "@/components/checkout/payment-fields";
import { useI18n } from "@/components/i18n-provider";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FieldErrors } from "@/lib/checkout/address-schema";
import { errorText, noticePath } from "@/lib/i18n";

export interface CardFormConfig {
  tokenScript: string;
  securityCode: boolean;
  threeDSecure: boolean;
  expiryYears: string[];
}

export function CardRegisterForm({ config, hasCard }: { config: CardFormConfig; hasCard: boolean }) {
  const { dict, locale } = useI18n();
  const router = useRouter();
  const [card, setCard] = useState<CardValues>(emptyCard);
  const [agreement, setAgreement] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<{ ok: false; text: string } | null>(null);
  const [pending, startTransition] = useTransition();

  useEffect(() => {
    if (config.tokenScript) loadTokenScript(config.tokenScript).catch(() => undefined);
  }, [config.tokenScript]);

  const onSubmit = (event: React.FormEvent) => {
    event.preventDefault();
    if (pending) return;
    setMessage(null);
    const errs = validateCard(card, config.securityCode);
    if (config.threeDSecure && !agreement) errs["payment.agreement"] = "card.agreementRequired";
    setErrors(errs);
    if (Object.keys(errs).length > 0) return;
    startTransition(async () => {
      const token = await createToken(config.tokenScript, { number: cardDigits(card.number), month: card.month, year: card.year, securityCode: config.securityCode ? card.securityCode : "" });
      if (!token.ok) {
        const fieldErrors = tokenErrors(token.code);
        if (fieldErrors) setErrors(fieldErrors);
        else if (token.code === "script") setMessage({ ok: false, text: dict.card.scriptFailed });
        else if (token.code === "timeout") setMessage({ ok: false, text: dict.card.tokenTimeout });
        else {
          // e-SCOTT's code catalog is fetched only when the token script refuses a card (as at checkout).
          const { customerMessage } = await import("@/lib/escott/customer-messages");
          setMessage({ ok: false, text: customerMessage([token.code], locale) });
        }
        return;
      }
      const result = await registerCardAction({ token: token.token, maskedCard: token.maskedCard, holderName: card.holderName, agreement });
      if ("post" in result) {
        postForm(result.post.action, result.post.fields);
        return;
      }
      if (result.ok) {
        setCard(emptyCard);
        router.replace(noticePath("/account/card", result.notice));
      } else {
        setMessage({ ok: false, text: errorText(dict, result.notice) });
      }
    });
  };

  const agreementError = errorText(dict, errors["payment.agreement"]) || undefined;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" data-testid="card-register-form">
      <CardFields values={card} onChange={setCard} errors={errors} securityCode={config.securityCode} expiryYears={config.expiryYears} />
      {config.threeDSecure && (
        <div className="space-y-2 rounded-md bg-stone-50 p-3 text-sm">
          <p>{dict.card.agreementText}</p>
          <label className="flex items-center gap-2 font-medium">
            <input type="checkbox" checked={agreement} onChange={(e) => setAgreement(e.target.checked)} aria-invalid={agreementError ? true : undefined} className="size-4" />
            {dict.card.agreementLabel}
          </label>
          {agreementError && (
            <Notice variant="text" tone="error">
              {agreementError}
            </Notice>
          )}
        </div>
      )}
      <SubmitButton pending={pending} pendingLabel={dict.card.registering}>
        {hasCard ? dict.card.updateButton : dict.card.registerButton}
      </SubmitButton>
      {message && (
        <Notice variant="text" tone="error" data-testid="card-register-message" className="text-sm">
          {message.text}
        </Notice>
      )}
    </form>
  );
}
