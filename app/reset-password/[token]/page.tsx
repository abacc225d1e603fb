import Link from "next/link";
import { resetPasswordAction } from "@/app/reset-password/actions";
import { NewPasswordForm } from "@/components/auth/new-password-form";
import { FormPage } from "@/components/ui/form-page";
import { Notice } from "@/components/ui/notice";
import { MIN_PASSWORD } from "@/lib/auth/password-policy";
import { peekToken } from "@/lib/auth/tokens";
import { db } from "@/lib/db";
import { getDictionary } from "@/lib/i18n/server";

export async function generateMetadata() {
  return { title: (await getDictionary()).dict.auth.resetTitle };
}

export default async function ResetPasswordPage({ params }: PageProps<"/reset-password/[token]">) {
  const [{ dict }, { token }] = await Promise.all([getDictionary(), params]);
  // Looked at, not used: the token is used when the new password is saved.
  const userId = await peekToken(db(), token, "password-reset");
  const user = userId ? await db().user.findUnique({ where: { id: userId }, select: { role: true } }) : null;
  return (
    <FormPage title={dict.auth.resetTitle}>
      {user ? (
        <NewPasswordForm token={token} action={resetPasswordAction} minLength={MIN_PASSWORD[user.role === "admin" ? "admin" : "customer"]} submitLabel={dict.auth.resetSubmit} loginHref="/login" />
      ) : (
        <Notice tone="error" data-testid="link-error">
          {dict.auth.linkInvalid}{" "}
          <Link href="/forgot-password" className="underline">
            {dict.auth.forgotLink}
          </Link>
        </Notice>
      )}
    </FormPage>
  );
}
