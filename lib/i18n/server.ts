import "server-only";
import { cookies } from "next/headers";
import { DEFAULT_LOCALE, dictionaryFor, isLocale, LOCALE_COOKIE, type Dictionary, type Locale } from "@/lib/i18n";

export async function getLocale(): Promise<Locale> {
  const value = (await cookies()).get(LOCALE_COOKIE)?.value;
  return isLocale(value) ? value : DEFAULT_LOCALE;
}

export async function getDictionary(): Promise<{ locale: Locale; dict: Dictionary }> {
  const locale = await getLocale();
  return { locale, dict: dictionaryFor(locale) };
}
