import { redirect } from "next/navigation";
import { SecondFactorForm } from "@/components/auth/second-factor-form";
import { FormPage } from "@/components/ui/form-page";
import { safeReturnPath } from "@/lib/auth/safe-redirect";
import { getCurrentUser } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { getDictionary } from "@/lib/i18n/server";

export async function generateMetadata() {
  return { title: (await getDictionary()).dict.twoFactor.challengeTitle };
}

// Admin pages send a login here when the admin has a second factor this login has not passed
// (lib/auth/session.ts requireAdmin).
export default async function SecondFactorPage({ searchParams }: PageProps<"/login/2fa">) {
  const [{ dict }, query, user] = await Promise.all([getDictionary(), searchParams, getCurrentUser()]);
  const next = safeReturnPath(query.next, "/admin", env().SITE_URL);
  if (!user) redirect(`/login?next=${encodeURIComponent(next)}`);
  if (!user.twoFactor.enabled || user.twoFactor.passed) redirect(next);
  return (
    <FormPage title={dict.twoFactor.challengeTitle}>
      <SecondFactorForm next={next} />
    </FormPage>
  );
}
