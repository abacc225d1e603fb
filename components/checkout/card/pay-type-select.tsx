"use client";
// 支払回数: the menu of the card's brand and the shop's setting (docs/escott-protocol.md §5.2).
import { useEffect } from "react";
import { useI18n } from "@/components/i18n-provider";
import { inputClass } from "@/components/ui/field";
import { installmentOptions, payTypeLabel, type InstallmentSetting } from "@/lib/escott/installments";

export function PayTypeSelect({ prefix, setting, value, onChange, error }: { prefix: string; setting: InstallmentSetting; value: string; onChange(payType: string): void; error?: string }) {
  const { dict, locale } = useI18n();
  const options = installmentOptions(prefix, setting);
  const available = (options as string[]).includes(value);
  // Another brand may not offer the chosen option: fall back to 一括払い rather than send an invalid one.
  useEffect(() => {
    if (!available) onChange("01");
  }, [available, onChange]);
  return (
    <div>
      <label htmlFor="card-pay-type" className="mb-1 block text-sm font-medium text-stone-800">
        {dict.card.payType}
      </label>
      <select
        id="card-pay-type"
        value={available ? value : "01"}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? "card-pay-type-error" : undefined}
        className={`${inputClass} sm:w-64`}
      >
        {options.map((p) => (
          <option key={p} value={p}>
            {payTypeLabel(p, locale)}
          </option>
        ))}
      </select>
      {error && (
        <p id="card-pay-type-error" role="alert" className="mt-1 text-sm text-accent-600">
          {error}
        </p>
      )}
    </div>
  );
}
