import Link from "next/link";
import { getDictionary } from "@/lib/i18n/server";

export default async function Forbidden() {
  const { dict } = await getDictionary();
  return (
    <div className="space-y-3 py-10 text-center" data-testid="forbidden">
      <h1 className="text-2xl font-bold">403</h1>
      <p className="text-stone-600">{dict.common.forbidden}</p>
      <Link href="/" className="text-brand-700 underline">
        {dict.common.backHome}
      </Link>
    </div>
  );
}
