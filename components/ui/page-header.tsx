// The top of a page: an optional way back, the title (h1) and an optional introduction. It
// renders no wrapper of its own, so it takes the spacing of the page around it.
import Link from "next/link";
import type { ReactNode } from "react";

export function BackLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <Link href={href} prefetch={false} className="text-sm text-brand-700 hover:underline">
      ← {children}
    </Link>
  );
}

export function PageHeader({ title, intro, back }: { title: ReactNode; intro?: ReactNode; back?: { href: string; label: ReactNode } }) {
  return (
    <>
      {back && <BackLink href={back.href}>{back.label}</BackLink>}
      <h1 className="text-2xl font-bold">{title}</h1>
      {intro && <p className="text-sm text-stone-600">{intro}</p>}
    </>
  );
}
