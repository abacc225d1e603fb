import { PaymentTextsProvider } from "@/components/i18n-provider";
import { paymentGroups } from "@/lib/i18n/client-payload";
import { getDictionary } from "@/lib/i18n/server";

// The saved-card forms read dict.card (lib/i18n/client-payload.ts).
export default async function AccountCardLayout({ children }: { children: React.ReactNode }) {
  const { dict } = await getDictionary();
  return <PaymentTextsProvider groups={paymentGroups(dict)}>{children}</PaymentTextsProvider>;
}
