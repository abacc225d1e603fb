import type { Metadata } from "next";
import { connection } from "next/server";
import "./globals.css";
import { DemoBanner } from "@/components/demo-banner";
import { I18nProvider } from "@/components/i18n-provider";
import { SiteFooter } from "@/components/site-footer";
import { SiteHeader } from "@/components/site-header";
import { getCurrentUser } from "@/lib/auth/session";
import { currentCartView } from "@/lib/cart/current";
import { env, isDemoEnvironment } from "@/lib/env";
import { clientGroups } from "@/lib/i18n/client-payload";
import { getDictionary } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const { dict } = await getDictionary();
  return { title: { default: env().SHOP_NAME, template: `%s | ${env().SHOP_NAME}` }, description: dict.meta.description };
}

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page is rendered per request: Next.js puts the nonce of this response's Content-Security-Policy
  // (proxy.ts) on its scripts, and a page prerendered at build time would carry none (docs/script-inventory.md).
  await connection();
  const [{ locale, dict }, user, cart] = await Promise.all([getDictionary(), getCurrentUser(), currentCartView()]);
  const shopName = env().SHOP_NAME;
  return (
    <html lang={locale}>
      <body className="flex min-h-screen flex-col">
        <I18nProvider locale={locale} dict={clientGroups(dict, "")}>
          {isDemoEnvironment(env()) && <DemoBanner text={dict.demo.banner} />}
          <SiteHeader shopName={shopName} dict={dict} locale={locale} user={user} cartCount={cart.totals.itemCount} />
          <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-8">
            {children}
          </main>
          <SiteFooter shopName={shopName} dict={dict} />
        </I18nProvider>
      </body>
    </html>
  );
}
