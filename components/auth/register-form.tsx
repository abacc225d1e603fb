"use client";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { registerAction } from "@/app/register/actions";
import { useI18n } from "@/components/i18n-provider";
import { TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FieldErrors } from "@/lib/checkout/address-schema";
import { errorText } from "@/lib/i18n";

export function RegisterForm({ next }: { next: string }) {
  const { dict } = useI18n();
  const router = useRouter();
  const [values, setValues] = useState({ email: "", password: "", passwordConfirm: "" });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [pending, startTransition] = useTransition();

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    startTransition(async () => {
      const res = await registerAction(values);
      if (!res.ok) {
        setErrors(res.errors);
        return;
      }
      setErrors({});
      const login = await signIn("credentials", { email: values.email, password: values.password, redirect: false });
      router.push(login && !login.error ? next : "/login");
      router.refresh();
    });
  };

  const field = (name: keyof typeof values, label: string, type: string, autoComplete: string, hint?: string) => {
    const id = `register-${name}`;
    const error = errorText(dict, errors[name]) || undefined;
    return (
      <TextField
        id={id}
        label={label}
        requiredLabel={dict.common.required}
        hint={hint}
        error={error}
        type={type}
        autoComplete={autoComplete}
        value={values[name]}
        onValue={(value) => setValues((v) => ({ ...v, [name]: value }))}
      />
    );
  };

  return (
    <form onSubmit={submit} noValidate className="space-y-4" aria-busy={pending}>
      {field("email", dict.account.email, "email", "email")}
      {field("password", dict.account.password, "password", "new-password", dict.account.passwordHint)}
      {field("passwordConfirm", dict.account.passwordConfirm, "password", "new-password")}
      <SubmitButton pendingLabel={dict.account.registering} pending={pending} className="w-full">
        {dict.account.register}
      </SubmitButton>
    </form>
  );
}
