// The checkout's rules for each field, as plain functions: the one source of truth for both sides.
// The browser runs them before anything leaves the page (so no card token is fetched for a bad
// address); the server's zod schema (address-schema.ts) is built from the same functions.
// No zod here: in the browser, zod — even zod/mini — cost the checkout page ≈20 KB gzip.
// Messages are dictionary keys ("errors.kana"), translated where they are shown.
import { normalizePhone } from "@/lib/address/phone";
import { normalizePostalCode } from "@/lib/address/postal-code";
import { isPrefectureCode } from "@/lib/address/prefectures";
import type { MessageRef } from "@/lib/i18n/keys";
import { isFullWidthKatakana, toFullWidthKatakana } from "@/lib/text/kana";

/** A field's value as it will be saved (trimmed, katakana, 〒 with hyphen…), or the message that refuses it. */
export type RuleResult = { ok: true; value: string } | { ok: false; message: MessageRef };
export type Rule = (input: string) => RuleResult;

const ok = (value: string): RuleResult => ({ ok: true, value });
const refuse = (message: MessageRef): RuleResult => ({ ok: false, message });

/** Normalised first; then empty → required, longer than `max` → too long, then the field's own test. */
function rule(max: number, normalise: (s: string) => string, valid?: { test: (s: string) => boolean; message: MessageRef }): Rule {
  return (input) => {
    const value = normalise(input);
    if (value.length === 0) return refuse("errors.required");
    if (value.length > max) return refuse(`errors.tooLong:${max}`);
    if (valid && !valid.test(value)) return refuse(valid.message);
    return ok(value);
  };
}

/** Required; `canonical` returns null for input that is not valid (`invalid`). */
function canonicalRule(canonical: (s: string) => string | null, invalid: MessageRef): Rule {
  return (input) => {
    if (!input.trim()) return refuse("errors.required");
    const value = canonical(input);
    return value === null ? refuse(invalid) : ok(value);
  };
}

const trim = (s: string) => s.trim();
const text = (max: number) => rule(max, trim);
const kana = rule(40, toFullWidthKatakana, { test: isFullWidthKatakana, message: "errors.kana" });

/** 建物名 may be empty. */
const optionalText =
  (max: number): Rule =>
  (input) => {
    const value = input.trim();
    return value.length > max ? refuse(`errors.tooLong:${max}`) : ok(value);
  };

export const ADDRESS_RULES = {
  lastName: text(30),
  firstName: text(30),
  lastNameKana: kana,
  firstNameKana: kana,
  postalCode: canonicalRule(normalizePostalCode, "errors.postalCode"),
  prefecture: (code: string): RuleResult => (isPrefectureCode(code) ? ok(code) : refuse("errors.prefecture")),
  city: text(60),
  address1: text(80),
  address2: optionalText(80),
  phone: canonicalRule(normalizePhone, "errors.phone"),
} satisfies Record<string, Rule>;

export type AddressField = keyof typeof ADDRESS_RULES;

/** zod's own z.email() pattern (zod/v4/core regexes.email; address-rules.test.ts keeps them equal). */
export const EMAIL_PATTERN = /^(?:[A-Za-z0-9_'+\-]+\.)*[A-Za-z0-9_'+\-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9\-]*\.)+[A-Za-z]{2,}$/;

export const emailRule: Rule = rule(254, (s) => s.normalize("NFKC").trim(), { test: (s) => EMAIL_PATTERN.test(s), message: "errors.email" });

/** What the browser checks before submitting: the same rules, the same field paths as the server's errors. */
export function checkoutProblems(values: { billing: Record<AddressField, string>; email: string; shipping?: Record<AddressField, string> }): Record<string, MessageRef> {
  const problems: Record<string, MessageRef> = {};
  const check = (path: string, r: Rule, value: string) => {
    const result = r(value);
    if (!result.ok) problems[path] = result.message;
  };
  const address = (prefix: string, a: Record<AddressField, string>) => {
    for (const field of Object.keys(ADDRESS_RULES) as AddressField[]) check(`${prefix}.${field}`, ADDRESS_RULES[field], a[field]);
  };
  address("billing", values.billing);
  check("email", emailRule, values.email);
  if (values.shipping) address("shipping", values.shipping);
  return problems;
}
