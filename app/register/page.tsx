import Link from "next/link";
import { RegisterForm } from "@/components/auth/register-form";
import { safeReturnPath } from "@/lib/auth/safe-redirect";
import { getDictionary } from "@/lib/i18n/server";

export async function generateMetadata() {
  return { title: (await getDictionary()).dict.account.registerTitle };
}

export default async function RegisterPage({ searchParams }: PageProps<"/register">) {
  const [{ dict }, query] = await Promise.all([getDictionary(), searchParams]);
  const next = safeReturnPath(query.next);
  return (
    <div className="mx-auto max-w-sm space-y-6">
      <h1 className="text-2xl font-bold">{dict.account.registerTitle}</h1>
      <RegisterForm next={next} />
      <p className="text-sm">
        {dict.account.haveAccount}{" "}
        <Link href={`/login?next=${encodeURIComponent(next)}`} className="text-brand-700 underline">
          {dict.nav.login}
        </Link>
      </p>
    </div>
  );
}
