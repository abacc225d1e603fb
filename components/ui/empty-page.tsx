// A page with nothing to show yet (an empty cart, a checkout without items): its title, why
// there is nothing, and a link on.
import Link from "next/link";
import type { ReactNode } from "react";
import { PageHeader } from "@/components/ui/page-header";

export function EmptyPage({ title, link, children }: { title: ReactNode; link: { href: string; label: ReactNode }; children: ReactNode }) {
  return (
    <div className="space-y-4">
      <PageHeader title={title} />
      <p>{children}</p>
      <Link href={link.href} className="text-brand-700 underline">
        {link.label}
      </Link>
    </div>
  );
}
