// Form encoding exactly as PHP's http_build_query/urlencode produce it, because that is what
// every working e-SCOTT integration sends (and what the EncryptValue plaintext must look like).

export type FormFields = Readonly<Record<string, string>>;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** PHP urlencode(): unreserved = A-Z a-z 0-9 - _ . ; space → '+'; everything else %XX of the UTF-8 bytes. */
export function phpUrlEncode(value: string): string {
  // encodeURIComponent throws on lone surrogates; a garbled character is better than a thrown payment call.
  const wellFormed = value.replace(LONE_SURROGATE, "\uFFFD");
  return encodeURIComponent(wellFormed)
    .replace(/[!'()*~]/g, (c) => "%" + c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0"))
    .replace(/%20/g, "+");
}

/** `key=value&…` in insertion order; keys with undefined values are skipped, empty strings are kept. */
export function encodeForm(fields: Readonly<Record<string, string | undefined>>): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    parts.push(`${phpUrlEncode(key)}=${phpUrlEncode(value)}`);
  }
  return parts.join("&");
}

const utf8 = new TextDecoder("utf-8");
const encoder = new TextEncoder();

/**
 * PHP urldecode(): '+' → space, valid %XX → byte, invalid '%' sequences kept literally
 * (lenient on purpose: SFRA sends unencoded values inside EncryptValue and they are accepted).
 */
export function phpUrlDecode(value: string): string {
  if (!/[%+]/.test(value)) return value;
  const bytes: number[] = [];
  for (let i = 0; i < value.length; i++) {
    const ch = value.charAt(i);
    if (ch === "+") {
      bytes.push(0x20);
    } else if (ch === "%" && /^[0-9A-Fa-f]{2}$/.test(value.slice(i + 1, i + 3))) {
      bytes.push(parseInt(value.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      const cp = value.codePointAt(i) ?? 0;
      const s = String.fromCodePoint(cp);
      for (const b of encoder.encode(s)) bytes.push(b);
      i += s.length - 1;
    }
  }
  return utf8.decode(Uint8Array.from(bytes));
}

const FIELD_NAME = /^[A-Za-z0-9_]+$/;

/**
 * Parses `key=value&…`. Line breaks are treated like '&' so that bodies with leading/trailing or
 * embedded blank lines still parse. Segments whose key is not a plain field name are ignored
 * (an HTML error page yields nothing). Duplicate keys: last wins, as PHP parse_str does.
 * Returns null when no field could be read at all.
 */
export function decodeForm(body: string): Record<string, string> | null {
  const out: Record<string, string> = {};
  let count = 0;
  const text = body.replace(/^\uFEFF/, "");
  for (const segment of text.split(/&|\r?\n|\r/)) {
    const trimmed = segment.trim();
    if (trimmed === "") continue;
    const eq = trimmed.indexOf("=");
    if (eq <= 0) continue;
    const key = phpUrlDecode(trimmed.slice(0, eq));
    if (!FIELD_NAME.test(key)) continue;
    out[key] = phpUrlDecode(trimmed.slice(eq + 1));
    count++;
  }
  return count > 0 ? out : null;
}

/** `ResponseCd` → codes: "K20|K21" → ["K20", "K21"]; blanks dropped. */
export function splitResponseCodes(responseCd: string | undefined): string[] {
  if (responseCd === undefined) return [];
  return responseCd
    .split("|")
    .map((c) => c.trim())
    .filter((c) => c !== "");
}
