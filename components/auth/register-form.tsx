"use client";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { registerAction } from "@/app/register/actions";
import { useI18n } from "@/components/i18n-provider";
import { useFieldValues } from "@/components/ui/field-values";
import { SubmitButton } from "@/components/ui/submit-button";

export function RegisterForm({ next }: { next: string }) {
  const { dict } = useI18n();
  const router = useRouter();
  const { values, setErrors, field } = useFieldValues("register", { email: "", password: "", passwordConfirm: "" });
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

  return (
    <form onSubmit={submit} noValidate className="space-y-4" aria-busy={pending}>
      {field("email", { label: dict.account.email, type: "email", autoComplete: "email" })}
      {field("password", { label: dict.account.password, type: "password", autoComplete: "new-password", hint: dict.account.passwordHint })}
      {field("passwordConfirm", { label: dict.account.passwordConfirm, type: "password", autoComplete: "new-password" })}
      <SubmitButton pendingLabel={dict.account.registering} pending={pending} className="w-full">
        {dict.account.register}
      </SubmitButton>
    </form>
  );
}
