"use client";
import { createContext, useContext, useMemo } from "react";
import type { Dictionary, Locale } from "@/lib/i18n";
import type { ClientGroups } from "@/lib/i18n/client-payload";

const I18nContext = createContext<{ locale: Locale; dict: Partial<Dictionary> } | null>(null);

/** The root layout's provider: the groups every page's client components read (CLIENT_GROUPS[""], lib/i18n/client-payload.ts). */
export function I18nProvider({ locale, dict, children }: { locale: Locale; dict: ClientGroups<"">; children: React.ReactNode }) {
  return <I18nContext.Provider value={{ locale, dict }}>{children}</I18nContext.Provider>;
}

/** Adds a route's groups for the client components below it: a layout's `clientGroups(dict, folder)`. */
export function DictionaryGroups({ groups, children }: { groups: Partial<Dictionary>; children: React.ReactNode }) {
  const parent = useContext(I18nContext);
  if (!parent) throw new Error("DictionaryGroups outside I18nProvider");
  const value = useMemo(() => ({ locale: parent.locale, dict: { ...parent.dict, ...groups } }), [parent, groups]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/**
 * The dictionary as the page has it. Typed whole: a group exists only below the layouts that add it, where
 * the components reading it render (CLIENT_GROUPS, checked by client-payload.test.ts); errorText falls back
 * to the generic message for a group that is not there.
 */
export function useI18n(): { locale: Locale; dict: Dictionary } {
  const value = useContext(I18nContext);
  if (!value) throw new Error("useI18n outside I18nProvider");
  return value as { locale: Locale; dict: Dictionary };
}
