"use client";
// Turning the second factor off: a current code from the app, or the password.
import { disableTwoFactorAction } from "@/app/admin/security/actions";
import { useI18n } from "@/components/i18n-provider";
import { TextField } from "@/components/ui/field";
import { useOneFieldAction } from "@/components/ui/one-field-action";
import { SubmitButton } from "@/components/ui/submit-button";

export function TwoFactorDisableForm() {
  const { dict } = useI18n();
  const { value: proof, setValue: setProof, message, pending, submit } = useOneFieldAction(async (typed, clear) => {
    const res = await disableTwoFactorAction({ proof: typed });
    if (!res.ok) return res.message;
    clear();
  });
  const id = "disable-proof";
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
