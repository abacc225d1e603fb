import { getDictionary } from "@/lib/i18n/server";
import { legalTexts } from "@/lib/shop/legal";

export async function generateMetadata() {
  return { title: (await getDictionary()).dict.legal.privacyTitle };
}

export default async function PrivacyPage() {
  const [{ locale, dict }, legal] = await Promise.all([getDictionary(), legalTexts()]);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{dict.legal.privacyTitle}</h1>
      <p className="whitespace-pre-line rounded-lg border border-stone-200 bg-white p-4 leading-relaxed">{legal.privacy[locale]}</p>
    </div>
  );
}
