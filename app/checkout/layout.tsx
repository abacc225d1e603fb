import { PaymentTextsProvider } from "@/components/i18n-provider";
import { paymentGroups } from "@/lib/i18n/client-payload";
import { getDictionary } from "@/lib/i18n/server";

// The checkout's card and convenience-store fields read dict.card and dict.cvs (lib/i18n/client-payload.ts).
export default async function CheckoutLayout({ children }: { children: React.ReactNode }) {
  const { dict } = await getDictionary();
  return <PaymentTextsProvider groups={paymentGroups(dict)}>{children}</PaymentTextsProvider>;
}
