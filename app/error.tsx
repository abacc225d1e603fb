"use client";
import { useI18n } from "@/components/i18n-provider";

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const { dict } = useI18n();
  return (
    <div className="space-y-3 py-10 text-center" role="alert">
      <h1 className="text-2xl font-bold">{dict.common.errorTitle}</h1>
      <p className="text-stone-600">{dict.common.errorBody}</p>
      <button type="button" onClick={reset} className="rounded-md bg-brand-700 px-4 py-2 text-white">
        {dict.common.retry}
      </button>
    </div>
  );
}
