import Link from "next/link";
import { LoginForm } from "@/components/auth/login-form";
import { FormPage } from "@/components/ui/form-page";
import { safeReturnPath } from "@/lib/auth/safe-redirect";
import { env } from "@/lib/env";
import { getDictionary } from "@/lib/i18n/server";

export async function generateMetadata() {
  return { title: (await getDictionary()).dict.account.loginTitle };
}

export default async function LoginPage({ searchParams }: PageProps<"/login">) {
  const [{ dict }, query] = await Promise.all([getDictionary(), searchParams]);
  const next = safeReturnPath(query.next, "/account", env().SITE_URL);
  return (
    <FormPage title={dict.account.loginTitle} alternative={{ prompt: dict.account.noAccount, href: `/register?next=${encodeURIComponent(next)}`, label: dict.nav.register }}>
      <LoginForm next={next} />
      <p className="text-sm">
        <Link href="/forgot-password" className="text-brand-700 underline">
          {dict.auth.forgotLink}
        </Link>
      </p>
    </FormPage>
  );
}
