import { ChangePasswordForm } from "@/components/auth/change-password-form";
import { PageHeader } from "@/components/ui/page-header";
import { Panel } from "@/components/ui/panel";
import { MIN_PASSWORD } from "@/lib/auth/password-policy";
import { requireUser } from "@/lib/auth/session";
import { getDictionary } from "@/lib/i18n/server";

export async function generateMetadata() {
  return { title: (await getDictionary()).dict.account.changePassword };
}

export default async function ChangePasswordPage() {
  const user = await requireUser("/account/password");
  const { dict } = await getDictionary();
  return (
    <div className="max-w-lg space-y-6">
      <PageHeader title={dict.account.changePassword} intro={dict.account.changePasswordHelp} />
      <Panel>
        <ChangePasswordForm minLength={MIN_PASSWORD[user.role]} />
      </Panel>
    </div>
  );
}
