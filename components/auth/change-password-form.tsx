"use client";
import { useState, useTransition } from "react";
import { changePasswordAction } from "@/app/account/password/actions";
import { useI18n } from "@/components/i18n-provider";
import { Notice } from "@/components/ui/notice";
import { TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FieldErrors } from "@/lib/checkout/address-schema";
import { errorText } from "@/lib/i18n";

type Name = "current" | "password" | "passwordConfirm";

export function ChangePasswordForm({ minLength }: { minLength: number }) {
  const { dict } = useI18n();
  const [values, setValues] = useState<Record<Name, string>>({ current: "", password: "", passwordConfirm: "" });
  const [errors, setErrors] = useState<FieldErrors>({});
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

  const field = (name: Name, label: string, autoComplete: string, hint?: string) => {
    const id = `password-${name}`;
    const error = errorText(dict, errors[name]) || undefined;
    return (
      <TextField
        id={id}
        label={label}
        requiredLabel={dict.common.required}
        hint={hint}
        error={error}
        type="password"
        autoComplete={autoComplete}
        minLength={name === "current" ? undefined : minLength}
        value={values[name]}
        onValue={(value) => setValues((v) => ({ ...v, [name]: value }))}
      />
    );
  };

  return (
    <form onSubmit={submit} noValidate className="space-y-4" aria-busy={pending}>
      {done && (
        <Notice tone="success" data-testid="password-changed">
          {dict.account.passwordChanged}
        </Notice>
      )}
      {field("current", dict.account.currentPassword, "current-password")}
      {field("password", dict.account.newPassword, "new-password", minLength === 12 ? dict.account.passwordHintAdmin : dict.account.passwordHint)}
      {field("passwordConfirm", dict.account.newPasswordConfirm, "new-password")}
      <SubmitButton pendingLabel={dict.account.changingPassword} pending={pending}>
        {dict.account.changePassword}
      </SubmitButton>
    </form>
  );
}
