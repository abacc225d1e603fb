// A page that is one short form (log in, register): narrow and centred, the title, the form,
// and a line under it pointing the other way ("no account yet? Register").
import Link from "next/link";
import type { ReactNode } from "react";
import { PageHeader } from "@/components/ui/page-header";

export function FormPage({
  title,
  alternative,
  children,
}: {
  title: ReactNode;
  /** The line under the form: `prompt` followed by a link. */
  alternative?: { prompt: ReactNode; href: string; label: ReactNode };
  children: ReactNode;
}) {
  return (
    <div className="mx-auto max-w-sm space-y-6">
      <PageHeader title={title} />
      {children}
      {alternative && (
        <p className="text-sm">
          {alternative.prompt}{" "}
          <Link href={alternative.href} className="text-brand-700 underline">
            {alternative.label}
          </Link>
        </p>
      )}
    </div>
  );
}
