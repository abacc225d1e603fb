"use client";
import { useActionState, useState } from "react";
import { saveDeliverySettingsAction, type DeliverySettingsState } from "@/app/admin/shop/delivery/actions";
import { useI18n } from "@/components/i18n-provider";
import { ActionResult } from "@/components/ui/action-result";
import { CheckboxField } from "@/components/ui/checkbox-field";
import { cx } from "@/components/ui/cx";
import { describedBy, Field, FieldMessage, inputClass } from "@/components/ui/field";
import { panelClass } from "@/components/ui/panel";
import { SubmitButton } from "@/components/ui/submit-button";
import { errorText } from "@/lib/i18n";
import { DELIVERY_SLOTS, MAX_WINDOW_DAYS, MIN_WINDOW_DAYS, type DeliverySettings } from "@/lib/shop/delivery";

const WINDOW_CHOICES = Array.from({ length: MAX_WINDOW_DAYS - MIN_WINDOW_DAYS + 1 }, (_, i) => MIN_WINDOW_DAYS + i);
// Monday first, as Japanese shop calendars read.
const WEEKDAYS = ["1", "2", "3", "4", "5", "6", "0"] as const;

export function DeliverySettingsForm({ initial }: { initial: DeliverySettings }) {
  const { dict } = useI18n();
  const t = dict.delivery;
  const [state, action, pending] = useActionState<DeliverySettingsState, FormData>(saveDeliverySettingsAction, { ok: true });
  const [enabled, setEnabled] = useState(initial.enabled);
  const errors = state.errors ?? {};
  const err = (key: string) => errorText(dict, errors[key]) || undefined;
  // A bad line reports as closedDates.<i>: shown under the one textarea.
  const closedDatesError = errorText(dict, errors.closedDates ?? Object.entries(errors).find(([k]) => k.startsWith("closedDates."))?.[1]) || undefined;

  return (
    <form action={action} noValidate className={cx("space-y-6", panelClass)} data-testid="delivery-settings-form">
      <ActionResult state={state} variant="box">
        {errorText(dict, state.message)}
      </ActionResult>
      <CheckboxField name="enabled" legend={t.enabled} label={t.enabledLabel} error={err("enabled")} checked={enabled} onChange={(e) => setEnabled(e.target.checked)} />
      <Field id="leadDays" label={t.leadDays} hint={t.leadDaysHint} error={err("leadDays")}>
        <input id="leadDays" name="leadDays" type="number" min={0} max={30} inputMode="numeric" defaultValue={initial.leadDays} aria-invalid={err("leadDays") ? true : undefined} aria-describedby={describedBy("leadDays", t.leadDaysHint, err("leadDays"))} className={inputClass} />
      </Field>
      <Field id="windowDays" label={t.windowDays} hint={t.windowDaysHint} error={err("windowDays")}>
        <select id="windowDays" name="windowDays" defaultValue={String(initial.windowDays)} aria-invalid={err("windowDays") ? true : undefined} aria-describedby={describedBy("windowDays", t.windowDaysHint, err("windowDays"))} className={inputClass}>
          {WINDOW_CHOICES.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </Field>
      <fieldset className="space-y-1">
        <legend className="text-sm font-medium text-stone-800">{t.closedWeekdays}</legend>
        <div className="flex flex-wrap gap-4">
          {WEEKDAYS.map((d) => (
            <label key={d} className="flex items-center gap-2">
              <input type="checkbox" name="closedWeekdays" value={d} defaultChecked={initial.closedWeekdays.includes(Number(d))} className="size-4" />
              {t.weekdays[d]}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="space-y-1">
        <label htmlFor="closedDates" className="block text-sm font-medium text-stone-800">
          {t.closedDates}
        </label>
        <textarea
          id="closedDates"
          name="closedDates"
          rows={4}
          defaultValue={initial.closedDates.join("\n")}
          placeholder="2026-12-31"
          aria-invalid={closedDatesError ? true : undefined}
          aria-describedby={describedBy("closedDates", t.closedDatesHint, closedDatesError)}
          className={cx(inputClass, "font-mono")}
        />
        <FieldMessage id="closedDates" hint={t.closedDatesHint} error={closedDatesError} />
      </div>
      <fieldset className="space-y-1">
        <legend className="text-sm font-medium text-stone-800">{t.slots}</legend>
        <div className="flex flex-wrap gap-4">
          {DELIVERY_SLOTS.map((s) => (
            <label key={s} className="flex items-center gap-2">
              <input type="checkbox" name="slots" value={s} defaultChecked={initial.slots.includes(s)} className="size-4" />
              {t.slotLabels[s]}
            </label>
          ))}
        </div>
        <FieldMessage id="slots" hint={t.slotsHint} error={err("slots")} />
      </fieldset>
      <SubmitButton pendingLabel={dict.common.saving} pending={pending}>
        {t.saveSettings}
      </SubmitButton>
    </form>
  );
}
