import { VerifyEmailButton } from "@/components/auth/verify-email-button";
import { FormPage } from "@/components/ui/form-page";
import { Notice } from "@/components/ui/notice";
import { peekToken } from "@/lib/auth/tokens";
import { db } from "@/lib/db";
import { getDictionary } from "@/lib/i18n/server";

export async function generateMetadata() {
  return { title: (await getDictionary()).dict.auth.verifyTitle };
}

export default async function VerifyEmailPage({ params }: PageProps<"/verify-email/[token]">) {
  const [{ dict }, { token }] = await Promise.all([getDictionary(), params]);
  const valid = (await peekToken(db(), token, "email-verify")) !== null;
  return (
    <FormPage title={dict.auth.verifyTitle}>
      {valid ? (
        <VerifyEmailButton token={token} />
      ) : (
        <Notice tone="error" data-testid="link-error">
          {dict.auth.linkInvalid}
        </Notice>
      )}
    </FormPage>
  );
}
