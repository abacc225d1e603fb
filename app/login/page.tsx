import Link from "next/link";
import { LoginForm } from "@/components/auth/login-form";
import { safeReturnPath } from "@/lib/auth/safe-redirect";
import { getDictionary } from "@/lib/i18n/server";

export async function generateMetadata() {
  return { title: (await getDictionary()).dict.account.loginTitle };
}

export default async function LoginPage({ searchParams }: PageProps<"/login">) {
  const [{ dict }, query] = await Promise.all([getDictionary(), searchParams]);
  const next = safeReturnPath(query.next);
  return (
    <div className="mx-auto max-w-sm space-y-6">
      <h1 className="text-2xl font-bold">{dict.account.loginTitle}</h1>
      <LoginForm next={next} />
      <p className="text-sm">
        {dict.account.noAccount}{" "}
        <Link href={`/register?next=${encodeURIComponent(next)}`} className="text-brand-700 underline">
          {dict.nav.register}
        </Link>
      </p>
    </div>
  );
}
