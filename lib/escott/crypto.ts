import { createCipheriv, createDecipheriv } from "node:crypto";
import { decodeForm, encodeForm } from "./codec";

// EncryptValue (docs/escott-protocol.md §6.2): AES-128-CBC, PKCS#7, key and IV = the 16 ASCII bytes as typed
// (not hex/base64-decoded), standard Base64 without line breaks; plaintext = form-encoded UTF-8.

export interface AesMaterial {
  key: string;
  iv: string;
}

function keyBytes(value: string, what: string): Buffer {
  const bytes = Buffer.from(value, "ascii");
  if (value.length !== 16 || bytes.length !== 16 || !/^[\x20-\x7E]+$/.test(value)) {
    throw new RangeError(`${what} must be 16 ASCII characters`);
  }
  return bytes;
}

/** Throws RangeError only for malformed key material (validated at client creation). */
export function encryptValue(fields: Readonly<Record<string, string | undefined>>, aes: AesMaterial): string {
  const cipher = createCipheriv("aes-128-cbc", keyBytes(aes.key, "AES key"), keyBytes(aes.iv, "AES IV"));
  return Buffer.concat([cipher.update(encodeForm(fields), "utf8"), cipher.final()]).toString("base64");
}

export type DecryptFailure = "empty" | "not_base64" | "bad_ciphertext" | "not_form_encoded";

export type DecryptOutcome =
  | { ok: true; fields: Record<string, string> }
  | { ok: false; reason: DecryptFailure };

const fatalUtf8 = new TextDecoder("utf-8", { fatal: true });

/** Never throws. A wrong key almost always shows up as bad padding or non-UTF-8 plaintext. */
export function decryptValue(encrypted: string, aes: AesMaterial): DecryptOutcome {
  // A '+' that reached us unencoded in a form body has become a space; whitespace is never valid Base64.
  const compact = encrypted.trim().replace(/ /g, "+").replace(/[\r\n\t]/g, "");
  if (compact === "") return { ok: false, reason: "empty" };
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(compact) || compact.length % 4 !== 0) return { ok: false, reason: "not_base64" };
  const data = Buffer.from(compact, "base64");
  if (data.length === 0 || data.length % 16 !== 0) return { ok: false, reason: "bad_ciphertext" };
  let plaintext: string;
  try {
    const decipher = createDecipheriv("aes-128-cbc", keyBytes(aes.key, "AES key"), keyBytes(aes.iv, "AES IV"));
    plaintext = fatalUtf8.decode(Buffer.concat([decipher.update(data), decipher.final()]));
  } catch {
    return { ok: false, reason: "bad_ciphertext" };
  }
  const fields = decodeForm(plaintext);
  return fields ? { ok: true, fields } : { ok: false, reason: "not_form_encoded" };
}
