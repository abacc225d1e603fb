"use client";
// Enrolling the second factor: the QR code and setup key (drawn by the server page, `setup`), the
// form that confirms them with a first code, then the recovery codes — shown here once, from the
// action's answer, and never again.
import Link from "next/link";
import { useState, type ReactNode } from "react";
import { confirmEnrolmentAction } from "@/app/admin/security/actions";
import { useI18n } from "@/components/i18n-provider";
import { buttonClass } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { Panel } from "@/components/ui/panel";
import { useOneFieldAction } from "@/components/ui/one-field-action";
import { SubmitButton } from "@/components/ui/submit-button";

export function TwoFactorEnrolment({ setup, next }: { setup: ReactNode; next: string }) {
  const { dict } = useI18n();
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const { value: code, setValue: setCode, message, pending, submit } = useOneFieldAction(async (typed) => {
    const res = await confirmEnrolmentAction({ code: typed });
    if (!res.ok) return res.message;
    setRecoveryCodes(res.recoveryCodes);
  });

  if (recoveryCodes) {
    return (
      <Panel title={dict.twoFactor.recoveryTitle} titleId="recovery-codes-title" className="space-y-4" data-testid="recovery-codes">
        <Notice tone="success">{dict.twoFactor.enabled}</Notice>
        <p className="text-sm">{dict.twoFactor.recoveryHelp}</p>
        <ol className="grid grid-cols-2 gap-2 font-mono text-sm sm:grid-cols-5">
          {recoveryCodes.map((c) => (
            <li key={c} className="rounded border border-stone-200 px-2 py-1 text-center" data-testid="recovery-code">
              {c}
            </li>
          ))}
        </ol>
        <Link href={next} className={buttonClass()}>
          {dict.twoFactor.continue}
        </Link>
      </Panel>
    );
  }

  const id = "enrol-code";
  return (
    <>
      {setup}
      <Panel title={dict.twoFactor.confirmTitle} titleId="enrol-confirm-title">
        <form onSubmit={submit} noValidate className="space-y-4" aria-busy={pending}>
          <p className="text-sm">{dict.twoFactor.confirmHelp}</p>
          <TextField
            id={id}
            label={dict.twoFactor.code}
            hint={dict.twoFactor.codeHint}
            error={message}
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={12}
            value={code}
            onValue={setCode}
            className="max-w-40 font-mono tracking-widest"
          />
          <SubmitButton pendingLabel={dict.twoFactor.confirming} pending={pending}>
            {dict.twoFactor.confirm}
          </SubmitButton>
        </form>
      </Panel>
    </>
  );
}
