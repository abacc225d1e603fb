// A gate for Next.js server-action requests (a POST with a `Next-Action` header), run by proxy.ts before
// Next.js decodes the body. Next.js answers a body it cannot decode (not JSON, a broken multipart form, a
// byte-order mark, JSON nested deep enough to exhaust its decoder, a reference to a part that does not
// exist) and a cross-site Origin with a 500 and an error in the log; here they get a clean 4xx instead:
// 400 malformed, 403 foreign or `null` Origin, 413 too large, 415 neither of the two encodings React uses.
//
// What React sends (react-server-dom encodeReply): arguments without files or FormData as a JSON text
// (`text/plain;charset=UTF-8`), otherwise a multipart form whose parts hold JSON and the files; a form
// posted without JavaScript is a multipart form too.
import { readLimitedBody } from "@/lib/security/body-limit";

/** Next.js's own limit for server-action bodies (serverActions.bodySizeLimit) is 1 MB. */
export const ACTION_MAX_BYTES = 1024 * 1024;
/** Deeper JSON than any of our actions' arguments; deep enough to stop a recursion-exhausting body. */
export const ACTION_MAX_DEPTH = 64;

export type ActionGuardResult = { ok: true } | { ok: false; status: 400 | 403 | 413 | 415; reason: string };

const refuse = (status: 400 | 403 | 413 | 415, reason: string): ActionGuardResult => ({ ok: false, status, reason });

/**
 * Same-origin check as Next.js's (Origin's host against the Host header), plus the shop's public host
 * (SITE_URL) behind a proxy that rewrites Host. No Origin at all is left to Next.js (old clients).
 */
export function originAllowed(origin: string | null, host: string | null, siteUrl: string): boolean {
  if (origin === null) return true;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return false; // "null" (sandboxed frames, privacy-sensitive redirects) and garbage
  }
  if (!originHost) return false;
  const allowed = new Set<string>();
  if (host) allowed.add(host.toLowerCase());
  try {
    allowed.add(new URL(siteUrl).host.toLowerCase());
  } catch {
    // an unparsable SITE_URL is caught by lib/env.ts; nothing to add
  }
  return allowed.has(originHost.toLowerCase());
}

/**
 * React Flight references in the JSON of a reply (react-server-dom's parseModelString): strings starting
 * with `$`. Self-contained ones need nothing else: `$$…` (an escaped `$`), `$I…`/`$N…`/`$-…` (±Infinity,
 * NaN, -0), `$u…`/`$H…` (undefined), `$D…` (a date), `$T…` (a temporary reference), `$K…` (a FormData
 * made of the parts named after it, possibly none), `$n<digits>` (a bigint, at most 300 digits as React
 * allows). Every other one points at another part of a multipart body by a hex number: `$<hex>`,
 * `$@<hex>`, `$h`/`$Q`/`$W`/`$i`/`$R`/`$r`/`$X`/`$x<hex>` at a JSON part, `$B` and the typed arrays
 * (`$A`, `$O`, `$o`, `$U`, `$S`, `$s`, `$L`, `$l`, `$G`, `$g`, `$M`, `$m`, `$V`) at a file part. A
 * reference to a part the body does not have, or of the wrong kind, makes Next.js's decoder throw (or
 * wait forever): refused here.
 */
const SELF_CONTAINED = new Set(["$", "I", "N", "-", "u", "H", "D", "T", "K"]);
const FILE_PARTS = new Set([..."BAOoUSsLlGgMmV"]);
const JSON_PARTS = new Set([..."@hQWiRrXx"]);

type PartKind = "text" | "file";

/** Whether one reference string can be resolved against the body's parts (`parts`: null for a text body). */
export function referenceResolvable(value: string, parts: ReadonlyMap<string, PartKind> | null): boolean {
  const kind = value[1];
  if (kind === undefined) return false;
  if (SELF_CONTAINED.has(kind)) return true;
  if (kind === "n") return /^\$n-?\d{1,300}$/.test(value);
  const typed = FILE_PARTS.has(kind) ? "file" : JSON_PARTS.has(kind) ? "text" : /[0-9a-fA-F]/.test(kind) ? "text" : null;
  if (typed === null || parts === null) return false;
  const id = /^[0-9a-fA-F]+/.exec(value.slice(typed === "text" && !JSON_PARTS.has(kind) ? 1 : 2))?.[0];
  if (id === undefined) return false;
  return parts.get(String(Number.parseInt(id, 16))) === typed;
}

/** Walks parsed JSON iteratively: too deep, or holding a reference that cannot be resolved? */
function checkJson(value: unknown, maxDepth: number, parts: ReadonlyMap<string, PartKind> | null): "ok" | "too_deep" | "dangling_reference" {
  const stack: Array<[unknown, number]> = [[value, 1]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!;
    if (typeof current === "string") {
      if (current.startsWith("$") && !referenceResolvable(current, parts)) return "dangling_reference";
      continue;
    }
    if (current === null || typeof current !== "object") continue;
    if (depth > maxDepth) return "too_deep";
    for (const child of Object.values(current)) stack.push([child, depth + 1]);
  }
  return "ok";
}

/**
 * The nesting depth of JSON text without parsing it (a parser may overflow its stack first): brackets
 * outside strings. Returns Infinity as soon as the limit is passed.
 */
export function jsonDepthExceeds(text: string, maxDepth: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
      continue;
    }
    if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > maxDepth) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}

function parseJsonPart(text: string, parts: ReadonlyMap<string, PartKind> | null, root = false): ActionGuardResult {
  if (text.charCodeAt(0) === 0xfeff) return refuse(400, "byte-order mark");
  if (jsonDepthExceeds(text, ACTION_MAX_DEPTH)) return refuse(400, "nested too deeply");
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return refuse(400, "not JSON");
  }
  // The root of a reply is the arguments' array: Next.js spreads it into the call and fails on anything else.
  if (root && !Array.isArray(parsed)) return refuse(400, "arguments are not an array");
  const check = checkJson(parsed, ACTION_MAX_DEPTH, parts);
  if (check === "too_deep") return refuse(400, "nested too deeply");
  if (check === "dangling_reference") return refuse(400, "reference to a part the body does not have");
  return { ok: true };
}

const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/** Checks one server-action request; reads (a copy of) its body, at most ACTION_MAX_BYTES + a chunk. */
export async function guardActionRequest(request: Request, siteUrl: string): Promise<ActionGuardResult> {
  if (!originAllowed(request.headers.get("origin"), request.headers.get("x-forwarded-host") ?? request.headers.get("host"), siteUrl)) {
    return refuse(403, "cross-origin");
  }
  const contentType = request.headers.get("content-type") ?? "";
  const mediaType = contentType.split(";")[0]!.trim().toLowerCase();
  if (mediaType !== "text/plain" && mediaType !== "multipart/form-data") return refuse(415, `content type ${mediaType || "(none)"}`);

  const read = await readLimitedBody(request, ACTION_MAX_BYTES);
  if (!read.ok) return read.reason === "too_large" ? refuse(413, "body too large") : refuse(400, "unreadable body");
  if (read.bytes[0] === 0xef && read.bytes[1] === 0xbb && read.bytes[2] === 0xbf) return refuse(400, "byte-order mark");
  let text: string;
  try {
    text = utf8.decode(read.bytes);
  } catch {
    return refuse(400, "not UTF-8");
  }

  if (mediaType === "text/plain") return parseJsonPart(text, null, true);

  let form: FormData;
  try {
    form = await new Response(read.bytes, { headers: { "content-type": contentType } }).formData();
  } catch {
    return refuse(400, "broken multipart form");
  }
  // A reply React wrote (fetch with FormData or files) has its root at part "0", every part of its
  // model in JSON; a form posted without JavaScript has $ACTION_… fields and plain text inputs.
  const parts = new Map<string, PartKind>();
  for (const [name, value] of form) parts.set(name, typeof value === "string" ? "text" : "file");
  const isReply = parts.get("0") === "text";
  for (const [name, value] of form) {
    if (typeof value !== "string") continue;
    if (isReply && /^\d+$/.test(name)) {
      const checked = parseJsonPart(value, parts, name === "0");
      if (!checked.ok) return checked;
    } else if (jsonDepthExceeds(value, ACTION_MAX_DEPTH)) return refuse(400, "nested too deeply");
  }
  return { ok: true };
}

/**
 * A multipart POST without a `Next-Action` header: Next.js takes it for a form posted without
 * JavaScript (to any page, and to any path no route handler answers, which ends on the not-found
 * page) and answers a body it cannot decode with a 500. Only the form encoding is checked here, not
 * the Origin: route handlers that take cross-site posts (the 3-D Secure return) get these too and
 * judge them themselves.
 */
export async function guardFormPost(request: Request): Promise<ActionGuardResult> {
  const read = await readLimitedBody(request, ACTION_MAX_BYTES);
  if (!read.ok) return read.reason === "too_large" ? refuse(413, "body too large") : refuse(400, "unreadable body");
  try {
    await new Response(read.bytes, { headers: { "content-type": request.headers.get("content-type") ?? "" } }).formData();
  } catch {
    return refuse(400, "broken multipart form");
  }
  return { ok: true };
}

/** Whether a request's body is a multipart form (whatever its parameters). */
export function isMultipart(request: Request): boolean {
  return (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase() === "multipart/form-data";
}
