"use client";
import { useActionState } from "react";
import { saveShippingSettingsAction, type ShippingSettingsState } from "@/app/admin/shop/shipping/actions";
import { useI18n } from "@/components/i18n-provider";
import { ActionResult } from "@/components/ui/action-result";
import { cx } from "@/components/ui/cx";
import { describedBy, Field, FieldMessage, inputClass } from "@/components/ui/field";
import { panelClass } from "@/components/ui/panel";
import { SubmitButton } from "@/components/ui/submit-button";
import { PREFECTURES } from "@/lib/address/prefectures";
import { errorText, fmt } from "@/lib/i18n";
import { REGIONS, type ShippingDefaults, type ShippingSettings } from "@/lib/shop/shipping-fees";

const blank = (n: number | null | undefined) => (n === null || n === undefined ? "" : String(n));

export function ShippingSettingsForm({ initial, defaults }: { initial: ShippingSettings; defaults: ShippingDefaults }) {
  const { dict, locale } = useI18n();
  const t = dict.shipping;
  const [state, action, pending] = useActionState<ShippingSettingsState, FormData>(saveShippingSettingsAction, { ok: true });
  const errors = state.errors ?? {};
  const err = (key: string) => errorText(dict, errors[key]) || undefined;
  const base = initial.baseFee ?? defaults.flatFee;

  const yenInput = (name: string, errorKey: string, label: string, value: string, placeholder: string) => {
    const e = err(errorKey);
    return (
      <div key={name}>
        <label className="block text-xs text-stone-700" htmlFor={name}>
          {label}
        </label>
        <input id={name} name={name} defaultValue={value} placeholder={placeholder} inputMode="numeric" aria-invalid={e ? true : undefined} aria-describedby={e ? `${name}-error` : undefined} className={inputClass} />
        {e && (
          <p id={`${name}-error`} role="alert" className="mt-1 text-xs text-accent-600">
            {e}
          </p>
        )}
      </div>
    );
  };
  const prefixesError = errorText(dict, errors.islandPrefixes ?? Object.entries(errors).find(([k]) => k.startsWith("islandPrefixes."))?.[1]) || undefined;

  return (
    <form action={action} noValidate className={cx("space-y-6", panelClass)} data-testid="shipping-settings-form">
      <ActionResult state={state} variant="box">
        {errorText(dict, state.message)}
      </ActionResult>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="baseFee" label={t.baseFee} hint={fmt(t.baseFeeHint, { fee: defaults.flatFee })} error={err("baseFee")}>
          <input id="baseFee" name="baseFee" defaultValue={blank(initial.baseFee)} placeholder={String(defaults.flatFee)} inputMode="numeric" aria-invalid={err("baseFee") ? true : undefined} aria-describedby={describedBy("baseFee", "x", err("baseFee"))} className={inputClass} />
        </Field>
        <Field id="freeThreshold" label={t.freeThreshold} hint={fmt(t.freeThresholdHint, { threshold: defaults.freeThreshold })} error={err("freeThreshold")}>
          <input id="freeThreshold" name="freeThreshold" defaultValue={blank(initial.freeThreshold)} placeholder={String(defaults.freeThreshold)} inputMode="numeric" aria-invalid={err("freeThreshold") ? true : undefined} aria-describedby={describedBy("freeThreshold", "x", err("freeThreshold"))} className={inputClass} />
        </Field>
      </div>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-stone-800">{t.regions}</legend>
        <div className="grid gap-3 sm:grid-cols-3">
          {REGIONS.map((r) => yenInput(`region.${r.id}`, `regionFees.${r.id}`, fmt(t.regionFee, { region: r[locale] }), blank(initial.regionFees[r.id]), String(base)))}
        </div>
      </fieldset>
      <fieldset className="space-y-3">
        <legend className="text-sm font-medium text-stone-800">{t.prefectures}</legend>
        {REGIONS.map((r) => (
          <div key={r.id} className="space-y-1">
            <p className="text-xs font-bold text-stone-600">{r[locale]}</p>
            <div className="grid gap-3 sm:grid-cols-4">
              {r.prefectures.map((code) => {
                const name = PREFECTURES.find((p) => p.code === code)![locale];
                return yenInput(`pref.${code}`, `prefectureFees.${code}`, fmt(t.prefectureFee, { prefecture: name }), blank(initial.prefectureFees[code]), String(initial.regionFees[r.id] ?? base));
              })}
            </div>
          </div>
        ))}
      </fieldset>
      <Field id="islandSurcharge" label={t.islandSurcharge} hint={t.islandSurchargeHint} error={err("islandSurcharge")}>
        <input id="islandSurcharge" name="islandSurcharge" defaultValue={blank(initial.islandSurcharge)} placeholder="0" inputMode="numeric" aria-invalid={err("islandSurcharge") ? true : undefined} aria-describedby={describedBy("islandSurcharge", t.islandSurchargeHint, err("islandSurcharge"))} className={inputClass} />
      </Field>
      <div className="space-y-1">
        <label htmlFor="islandPrefixes" className="block text-sm font-medium text-stone-800">
          {t.islandPrefixes}
        </label>
        <textarea id="islandPrefixes" name="islandPrefixes" rows={3} defaultValue={initial.islandPrefixes.join(",")} placeholder="0430,0440" aria-invalid={prefixesError ? true : undefined} aria-describedby={describedBy("islandPrefixes", t.islandPrefixesHint, prefixesError)} className={cx(inputClass, "font-mono")} />
        <FieldMessage id="islandPrefixes" hint={t.islandPrefixesHint} error={prefixesError} />
      </div>
      <SubmitButton pendingLabel={dict.common.saving} pending={pending}>
        {t.saveSettings}
      </SubmitButton>
    </form>
  );
}
