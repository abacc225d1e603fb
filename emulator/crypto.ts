// EncryptValue (§6.2, §12.17), notification HashCd (§7.3) and random identifiers.
import { createCipheriv, createDecipheriv, createHash, randomBytes, randomInt, randomUUID } from "node:crypto";

/** AES-128-CBC, PKCS#7, key/IV = the configured 16 ASCII characters used literally, standard Base64 output. */
export function encryptValue(plaintext: string, key: string, iv: string): string {
  const cipher = createCipheriv("aes-128-cbc", Buffer.from(key, "latin1"), Buffer.from(iv, "latin1"));
  return Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]).toString("base64");
}

/**
 * Inverse of encryptValue; undefined when the value cannot be decrypted. Tolerates the usual transport damage:
 * `+` turned into spaces by a sender that forgot to percent-encode, line breaks, URL-safe Base64.
 */
export function decryptValue(encoded: string, key: string, iv: string): string | undefined {
  const normalized = encoded.trim().replace(/ /g, "+").replace(/[\r\n\t]/g, "").replace(/-/g, "+").replace(/_/g, "/");
  if (normalized === "" || !/^[A-Za-z0-9+/]+=*$/.test(normalized)) return undefined;
  try {
    const decipher = createDecipheriv("aes-128-cbc", Buffer.from(key, "latin1"), Buffer.from(iv, "latin1"));
    const plain = Buffer.concat([decipher.update(Buffer.from(normalized, "base64")), decipher.final()]);
    return plain.toString("utf8");
  } catch {
    return undefined;
  }
}

/** HashCd of the payment notification: lowercase hex MD5 of ProcessPass + RecvNum + MerchantPass. */
export function notificationHash(processPass: string, recvNum: string, merchantPass: string): string {
  return createHash("md5").update(`${processPass}${recvNum}${merchantPass}`, "utf8").digest("hex");
}

const ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

export function randomAlnum(length: number, alphabet = ALNUM): string {
  let out = "";
  for (let i = 0; i < length; i++) out += alphabet[randomInt(alphabet.length)];
  return out;
}

export function randomDigits(length: number): string {
  return randomAlnum(length, "0123456789");
}

export function randomHex(bytes: number): string {
  return randomBytes(bytes).toString("hex");
}

export function randomBase64(bytes: number): string {
  return randomBytes(bytes).toString("base64");
}

export function uuid(): string {
  return randomUUID();
}
