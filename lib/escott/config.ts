import type { EscottCallRecord } from "./log";
import type { EscottMode } from "./hosts";

export type { EscottMode } from "./hosts";

/** Card gateway contract (docs/escott-protocol.md §2.1). aesKey/aesIv are only needed for 3-D Secure. */
export interface CardCredentials {
  merchantId: string;
  merchantPass: string;
  /** 店舗コード, `0001` for a single shop. */
  tenantId: string;
  /** トークン決済認証コード (k_TokenNinsyoCode). */
  tokenAuthCode: string;
  /** 暗号化キー: 16 ASCII characters, used literally as the AES-128 key. */
  aesKey?: string;
  /** 初期化ベクトル: 16 ASCII characters, used literally as the IV. */
  aesIv?: string;
}

/** Online payment agency (CVS) contract — its own MerchantId/MerchantPass. */
export interface CvsCredentials {
  merchantId: string;
  merchantPass: string;
}

export interface EscottConfig {
  mode: EscottMode;
  /** Points every endpoint and browser URL at another origin, e.g. `http://localhost:4010` (emulator). */
  baseUrlOverride?: string;
  /** Whole-request deadline (connect + send + read). Default 60 000 ms like the vendor's WooCommerce plugins (docs/escott-protocol.md §1.2). */
  timeoutMs?: number;
  card?: CardCredentials;
  cvs?: CvsCredentials;
  /** Clock for TransactionDate/SalesDate (tests). */
  now?: () => Date;
  /** Uniform [0, 1) source for transaction codes and ProcNo (tests). Defaults to node:crypto. */
  random?: () => number;
  /** Called after every server-to-server call with secrets masked. Errors it throws are swallowed. */
  onCall?: (record: EscottCallRecord) => void | Promise<void>;
  userAgent?: string;
}

export const DEFAULT_TIMEOUT_MS = 60_000;

/** Thrown only by createEscottClient for an unusable configuration; never carries secret values. */
export class EscottConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "EscottConfigError";
  }
}

const AES_MATERIAL = /^[\x21-\x7E]{16}$/;

export function validateConfig(config: EscottConfig): void {
  if (config.mode !== "test" && config.mode !== "production") {
    throw new EscottConfigError('mode must be "test" or "production"');
  }
  if (config.baseUrlOverride !== undefined) {
    let url: URL;
    try {
      url = new URL(config.baseUrlOverride);
    } catch {
      throw new EscottConfigError("baseUrlOverride must be an absolute http(s) URL");
    }
    if (url.protocol !== "http:" && url.protocol !== "https:") {
      throw new EscottConfigError("baseUrlOverride must be an absolute http(s) URL");
    }
  }
  if (config.timeoutMs !== undefined && !(Number.isFinite(config.timeoutMs) && config.timeoutMs > 0)) {
    throw new EscottConfigError("timeoutMs must be a positive number");
  }
  const card = config.card;
  if (card) {
    for (const key of ["merchantId", "merchantPass", "tenantId", "tokenAuthCode"] as const) {
      if (!card[key]) throw new EscottConfigError(`card.${key} is required`);
    }
    // The vendor's WooCommerce plugins silently fall back to built-in key/IV; that can never match a real contract (§2.1).
    if ((card.aesKey === undefined) !== (card.aesIv === undefined)) {
      throw new EscottConfigError("card.aesKey and card.aesIv must be given together");
    }
    if (card.aesKey !== undefined && !AES_MATERIAL.test(card.aesKey)) {
      throw new EscottConfigError("card.aesKey must be exactly 16 ASCII characters");
    }
    if (card.aesIv !== undefined && !AES_MATERIAL.test(card.aesIv)) {
      throw new EscottConfigError("card.aesIv must be exactly 16 ASCII characters");
    }
  }
  const cvs = config.cvs;
  if (cvs) {
    for (const key of ["merchantId", "merchantPass"] as const) {
      if (!cvs[key]) throw new EscottConfigError(`cvs.${key} is required`);
    }
  }
}
