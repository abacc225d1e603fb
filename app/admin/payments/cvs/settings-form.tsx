"use client";
// オンライン収納代行サービスの設定 form. The fee table is edited in place (行を挿入 / 削除) and
// starts from the manual's example the first time the fee is switched on.
import { useActionState, useState } from "react";
import { saveCvsSettingsAction, type CvsSettingsState } from "@/app/admin/payments/cvs/actions";
import { useI18n } from "@/components/i18n-provider";
import { ActionResult } from "@/components/ui/action-result";
import { cx } from "@/components/ui/cx";
import { describedBy, Field, FieldMessage, inputClass } from "@/components/ui/field";
import { CheckboxField } from "@/components/ui/checkbox-field";
import { panelClass } from "@/components/ui/panel";
import { SubmitButton } from "@/components/ui/submit-button";
import { errorText, fmt } from "@/lib/i18n";
import type { FeeRow } from "@/lib/payments/settings/fees";

export interface CvsSettingsValues {
  enabled: boolean;
  title: string;
  description: string;
  testMode: boolean;
  merchantId: string;
  payLimitDays: number;
  feeEnabled: boolean;
  feeRows: FeeRow[];
  saveLog: boolean;
  unpaidPerEmail: number;
  unpaidPerIp: number;
}

type RowText = { key: number; from: string; to: string; fee: string };

let nextKey = 0;
const toText = (rows: FeeRow[]): RowText[] => rows.map((r) => ({ key: nextKey++, from: String(r.from), to: r.to === null ? "" : String(r.to), fee: String(r.fee) }));

export function CvsSettingsForm({ initial, passHint, presetRows }: { initial: CvsSettingsValues; passHint: { set: boolean; last2: string }; presetRows: FeeRow[] }) {
  const { dict } = useI18n();
  const t = dict.cvsAdmin;
  const [state, action, pending] = useActionState<CvsSettingsState, FormData>(saveCvsSettingsAction, { ok: true });
  const [v, setV] = useState({ ...initial, payLimitDays: String(initial.payLimitDays), unpaidPerEmail: String(initial.unpaidPerEmail), unpaidPerIp: String(initial.unpaidPerIp), merchantPass: "" });
  const [rows, setRows] = useState<RowText[]>(() => toText(initial.feeRows));
  const errors = state.errors ?? {};
  const err = (key: string) => errorText(dict, errors[key]) || undefined;
  const set = (key: keyof typeof v) => (e: React.ChangeEvent<HTMLInputElement>) =>
    setV((s) => ({ ...s, [key]: e.target.type === "checkbox" ? e.target.checked : e.target.value }));

  const toggleFee = (on: boolean) => {
    setV((s) => ({ ...s, feeEnabled: on }));
    if (on && rows.length === 0) setRows(toText(presetRows));
  };
  const insertRow = () => {
    const last = rows[rows.length - 1];
    const from = last && /^\d+$/.test(last.to) ? String(Number(last.to) + 1) : "";
    setRows((r) => [...r, { key: nextKey++, from, to: "", fee: "" }]);
  };
  const editRow = (key: number, field: "from" | "to" | "fee", value: string) => setRows((r) => r.map((row) => (row.key === key ? { ...row, [field]: value } : row)));

  const checkbox = (name: "enabled" | "testMode" | "saveLog", label: string, legend: string, hint?: string) => (
    <CheckboxField name={name} legend={legend} label={label} hint={hint} error={err(name)} checked={v[name]} onChange={set(name)} />
  );

  const text = (name: "title" | "description" | "merchantId" | "payLimitDays" | "unpaidPerEmail" | "unpaidPerIp", label: string, hint: string, props: React.InputHTMLAttributes<HTMLInputElement> = {}) => (
    <Field id={name} label={label} hint={hint} error={err(name)}>
      <input id={name} name={name} value={v[name]} onChange={set(name)} aria-invalid={err(name) ? true : undefined} aria-describedby={describedBy(name, hint, err(name))} className={inputClass} {...props} />
    </Field>
  );

  return (
    <form action={action} noValidate className={cx("space-y-6", panelClass)} data-testid="cvs-settings-form">
      <ActionResult state={state} variant="box">
        {errorText(dict, state.message)}
      </ActionResult>
      {checkbox("enabled", t.enabledLabel, t.enabled)}
      {text("title", t.title, t.titleHint, { maxLength: 60 })}
      {text("description", t.description, t.descriptionHint, { maxLength: 200 })}
      {checkbox("testMode", t.testModeLabel, t.testMode, t.testModeHint)}
      {text("merchantId", t.merchantId, t.merchantIdHint, { inputMode: "numeric", autoComplete: "off" })}
      <Field id="merchantPass" label={t.merchantPass} hint={`${t.merchantPassHint} ${passHint.set ? fmt(t.secretSet, { last2: passHint.last2 }) : t.secretUnset}`} error={err("merchantPass")}>
        <input
          id="merchantPass"
          name="merchantPass"
          type="password"
          autoComplete="new-password"
          value={v.merchantPass}
          onChange={set("merchantPass")}
          aria-invalid={err("merchantPass") ? true : undefined}
          aria-describedby={describedBy("merchantPass", "x", err("merchantPass"))}
          className={inputClass}
        />
      </Field>
      {text("payLimitDays", t.payLimitDays, t.payLimitDaysHint, { inputMode: "numeric", type: "number", min: 1, max: 60 })}
      {text("unpaidPerEmail", t.unpaidPerEmail, t.unpaidCapHint, { inputMode: "numeric", type: "number", min: 1, max: 20 })}
      {text("unpaidPerIp", t.unpaidPerIp, t.unpaidCapHint, { inputMode: "numeric", type: "number", min: 1, max: 100 })}

      <fieldset className="space-y-3">
        <legend className="text-sm font-medium text-stone-800">{t.fee}</legend>
        <label className="flex items-center gap-2">
          <input type="checkbox" name="feeEnabled" checked={v.feeEnabled} onChange={(e) => toggleFee(e.target.checked)} className="size-4" />
          {t.feeLabel}
        </label>
        <p className="text-xs text-stone-500">{t.feeHint}</p>
        <FieldMessage id="feeRows" error={err("feeRows")} />
        <div className={v.feeEnabled ? "space-y-2" : "hidden"} data-testid="fee-table">
          <table className="w-full text-sm">
            <thead className="text-left text-stone-600">
              <tr>
                <th className="pb-1 pr-2 font-normal">{t.feeFrom}</th>
                <th className="pb-1 pr-2 font-normal">{t.feeTo}</th>
                <th className="pb-1 pr-2 font-normal">{t.feeAmount}</th>
                <th className="pb-1" />
              </tr>
            </thead>
            <tbody>
              {rows.map((row, i) => (
                <tr key={row.key} data-testid="fee-row" className="align-top">
                  {(["from", "to", "fee"] as const).map((field) => {
                    const label = fmt(t.rowLabel, { n: i + 1, field: { from: t.feeFrom, to: t.feeTo, fee: t.feeAmount }[field] });
                    const e = err(`feeRows.${i}.${field}`);
                    return (
                      <td key={field} className="pb-2 pr-2">
                        <input
                          name={`feeRows.${i}.${field}`}
                          value={row[field]}
                          onChange={(ev) => editRow(row.key, field, ev.target.value)}
                          inputMode="numeric"
                          aria-label={label}
                          aria-invalid={e ? true : undefined}
                          aria-describedby={e ? `feeRows-${i}-${field}-error` : undefined}
                          className={inputClass}
                        />
                        {e && (
                          <p id={`feeRows-${i}-${field}-error`} role="alert" className="mt-1 text-xs text-accent-600">
                            {e}
                          </p>
                        )}
                      </td>
                    );
                  })}
                  <td className="pb-2">
                    <button type="button" onClick={() => setRows((r) => r.filter((x) => x.key !== row.key))} aria-label={fmt(t.deleteRowLabel, { n: i + 1 })} className="rounded-md border border-stone-300 px-2 py-2 text-xs hover:bg-stone-100">
                      {t.deleteRow}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {rows.length === 0 && <p className="text-sm text-stone-600">{t.noRows}</p>}
          <button type="button" onClick={insertRow} className="rounded-md border border-stone-300 px-3 py-1.5 text-sm hover:bg-stone-100">
            {t.insertRow}
          </button>
          <p className="text-xs text-stone-500">{t.feeRowsHint}</p>
        </div>
      </fieldset>

      {checkbox("saveLog", t.saveLogLabel, t.saveLog, t.saveLogHint)}
      <SubmitButton pendingLabel={dict.common.saving} pending={pending}>
        {t.saveSettings}
      </SubmitButton>
    </form>
  );
}
