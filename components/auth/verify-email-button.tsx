"use client";
// The verification link's page: the token is used only on this click (mail scanners open links,
// they do not press buttons).
import { useState, useTransition } from "react";
import { verifyEmailAction } from "@/app/verify-email/actions";
import { useI18n } from "@/components/i18n-provider";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";

export function VerifyEmailButton({ token }: { token: string }) {
  const { dict } = useI18n();
  const [result, setResult] = useState<boolean | null>(null);
  const [pending, startTransition] = useTransition();
  if (result !== null) {
    return (
      <Notice tone={result ? "success" : "error"} data-testid="verify-result">
        {result ? dict.auth.verified : dict.auth.linkInvalid}
      </Notice>
    );
  }
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        startTransition(async () => setResult(await verifyEmailAction(token)));
      }}
    >
      <SubmitButton pending={pending} pendingLabel={dict.auth.saving} className="w-full">
        {dict.auth.verifyTitle}
      </SubmitButton>
    </form>
  );
}
