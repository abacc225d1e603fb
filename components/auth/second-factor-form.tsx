"use client";
// The second step of the login: a code from the authenticator app, or a recovery code.
import { useRouter } from "next/navigation";
import { verifySecondFactorAction } from "@/app/login/2fa/actions";
import { useI18n } from "@/components/i18n-provider";
import { TextField } from "@/components/ui/field";
import { useOneFieldAction } from "@/components/ui/one-field-action";
import { SubmitButton } from "@/components/ui/submit-button";

export function SecondFactorForm({ next }: { next: string }) {
  const { dict } = useI18n();
  const router = useRouter();
  const { value: code, setValue: setCode, message, pending, submit } = useOneFieldAction(async (typed, clear) => {
    const res = await verifySecondFactorAction({ code: typed, next });
    if (!res.ok) {
      clear();
      return res.message;
    }
    router.push(res.next);
    router.refresh();
  });
  const id = "second-factor-code";
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
