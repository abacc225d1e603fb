// Form encoding as e-SCOTT and its clients use it (§1.2, §1.3, §6.2).

/** Request parameters with empty values dropped: e-SCOTT clients send empty keys to mean "absent". */
export type Params = Record<string, string>;

export function emptyParams(): Params {
  return Object.create(null) as Params;
}

/** Decode an application/x-www-form-urlencoded string (UTF-8, `+` = space); later keys win, empty values are dropped. */
export function parseForm(text: string, into: Params = emptyParams()): Params {
  for (const [key, value] of new URLSearchParams(text)) {
    if (key === "") continue;
    if (value === "") delete into[key];
    else into[key] = value;
  }
  return into;
}

/** Query string first, then body, so body values win when both carry a key (the SFRA client uses both, §1.1). */
export function mergeQueryAndBody(query: string, body: string): Params {
  return parseForm(body, parseForm(query));
}

/**
 * Encode a response: `k=v&…` on one line, pure ASCII (anything else percent-encoded), no blank lines, so the
 * clients that split on `&`/`=` without decoding still read plain alphanumeric values.
 */
export function encodeForm(fields: Record<string, string | undefined>): string {
  const out = new URLSearchParams();
  for (const [key, value] of Object.entries(fields)) {
    if (value !== undefined) out.append(key, value);
  }
  return out.toString();
}

/** Form-decode one component, keeping the raw text when it is not valid percent-encoding. */
function decodeComponent(raw: string): string {
  try {
    return decodeURIComponent(raw.replace(/\+/g, " "));
  } catch {
    return raw;
  }
}

/** Field names e-SCOTT may find inside an EncryptValue plaintext; anything else after an unencoded URL is part of it. */
const KNOWN_PLAINTEXT_FIELDS = new Set([
  "MerchantId", "MerchantPass", "TenantId", "TransactionDate", "OperateId", "MerchantFree1", "MerchantFree2",
  "MerchantFree3", "ProcessId", "ProcessPass", "KaiinId", "KaiinPass", "Token", "Amount", "PayType", "SalesDate",
  "ProcNo", "RedirectUrl", "PostUrl", "BillingFullName", "BillingEmail", "CardNo", "CardExp", "SecCd",
  "SecureResultCode", "ResponseCd", "MessageVersionNo3D", "EncodeXId3D", "TransactionStatus3D", "CAVVAlgorithm3D",
  "CAVV3D", "ECI3D", "DSTransactionId", "ThreeDSServerTransactionId", "TransactionId3D", "PANCardNo3D", "CurrencyId",
  "PageLanguage", "KanaSei", "KanaMei", "BirthDay", "TelNo", "NewKaiinPass",
]);

/**
 * Parse an EncryptValue plaintext. Well-formed senders form-encode it; the SFRA cartridge joins `key=value`
 * unencoded (§6.2), so a RedirectUrl like `https://shop/?a=1&b=2` arrives raw. We therefore glue a piece that does
 * not start with a known field name back onto the previous value when that value is an unencoded URL.
 */
export function parsePlaintext(text: string): Params {
  const pairs: Array<[string, string]> = [];
  for (const piece of text.replace(/[\r\n]+$/, "").split("&")) {
    const eq = piece.indexOf("=");
    const key = eq >= 0 ? decodeComponent(piece.slice(0, eq)) : decodeComponent(piece);
    const last = pairs[pairs.length - 1];
    const previousIsRawUrl = last !== undefined && /^https?:\/\//i.test(last[1]);
    if (last && previousIsRawUrl && !KNOWN_PLAINTEXT_FIELDS.has(key)) {
      last[1] += `&${piece}`;
      continue;
    }
    if (eq < 0) {
      if (piece !== "") pairs.push([key, ""]);
      continue;
    }
    pairs.push([key, piece.slice(eq + 1)]);
  }
  const out = emptyParams();
  for (const [key, raw] of pairs) {
    // A raw URL must not lose its `+` characters, everything else is form-decoded.
    const value = /^https?:\/\//i.test(raw) ? raw : decodeComponent(raw);
    if (key === "") continue;
    if (value === "") delete out[key];
    else out[key] = value;
  }
  return out;
}
