"use client";
// パスワードをお忘れの方: one field; the answer is the same whether the address has an account.
import { useState, useTransition } from "react";
import { requestPasswordResetAction } from "@/app/forgot-password/actions";
import { useI18n } from "@/components/i18n-provider";
import { TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import { errorText, type MessageRef } from "@/lib/i18n";

export function ForgotPasswordForm() {
  const { dict } = useI18n();
  const [email, setEmail] = useState("");
  const [error, setError] = useState<MessageRef | undefined>();
  const [sent, setSent] = useState(false);
  const [pending, startTransition] = useTransition();

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    setSent(false);
    startTransition(async () => {
      const res = await requestPasswordResetAction({ email });
      setError(res.ok ? undefined : res.errors.email);
      setSent(res.ok);
    });
  };

  const message = errorText(dict, error) || undefined;
  return (
    <form onSubmit={submit} noValidate className="space-y-4" aria-busy={pending}>
      {sent && (
        <Notice tone="success" data-testid="reset-sent">
          {dict.auth.forgotSent}
        </Notice>
      )}
      <TextField id="forgot-email" label={dict.account.email} requiredLabel={dict.common.required} error={message} type="email" autoComplete="email" value={email} onValue={setEmail} />
      <SubmitButton pendingLabel={dict.auth.sending} pending={pending} className="w-full">
        {dict.auth.forgotSubmit}
      </SubmitButton>
    </form>
  );
}
