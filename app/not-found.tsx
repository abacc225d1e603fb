import Link from "next/link";
import { getDictionary } from "@/lib/i18n/server";

export default async function NotFound() {
  const { dict } = await getDictionary();
  return (
    <div className="space-y-3 py-10 text-center">
      <h1 className="text-2xl font-bold">{dict.common.notFound}</h1>
      <p className="text-stone-600">{dict.common.notFoundBody}</p>
      <Link href="/" className="text-brand-700 underline">
        {dict.common.backHome}
      </Link>
    </div>
  );
}
