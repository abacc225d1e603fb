"use client";
// Turning the second factor off: a current code from the app, or the password.
import { useState, useTransition } from "react";
import { disableTwoFactorAction } from "@/app/admin/security/actions";
import { useI18n } from "@/components/i18n-provider";
import { TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { errorText, type MessageRef } from "@/lib/i18n";

export function TwoFactorDisableForm() {
  const { dict } = useI18n();
  const [proof, setProof] = useState("");
  const [error, setError] = useState<MessageRef | undefined>();
  const [pending, startTransition] = useTransition();

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    setError(undefined);
    startTransition(async () => {
      const res = await disableTwoFactorAction({ proof });
      if (res.ok) setProof("");
      else setError(res.message);
    });
  };
  const id = "disable-proof";
  const message = errorText(dict, error) || undefined;
  return (
    <form onSubmit={submit} noValidate className="space-y-4" aria-busy={pending}>
      <p className="text-sm">{dict.twoFactor.disableHelp}</p>
      <TextField id={id} label={dict.twoFactor.proof} error={message} type="password" autoComplete="off" maxLength={200} value={proof} onValue={setProof} />
      <SubmitButton variant="danger" pendingLabel={dict.twoFactor.disabling} pending={pending}>
        {dict.twoFactor.disable}
      </SubmitButton>
    </form>
  );
}
