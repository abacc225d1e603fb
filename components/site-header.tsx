import Link from "next/link";
import { setLocale } from "@/app/actions/locale";
import { LogoutButton } from "@/components/auth/logout-button";
import type { CurrentUser } from "@/lib/auth/session";
import type { Dictionary, Locale } from "@/lib/i18n";

export function SiteHeader({
  shopName,
  dict,
  locale,
  user,
  cartCount,
}: {
  shopName: string;
  dict: Dictionary;
  locale: Locale;
  user: CurrentUser | null;
  cartCount: number;
}) {
  // prefetch={false} on the shop's links: every page is rendered per request (app/layout.tsx) and has no
  // loading.js, so a prefetch brings only the route tree, yet each visible link cost two RSC fetches and their
  // processing on the main thread right after load (Lighthouse's Total Blocking Time).
  const link = "rounded px-2 py-1 text-sm text-stone-700 hover:bg-stone-100 hover:text-stone-900";
  return (
    <header className="border-b border-stone-200 bg-white">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:bg-white focus:p-2">
        {dict.nav.skipToContent}
      </a>
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <Link href="/" prefetch={false} className="text-xl font-bold tracking-wide text-brand-800">
          {shopName}
        </Link>
        <nav aria-label={dict.nav.mainMenu} className="flex flex-wrap items-center gap-1">
          <Link href="/" prefetch={false} className={link}>
            {dict.nav.products}
          </Link>
          <Link href="/cart" prefetch={false} className={link} data-testid="cart-link">
            {dict.nav.cart}
            <span className="ml-1 inline-flex min-w-5 justify-center rounded-full bg-brand-700 px-1.5 text-xs text-white" data-testid="cart-count">
              {cartCount}
            </span>
          </Link>
          {user ? (
            <>
              <Link href="/account" prefetch={false} className={link}>
                {dict.nav.account}
              </Link>
              {user.role === "admin" && (
                <Link href="/admin" prefetch={false} className={link}>
                  {dict.nav.admin}
                </Link>
              )}
              <LogoutButton label={dict.nav.logout} className={link} />
            </>
          ) : (
            <>
              <Link href="/login" prefetch={false} className={link}>
                {dict.nav.login}
              </Link>
              <Link href="/register" prefetch={false} className={link}>
                {dict.nav.register}
              </Link>
            </>
          )}
          <form action={setLocale}>
            <input type="hidden" name="locale" value={locale === "ja" ? "en" : "ja"} />
            <button type="submit" className={`${link} border border-stone-300`} lang={locale === "ja" ? "en" : "ja"} aria-label={`${dict.nav.language}: ${dict.nav.switchTo}`}>
              {dict.nav.switchTo}
            </button>
          </form>
        </nav>
      </div>
    </header>
  );
}
