"use client";
// A new password twice, for a single-use link (password reset, the first admin's setup): the
// action gets the link's token with the values. On success the form gives way to a message and
// a link to log in.
import Link from "next/link";
import { useState, useTransition } from "react";
import { useI18n } from "@/components/i18n-provider";
import { useFieldValues } from "@/components/ui/field-values";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FieldErrors } from "@/lib/checkout/address-schema";
import { errorText } from "@/lib/i18n";

type Name = "password" | "passwordConfirm";
type Result = { ok: true } | { ok: false; errors: FieldErrors };

export function NewPasswordForm({
  token,
  action,
  minLength,
  submitLabel,
  loginHref,
}: {
  token: string;
  action: (token: string, input: Record<Name, string>) => Promise<Result>;
  minLength: number;
  submitLabel: string;
  /** Where the "log in" link of the success message goes. */
  loginHref: string;
}) {
  const { dict } = useI18n();
  const { values, errors, setErrors, field } = useFieldValues<Name>("new", { password: "", passwordConfirm: "" });
  const [done, setDone] = useState(false);
  const [pending, startTransition] = useTransition();

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    startTransition(async () => {
      const res = await action(token, values);
      if (res.ok) {
        setDone(true);
        return;
      }
      setErrors(res.errors);
    });
  };

  if (done) {
    return (
      <Notice tone="success" data-testid="password-set">
        {dict.auth.passwordSet}{" "}
        <Link href={loginHref} className="underline">
          {dict.account.login}
        </Link>
      </Notice>
    );
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-4" aria-busy={pending}>
      {errors.form && (
        <Notice tone="error" data-testid="link-error">
          {errorText(dict, errors.form)}
        </Notice>
      )}
      {field("password", { label: dict.account.newPassword, type: "password", autoComplete: "new-password", minLength, hint: minLength >= 12 ? dict.account.passwordHintAdmin : dict.account.passwordHint })}
      {field("passwordConfirm", { label: dict.account.newPasswordConfirm, type: "password", autoComplete: "new-password", minLength })}
      <SubmitButton pendingLabel={dict.auth.saving} pending={pending} className="w-full">
        {submitLabel}
      </SubmitButton>
    </form>
  );
}
