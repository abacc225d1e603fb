import { ForgotPasswordForm } from "@/components/auth/forgot-password-form";
import { FormPage } from "@/components/ui/form-page";
import { getDictionary } from "@/lib/i18n/server";

export async function generateMetadata() {
  return { title: (await getDictionary()).dict.auth.forgotTitle };
}

export default async function ForgotPasswordPage() {
  const { dict } = await getDictionary();
  return (
    <FormPage title={dict.auth.forgotTitle} alternative={{ prompt: "", href: "/login", label: dict.account.login }}>
      <p className="text-sm text-stone-700">{dict.auth.forgotIntro}</p>
      <ForgotPasswordForm />
    </FormPage>
  );
}
