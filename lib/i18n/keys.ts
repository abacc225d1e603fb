// Message keys, typed from the Japanese dictionary: "group.name" for every string directly under a
// top-level group (what errorText() can look up), plus "group.name:123" for the few keys that take
// an inline numeric parameter (errorText() fills it in as {max}). A misspelt literal key fails tsc.
import { ja } from "@/lib/i18n/ja";

type Ja = typeof ja;

/** "cardAdmin.opStale", "errors.required", … — every top-level group's string leaf. */
export type MessageKey = {
  [G in keyof Ja & string]: { [N in keyof Ja[G] & string]: Ja[G][N] extends string ? `${G}.${N}` : never }[keyof Ja[G] & string];
}[keyof Ja & string];

/**
 * Keys whose text has a {max} placeholder, filled from an inline parameter ("errors.tooLong:1000").
 * Listed by hand (the dictionary's values are plain `string` to tsc); keys.test.ts checks the list
 * against the dictionary. Kept short on purpose: `${MessageKey}:${number}` would double the union
 * and push tsc past its limit for unions ("too complex to represent").
 */
export const PARAM_KEYS = ["errors.tooLong", "settings.limitRange"] as const satisfies readonly MessageKey[];
export type ParamKey = (typeof PARAM_KEYS)[number];

/** Names a union of message keys and makes tsc check each: `MessageKeys<"card.saved" | "card.deleted">`. */
export type MessageKeys<K extends MessageKey> = K;

/** A message key, or a key of PARAM_KEYS with its inline parameter: "errors.tooLong:1000". */
export type MessageRef = MessageKey | `${ParamKey}:${number}`;

/** A key from the dictionary, checked by tsc; returns it unchanged (for zod's plain-string messages). */
export function msg<const K extends MessageRef>(key: K): K {
  return key;
}

/** A page path with a message key for the page to show: noticePath("/checkout", "payment.failed"). */
export function noticePath(path: string, key: MessageRef): string {
  return `${path}?notice=${encodeURIComponent(key)}`;
}

/** Runtime guard for keys that arrive as untyped data (a ?notice= query parameter, a zod issue's message). */
export function isMessageRef(value: unknown): value is MessageRef {
  return isMessageRefIn(ja, value);
}

/**
 * isMessageRef against a dictionary the caller already has (a client component's, from the
 * I18nProvider): every dictionary has the same keys (keys.test.ts), and calling isMessageRef in the
 * browser would ship the whole Japanese dictionary with the page.
 */
export function isMessageRefIn(dictionary: object, value: unknown): value is MessageRef {
  if (typeof value !== "string") return false;
  const colon = value.indexOf(":");
  const key = colon === -1 ? value : value.slice(0, colon);
  if (colon !== -1) {
    const param = value.slice(colon + 1);
    if (!(PARAM_KEYS as readonly string[]).includes(key) || param.trim() === "" || !Number.isFinite(Number(param))) return false;
  }
  const dot = key.indexOf(".");
  if (dot === -1) return false;
  const group = key.slice(0, dot);
  const name = key.slice(dot + 1);
  if (!Object.hasOwn(dictionary, group)) return false;
  const table = (dictionary as Record<string, Record<string, unknown>>)[group];
  return table !== undefined && Object.hasOwn(table, name) && typeof table[name] === "string";
}

/** `value` if it is a known message key, else `fallback` (the generic error by default). */
export function toMessageRef(value: unknown, fallback: MessageRef = "errors.generic"): MessageRef {
  if (isMessageRef(value)) return value;
  return fallback;
}
