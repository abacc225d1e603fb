"use client";
import { createContext, useContext, useMemo } from "react";
import type { Dictionary, Locale } from "@/lib/i18n";
import type { PaymentGroups, ShellDictionary } from "@/lib/i18n/client-payload";

const I18nContext = createContext<{ locale: Locale; dict: ShellDictionary & Partial<PaymentGroups> } | null>(null);

/** The root layout's provider: the dictionary without the payment groups (lib/i18n/client-payload.ts). */
export function I18nProvider({ locale, dict, children }: { locale: Locale; dict: ShellDictionary; children: React.ReactNode }) {
  return <I18nContext.Provider value={{ locale, dict }}>{children}</I18nContext.Provider>;
}

/** Adds the card and CVS texts for the payment forms below it (checkout, saved-card page, admin pages). */
export function PaymentTextsProvider({ groups, children }: { groups: PaymentGroups; children: React.ReactNode }) {
  const parent = useContext(I18nContext);
  if (!parent) throw new Error("PaymentTextsProvider outside I18nProvider");
  const value = useMemo(() => ({ locale: parent.locale, dict: { ...parent.dict, ...groups } }), [parent, groups]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/**
 * The dictionary as the page has it. Typed whole: the card and CVS groups exist only below a PaymentTextsProvider,
 * where the only components reading them render (the payment forms); errorText falls back to the generic message
 * for a group that is not there.
 */
export function useI18n(): { locale: Locale; dict: Dictionary } {
  const value = useContext(I18nContext);
  if (!value) throw new Error("useI18n outside I18nProvider");
  return value as { locale: Locale; dict: Dictionary };
}
