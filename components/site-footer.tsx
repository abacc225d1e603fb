import Link from "next/link";
import type { Dictionary } from "@/lib/i18n";

export function SiteFooter({ shopName, dict }: { shopName: string; dict: Dictionary }) {
  return (
    <footer className="mt-16 border-t border-stone-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-col gap-3 px-4 py-8 text-sm text-stone-600 sm:flex-row sm:items-center sm:justify-between">
        <p>© {shopName}</p>
        <nav className="flex gap-4">
          <Link href="/legal/tokushoho" prefetch={false} className="hover:underline">
            {dict.nav.legal}
          </Link>
          <Link href="/legal/privacy" prefetch={false} className="hover:underline">
            {dict.nav.privacy}
          </Link>
        </nav>
      </div>
    </footer>
  );
}
