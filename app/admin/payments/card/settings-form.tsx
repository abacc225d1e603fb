"use client";
// クレジットカード決済の設定 form: every field of the operation manual. Secrets are never sent
// to the browser; their inputs start empty and stay empty to keep the stored value.
import { useActionState, useState } from "react";
import { saveCardSettingsAction, type CardSettingsState } from "@/app/admin/payments/card/actions";
import { useI18n } from "@/components/i18n-provider";
import { ActionResult } from "@/components/ui/action-result";
import { cx } from "@/components/ui/cx";
import { describedBy, Field, inputClass } from "@/components/ui/field";
import { CheckboxField } from "@/components/ui/checkbox-field";
import { panelClass } from "@/components/ui/panel";
import { SubmitButton } from "@/components/ui/submit-button";
import { OPERATE_ID, type CardCheckoutOperation } from "@/lib/escott/names";
import { errorText, fmt } from "@/lib/i18n";

export interface CardSettingsValues {
  enabled: boolean;
  title: string;
  description: string;
  testMode: boolean;
  merchantId: string;
  tenantId: string;
  threeDSecure: boolean;
  tokenAuthCode: string;
  securityCode: boolean;
  cardMember: boolean;
  alwaysSaveCard: boolean;
  operateId: CardCheckoutOperation;
  installments: "1" | "2" | "3";
  saveLog: boolean;
  declinesPerOrder: number;
  declinesPerIpHour: number;
  declinesPerShopperHour: number;
  registrationsPerHour: number;
  abandonAfterMinutes: number;
}

type Hint = { set: boolean; last2: string };
type Checkbox = "enabled" | "testMode" | "threeDSecure" | "securityCode" | "cardMember" | "alwaysSaveCard" | "saveLog";
type Text = "title" | "description" | "merchantId" | "tenantId" | "tokenAuthCode";
type Secret = "merchantPass" | "aesKey" | "aesIv";
type Limit = "declinesPerOrder" | "declinesPerIpHour" | "declinesPerShopperHour" | "registrationsPerHour" | "abandonAfterMinutes";

export function CardSettingsForm({ initial, secrets }: { initial: CardSettingsValues; secrets: Record<Secret, Hint> }) {
  const { dict } = useI18n();
  const t = dict.cardAdmin;
  const [state, action, pending] = useActionState<CardSettingsState, FormData>(saveCardSettingsAction, { ok: true });
  const [v, setV] = useState(initial);
  const errors = state.errors ?? {};
  const err = (key: string) => errorText(dict, errors[key]) || undefined;
  const setText = (key: Text) => (e: React.ChangeEvent<HTMLInputElement>) => setV((s) => ({ ...s, [key]: e.target.value }));
  const setCheck = (key: Checkbox) => (e: React.ChangeEvent<HTMLInputElement>) => setV((s) => ({ ...s, [key]: e.target.checked }));

  const checkbox = (name: Checkbox, legend: string, label: string, hint?: string) => (
    <CheckboxField name={name} legend={legend} label={label} hint={hint} error={err(name)} checked={v[name]} onChange={setCheck(name)} />
  );

  const text = (name: Text, label: string, hint: string, props: React.InputHTMLAttributes<HTMLInputElement> = {}) => (
    <Field id={name} label={label} hint={hint} error={err(name)}>
      <input id={name} name={name} value={v[name]} onChange={setText(name)} aria-invalid={err(name) ? true : undefined} aria-describedby={describedBy(name, hint, err(name))} className={inputClass} {...props} />
    </Field>
  );

  const limit = (name: Limit, label: string, max: number, hint?: string, min = 1) => (
    <Field id={name} label={label} hint={hint} error={err(name)}>
      <input
        id={name}
        name={name}
        type="number"
        min={min}
        max={max}
        step={1}
        inputMode="numeric"
        value={v[name]}
        onChange={(e) => setV((s) => ({ ...s, [name]: e.target.value === "" ? 0 : Number(e.target.value) }))}
        aria-invalid={err(name) ? true : undefined}
        aria-describedby={describedBy(name, hint, err(name))}
        className={`${inputClass} sm:w-32`}
      />
    </Field>
  );

  const secret = (name: Secret, label: string, help: string, maxLength: number) => {
    const hint = `${help} ${secrets[name].set ? fmt(t.secretSet, { last2: secrets[name].last2 }) : t.secretUnset}`;
    return (
      <Field id={name} label={label} hint={hint} error={err(name)}>
        <input id={name} name={name} type="password" autoComplete="new-password" maxLength={maxLength} defaultValue="" aria-invalid={err(name) ? true : undefined} aria-describedby={describedBy(name, hint, err(name))} className={inputClass} />
      </Field>
    );
  };

  const select = <K extends "operateId" | "installments">(name: K, label: string, hint: string, options: [CardSettingsValues[K], string][]) => (
    <Field id={name} label={label} hint={hint} error={err(name)}>
      <select id={name} name={name} value={v[name]} onChange={(e) => setV((s) => ({ ...s, [name]: e.target.value }))} aria-describedby={describedBy(name, hint, err(name))} className={`${inputClass} sm:w-80`}>
        {options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </Field>
  );

  return (
    <form action={action} noValidate className={cx("space-y-6", panelClass)} data-testid="card-settings-form">
      <ActionResult state={state} variant="box">
        {state.ok ? errorText(dict, state.message) : dict.checkout.fixErrors}
      </ActionResult>
      {checkbox("enabled", t.enabled, t.enabledLabel)}
      {text("title", t.title, t.titleHelp, { maxLength: 60 })}
      {text("description", t.description, t.descriptionHelp, { maxLength: 200 })}
      {checkbox("testMode", t.testMode, t.testModeLabel, t.testModeHelp)}
      {text("merchantId", t.merchantId, t.merchantIdHelp, { inputMode: "numeric", autoComplete: "off", maxLength: 13 })}
      {secret("merchantPass", t.merchantPass, t.merchantPassHelp, 64)}
      {text("tenantId", t.tenantId, t.tenantIdHelp, { inputMode: "numeric", autoComplete: "off", maxLength: 4 })}
      {checkbox("threeDSecure", t.threeDSecure, t.threeDSecureLabel, t.threeDSecureHelp)}
      {secret("aesKey", t.aesKey, t.aesHelp, 16)}
      {secret("aesIv", t.aesIv, t.aesHelp, 16)}
      {text("tokenAuthCode", t.tokenAuthCode, t.tokenAuthCodeHelp, { autoComplete: "off", maxLength: 64 })}
      {checkbox("securityCode", t.securityCodeSetting, t.securityCodeLabel, t.securityCodeHelp)}
      {checkbox("cardMember", t.cardMember, t.cardMemberLabel, t.cardMemberHelp)}
      {checkbox("alwaysSaveCard", t.alwaysSave, t.alwaysSaveLabel, t.alwaysSaveHelp)}
      {select("operateId", t.operateId, t.operateHelp, [
        [OPERATE_ID.auth, t.operateAuth],
        [OPERATE_ID.gathering, t.operateGathering],
      ])}
      {select("installments", t.installments, t.installmentsHelp, [
        ["1", t.installments1],
        ["2", t.installments2],
        ["3", t.installments3],
      ])}
      {checkbox("saveLog", t.saveLog, t.saveLogLabel, t.saveLogHelp)}
      <fieldset className="space-y-4" data-testid="card-testing-limits">
        <legend className="font-bold">{t.cardTesting}</legend>
        <p className="text-sm text-stone-600">{t.cardTestingHelp}</p>
        {limit("declinesPerOrder", t.declinesPerOrder, 20, t.declinesPerOrderHelp)}
        {limit("declinesPerIpHour", t.declinesPerIpHour, 1000)}
        {limit("declinesPerShopperHour", t.declinesPerShopperHour, 100)}
        {limit("registrationsPerHour", t.registrationsPerHour, 100)}
      </fieldset>
      {limit("abandonAfterMinutes", t.abandonAfterMinutes, 1440, t.abandonAfterMinutesHelp, 10)}
      <SubmitButton pending={pending} pendingLabel={dict.common.saving}>
        {dict.common.save}
      </SubmitButton>
    </form>
  );
}
