import { getDictionary } from "@/lib/i18n/server";
import { legalTexts } from "@/lib/shop/legal";

export async function generateMetadata() {
  return { title: (await getDictionary()).dict.legal.tokushohoTitle };
}

export default async function TokushohoPage() {
  const [{ locale, dict }, legal] = await Promise.all([getDictionary(), legalTexts()]);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{dict.legal.tokushohoTitle}</h1>
      <dl className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
        {legal.tokushoho[locale].map(([term, value]) => (
          <div key={term} className="grid gap-1 p-4 sm:grid-cols-[220px_1fr]">
            <dt className="font-medium text-stone-700">{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
