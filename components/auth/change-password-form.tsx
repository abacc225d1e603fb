"use client";
import { useState, useTransition } from "react";
import { changePasswordAction } from "@/app/account/password/actions";
import { useI18n } from "@/components/i18n-provider";
import { Notice } from "@/components/ui/notice";
import { useFieldValues } from "@/components/ui/field-values";
import { SubmitButton } from "@/components/ui/submit-button";

type Name = "current" | "password" | "passwordConfirm";

export function ChangePasswordForm({ minLength }: { minLength: number }) {
  const { dict } = useI18n();
  const { values, setValues, setErrors, field } = useFieldValues<Name>("password", { current: "", password: "", passwordConfirm: "" });
  const [done, setDone] = useState(false);
  const [pending, startTransition] = useTransition();

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    setDone(false);
    startTransition(async () => {
      const res = await changePasswordAction(values);
      if (!res.ok) {
        setErrors(res.errors);
        return;
      }
      setErrors({});
      setValues({ current: "", password: "", passwordConfirm: "" });
      setDone(true);
    });
  };

  return (
    <form onSubmit={submit} noValidate className="space-y-4" aria-busy={pending}>
      {done && (
        <Notice tone="success" data-testid="password-changed">
          {dict.account.passwordChanged}
        </Notice>
      )}
      {field("current", { label: dict.account.currentPassword, type: "password", autoComplete: "current-password" })}
      {field("password", { label: dict.account.newPassword, type: "password", autoComplete: "new-password", minLength, hint: minLength === 12 ? dict.account.passwordHintAdmin : dict.account.passwordHint })}
      {field("passwordConfirm", { label: dict.account.newPasswordConfirm, type: "password", autoComplete: "new-password", minLength })}
      <SubmitButton pendingLabel={dict.account.changingPassword} pending={pending}>
        {dict.account.changePassword}
      </SubmitButton>
    </form>
  );
}
