"use client";
// For an account whose address is not verified yet: another verification e-mail (3 per hour).
import { useState, useTransition } from "react";
import { resendVerificationAction } from "@/app/verify-email/actions";
import { useI18n } from "@/components/i18n-provider";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";

export function ResendVerificationButton() {
  const { dict } = useI18n();
  const [result, setResult] = useState<boolean | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <div className="space-y-2">
      <Button variant="secondary" disabled={pending} onClick={() => startTransition(async () => setResult(await resendVerificationAction()))}>
        {dict.auth.verifyResend}
      </Button>
      {result !== null && (
        <Notice tone={result ? "success" : "error"} variant="text" data-testid="verify-resent">
          {result ? dict.auth.verifyResent : dict.auth.tooMany}
        </Notice>
      )}
    </div>
  );
}
