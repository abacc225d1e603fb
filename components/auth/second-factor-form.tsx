"use client";
// The second step of the login: a code from the authenticator app, or a recovery code.
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { verifySecondFactorAction } from "@/app/login/2fa/actions";
import { useI18n } from "@/components/i18n-provider";
import { TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { errorText, type MessageRef } from "@/lib/i18n";

export function SecondFactorForm({ next }: { next: string }) {
  const { dict } = useI18n();
  const router = useRouter();
  const [code, setCode] = useState("");
  const [error, setError] = useState<MessageRef | undefined>();
  const [pending, startTransition] = useTransition();

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    setError(undefined);
    startTransition(async () => {
      const res = await verifySecondFactorAction({ code, next });
      if (!res.ok) {
        setError(res.message);
        setCode("");
        return;
      }
      router.push(res.next);
      router.refresh();
    });
  };
  const id = "second-factor-code";
  const message = errorText(dict, error) || undefined;
  return (
    <form onSubmit={submit} noValidate className="space-y-4" aria-busy={pending}>
      <p className="text-sm">{dict.twoFactor.challengeHelp}</p>
      <TextField
        id={id}
        label={dict.twoFactor.challengeCode}
        hint={dict.twoFactor.challengeHint}
        error={message}
        autoComplete="one-time-code"
        autoCapitalize="off"
        spellCheck={false}
        autoFocus
        maxLength={32}
        value={code}
        onValue={setCode}
        className="font-mono tracking-widest"
      />
      <SubmitButton pendingLabel={dict.twoFactor.verifying} pending={pending} className="w-full">
        {dict.twoFactor.verify}
      </SubmitButton>
    </form>
  );
}
