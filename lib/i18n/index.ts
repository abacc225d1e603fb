// Locale helpers usable anywhere (no server-only imports here).
import { en, type Dictionary } from "@/lib/i18n/en";
import { ja } from "@/lib/i18n/ja";
import type { MessageRef } from "@/lib/i18n/keys";

export type { Dictionary };
export { isMessageRef, isMessageRefIn, msg, noticePath, toMessageRef, type MessageKey, type MessageKeys, type MessageRef } from "@/lib/i18n/keys";
export const LOCALES = ["ja", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "ja";
export const LOCALE_COOKIE = "lang";

export function isLocale(value: unknown): value is Locale {
  return value === "ja" || value === "en";
}

export function dictionaryFor(locale: Locale): Dictionary {
  return locale === "en" ? en : ja;
}

/** Fills {placeholders}; numbers are formatted with thousands separators. */
export function fmt(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => {
    const v = values[key];
    if (v === undefined) return whole;
    return typeof v === "number" ? v.toLocaleString("ja-JP") : v;
  });
}

export function formatYen(dict: Dictionary, amount: number): string {
  return fmt(dict.common.yen, { amount });
}

/**
 * Looks up "errors.postalCode" / "errors.tooLong:30" keys (typed: see lib/i18n/keys.ts). A key that
 * arrives as untyped data goes through isMessageRef()/toMessageRef() first; an unknown key still
 * shows the generic error.
 */
export function errorText(dict: Dictionary, message: MessageRef | undefined, values: Record<string, string | number> = {}): string {
  if (!message) return "";
  const [key = "", param] = message.split(":");
  if (param !== undefined) values = { max: Number(param), ...values };
  const [group = "", name] = key.split(".");
  // Own properties only: "constructor.name" is not a message.
  const table = Object.hasOwn(dict, group) ? (dict as unknown as Record<string, Record<string, string>>)[group] : undefined;
  const template = name && table && Object.hasOwn(table, name) && typeof table[name] === "string" ? table[name] : undefined;
  return template ? fmt(template, values) : fmt(dict.errors.generic, values);
}
