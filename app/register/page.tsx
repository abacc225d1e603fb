import { RegisterForm } from "@/components/auth/register-form";
import { FormPage } from "@/components/ui/form-page";
import { safeReturnPath } from "@/lib/auth/safe-redirect";
import { env } from "@/lib/env";
import { getDictionary } from "@/lib/i18n/server";

export async function generateMetadata() {
  return { title: (await getDictionary()).dict.account.registerTitle };
}

export default async function RegisterPage({ searchParams }: PageProps<"/register">) {
  const [{ dict }, query] = await Promise.all([getDictionary(), searchParams]);
  const next = safeReturnPath(query.next, "/account", env().SITE_URL);
  return (
    <FormPage title={dict.account.registerTitle} alternative={{ prompt: dict.account.haveAccount, href: `/login?next=${encodeURIComponent(next)}`, label: dict.nav.login }}>
      <RegisterForm next={next} />
    </FormPage>
  );
}
