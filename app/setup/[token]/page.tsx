import { completeAdminSetupAction } from "@/app/setup/actions";
import { NewPasswordForm } from "@/components/auth/new-password-form";
import { FormPage } from "@/components/ui/form-page";
import { Notice } from "@/components/ui/notice";
import { setupEmail } from "@/lib/auth/admin-setup";
import { MIN_PASSWORD } from "@/lib/auth/password-policy";
import { db } from "@/lib/db";
import { fmt } from "@/lib/i18n";
import { getDictionary } from "@/lib/i18n/server";

export async function generateMetadata() {
  return { title: (await getDictionary()).dict.auth.setupTitle };
}

export default async function AdminSetupPage({ params }: PageProps<"/setup/[token]">) {
  const [{ dict }, { token }] = await Promise.all([getDictionary(), params]);
  const email = await setupEmail(db(), token);
  return (
    <FormPage title={dict.auth.setupTitle}>
      {email ? (
        <>
          <p className="text-sm text-stone-700">{fmt(dict.auth.setupIntro, { email })}</p>
          <NewPasswordForm token={token} action={completeAdminSetupAction} minLength={MIN_PASSWORD.admin} submitLabel={dict.auth.setupSubmit} loginHref="/login?next=%2Fadmin" />
        </>
      ) : (
        <Notice tone="error" data-testid="link-error">
          {dict.auth.linkInvalid}
        </Notice>
      )}
    </FormPage>
  );
}
