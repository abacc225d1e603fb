import { DictionaryGroups } from "@/components/i18n-provider";
import { clientGroups } from "@/lib/i18n/client-payload";
import { getDictionary } from "@/lib/i18n/server";

// The second-factor form read these groups on the client (lib/i18n/client-payload.ts).
export default async function SecondFactorLayout({ children }: { children: React.ReactNode }) {
  const { dict } = await getDictionary();
  return <DictionaryGroups groups={clientGroups(dict, "login/2fa")}>{children}</DictionaryGroups>;
}
