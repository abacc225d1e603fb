// Admins' second factor: TOTP (RFC 6238; 6 digits, 30-second steps, SHA-1 — what every
// authenticator app reads from the QR code) through the `otpauth` library, plus 10 single-use
// recovery codes.
//
//  - The secret is sealed with the app's secret box (lib/security/app-box.ts) in TwoFactor.secret and
//    shown only while the enrolment is pending (enabledAt null); once confirmed it is never shown again.
//  - A code is accepted for the current step ±1 (clock drift), and only for a step later than the last
//    accepted one (TwoFactor.lastUsedStep, compare-and-set): a code, once used, is refused — also by
//    another instance, also when two requests carry it at the same moment.
//  - Recovery codes are stored as SHA-256 hashes (they are 50 random bits, not passwords) and spent
//    by a compare-and-set on usedAt: each works once.
//  - Every check is counted before the code is looked at, per account, in the database throttle
//    (lib/security/throttle.ts): 5 per 15 minutes and 30 per day, so guessing a 6-digit code
//    (3 of 10^6 accepted at a time) stays hopeless.
//  - Passing the second factor is recorded on the login (UserSession.secondFactorAt); admin pages and
//    actions require it once the admin has a second factor (lib/auth/session.ts requireAdmin).
import { createHash, randomInt } from "node:crypto";
import * as OTPAuth from "otpauth";
import { verifyPassword } from "@/lib/auth/password";
import type { Db } from "@/lib/db";
import type { MessageKeys } from "@/lib/i18n/keys";
import type { SecretBox } from "@/lib/security/secret-box";
import { clearThrottle, hitThrottle, type ThrottleRule } from "@/lib/security/throttle";

export const TOTP_PERIOD_S = 30;
export const TOTP_DIGITS = 6;
/** Steps accepted either side of the current one. */
export const TOTP_WINDOW = 1;
export const RECOVERY_CODE_COUNT = 10;

/** Checks of a code (challenge, enrolment, disabling) per account. */
export const SECOND_FACTOR_SHORT: ThrottleRule = { name: "2fa-account", limit: 5, windowMs: 15 * 60_000 };
export const SECOND_FACTOR_DAY: ThrottleRule = { name: "2fa-account-day", limit: 30, windowMs: 24 * 60 * 60_000 };

// ── Codes ────────────────────────────────────────────────────────────────────────────────────

function totp(secret: string, label = "admin", issuer = ""): OTPAuth.TOTP {
  return new OTPAuth.TOTP({ issuer, label, algorithm: "SHA1", digits: TOTP_DIGITS, period: TOTP_PERIOD_S, secret: OTPAuth.Secret.fromBase32(secret) });
}

/** A new TOTP secret: 160 random bits, base32 (what authenticator apps expect). */
export function newTotpSecret(): string {
  return new OTPAuth.Secret({ size: 20 }).base32;
}

/** The otpauth:// URI the QR code carries. */
export function totpUri(secret: string, account: string, issuer: string): string {
  return totp(secret, account, issuer).toString();
}

/** The code for `now` (tests, and nothing else: the server never needs to produce one). */
export function totpCode(secret: string, now = Date.now()): string {
  return totp(secret).generate({ timestamp: now });
}

export function timeStep(now: number): number {
  return Math.floor(now / 1000 / TOTP_PERIOD_S);
}

/** The time step whose code `code` is, within the window around `now`; null when none is. */
export function matchingStep(secret: string, code: string, now: number): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const delta = totp(secret).validate({ token: code, timestamp: now, window: TOTP_WINDOW });
  return delta === null ? null : timeStep(now) + delta;
}

/** Spaces and hyphens are ignored ("123 456", "abcde-fghjk"), letters are lower-cased. */
export function normalizeCode(input: string): string {
  return input.normalize("NFKC").replace(/[\s-]/g, "").toLowerCase();
}

const RECOVERY_ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz"; // Crockford's base32: no i, l, o, u
const RECOVERY_LENGTH = 10;

/** "k3m9x-2q7zt": 50 random bits. */
export function newRecoveryCode(): string {
  let code = "";
  for (let i = 0; i < RECOVERY_LENGTH; i++) code += RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)];
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

export function hashRecoveryCode(code: string): string {
  return createHash("sha256").update(`recovery-code:${normalizeCode(code)}`).digest("hex");
}

function isRecoveryCodeShape(normalized: string): boolean {
  return normalized.length === RECOVERY_LENGTH && [...normalized].every((c) => RECOVERY_ALPHABET.includes(c));
}

// ── State ────────────────────────────────────────────────────────────────────────────────────

export interface TwoFactorState {
  enabled: boolean;
  enabledAt: Date | null;
  recoveryCodesLeft: number;
}

export async function twoFactorState(db: Db, userId: string): Promise<TwoFactorState> {
  const [row, left] = await Promise.all([
    db.twoFactor.findUnique({ where: { userId }, select: { enabledAt: true } }),
    db.recoveryCode.count({ where: { userId, usedAt: null } }),
  ]);
  const enabledAt = row?.enabledAt ?? null;
  return { enabled: enabledAt !== null, enabledAt, recoveryCodesLeft: enabledAt ? left : 0 };
}

/**
 * What an admin's login still needs before admin pages: "ok", "challenge" (the admin has a second
 * factor this login has not passed) or "enrol" (ADMIN_REQUIRE_2FA and no second factor yet; the
 * enrolment page itself is exempt).
 */
export function secondFactorGate(twoFactor: { enabled: boolean; passed: boolean }, required: boolean, enrolmentPage = false): "ok" | "challenge" | "enrol" {
  if (twoFactor.enabled) return twoFactor.passed ? "ok" : "challenge";
  if (required && !enrolmentPage) return "enrol";
  return "ok";
}

// ── Enrolment ────────────────────────────────────────────────────────────────────────────────

export interface PendingEnrolment {
  secret: string;
  uri: string;
}

/**
 * The secret to enrol with: the pending one, or a new one (sealed at rest). Null when the user has a
 * confirmed second factor already: its secret is never shown again.
 */
export async function beginEnrolment(db: Db, box: SecretBox, user: { id: string; email: string }, issuer: string): Promise<PendingEnrolment | null> {
  const row = await db.twoFactor.findUnique({ where: { userId: user.id } });
  if (row?.enabledAt) return null;
  let secret: string;
  if (row) {
    secret = box.open(row.secret);
  } else {
    secret = newTotpSecret();
    // Two tabs at once: the first row stays, and both show its secret.
    await db.twoFactor.createMany({ data: [{ userId: user.id, secret: box.seal(secret) }] }).catch(() => undefined);
    const stored = await db.twoFactor.findUniqueOrThrow({ where: { userId: user.id } });
    if (stored.enabledAt) return null;
    secret = box.open(stored.secret);
  }
  return { secret, uri: totpUri(secret, user.email, issuer) };
}

export type CodeFailure = "invalid" | "replayed" | "throttled" | "not_enabled" | "not_pending";

export type CodeFailureMessage = MessageKeys<"twoFactor.invalidCode" | "twoFactor.invalidProof" | "twoFactor.replayedCode" | "twoFactor.tooManyAttempts" | "twoFactor.notEnabled" | "twoFactor.notPending">;

/** What the form says about a refused code (`proof`: the field also takes the password). */
export function codeFailureMessage(reason: CodeFailure, proof = false): CodeFailureMessage {
  switch (reason) {
    case "throttled":
      return "twoFactor.tooManyAttempts";
    case "replayed":
      return "twoFactor.replayedCode";
    case "not_enabled":
      return "twoFactor.notEnabled";
    case "not_pending":
      return "twoFactor.notPending";
    default:
      return proof ? "twoFactor.invalidProof" : "twoFactor.invalidCode";
  }
}

async function throttled(db: Db, userId: string, now: number): Promise<boolean> {
  const [short, day] = await Promise.all([hitThrottle(db, SECOND_FACTOR_SHORT, userId, now), hitThrottle(db, SECOND_FACTOR_DAY, userId, now)]);
  return !short.allowed || !day.allowed;
}

/**
 * Confirms a pending enrolment with a code from the app. On success the second factor is on, this
 * login counts as having passed it, every other login of the user has to pass it, and the recovery
 * codes are returned — the only time they are ever available in clear.
 */
export async function confirmEnrolment(
  db: Db,
  box: SecretBox,
  login: { userId: string; sessionId: string },
  input: string,
  now = new Date(),
): Promise<{ ok: true; recoveryCodes: string[] } | { ok: false; reason: CodeFailure }> {
  const code = normalizeCode(input);
  if (await throttled(db, login.userId, now.getTime())) return { ok: false, reason: "throttled" };
  const row = await db.twoFactor.findUnique({ where: { userId: login.userId } });
  if (!row || row.enabledAt) return { ok: false, reason: "not_pending" };
  const step = matchingStep(box.open(row.secret), code, now.getTime());
  if (step === null) return { ok: false, reason: "invalid" };
  const recoveryCodes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  const done = await db.$transaction(async (tx) => {
    const { count } = await tx.twoFactor.updateMany({ where: { userId: login.userId, enabledAt: null, secret: row.secret }, data: { enabledAt: now, lastUsedStep: step } });
    if (count !== 1) return false;
    await tx.recoveryCode.deleteMany({ where: { userId: login.userId } });
    await tx.recoveryCode.createMany({ data: recoveryCodes.map((c) => ({ userId: login.userId, codeHash: hashRecoveryCode(c) })) });
    // Logins from before the second factor (a copied cookie among them) must pass it now.
    await tx.userSession.updateMany({ where: { userId: login.userId, id: { not: login.sessionId } }, data: { secondFactorAt: null } });
    await tx.userSession.updateMany({ where: { userId: login.userId, id: login.sessionId }, data: { secondFactorAt: now } });
    return true;
  });
  if (!done) return { ok: false, reason: "not_pending" };
  await clearThrottle(db, SECOND_FACTOR_SHORT, login.userId, now.getTime());
  return { ok: true, recoveryCodes };
}

// ── Checking a code ──────────────────────────────────────────────────────────────────────────

/** Accepts a TOTP code once: its step must be later than the last accepted one (compare-and-set). */
async function acceptTotp(db: Db, box: SecretBox, userId: string, sealed: string, code: string, now: number): Promise<"ok" | "invalid" | "replayed"> {
  const step = matchingStep(box.open(sealed), code, now);
  if (step === null) return "invalid";
  const { count } = await db.twoFactor.updateMany({
    where: { userId, enabledAt: { not: null }, OR: [{ lastUsedStep: null }, { lastUsedStep: { lt: step } }] },
    data: { lastUsedStep: step },
  });
  return count === 1 ? "ok" : "replayed";
}

/** Spends a recovery code (compare-and-set on usedAt): true for the one request that got it. */
async function spendRecoveryCode(db: Db, userId: string, code: string, now: Date): Promise<boolean> {
  if (!isRecoveryCodeShape(code)) return false;
  const { count } = await db.recoveryCode.updateMany({ where: { userId, codeHash: hashRecoveryCode(code), usedAt: null }, data: { usedAt: now } });
  return count === 1;
}

/**
 * The challenge after the password: a TOTP code or a recovery code. On success this login
 * (UserSession) has passed the second factor.
 */
export async function passSecondFactor(
  db: Db,
  box: SecretBox,
  login: { userId: string; sessionId: string },
  input: string,
  now = new Date(),
): Promise<{ ok: true; method: "totp" | "recovery"; recoveryCodesLeft: number } | { ok: false; reason: CodeFailure }> {
  const code = normalizeCode(input);
  if (await throttled(db, login.userId, now.getTime())) return { ok: false, reason: "throttled" };
  const row = await db.twoFactor.findUnique({ where: { userId: login.userId } });
  if (!row?.enabledAt) return { ok: false, reason: "not_enabled" };
  let method: "totp" | "recovery";
  if (/^\d{6}$/.test(code)) {
    const verdict = await acceptTotp(db, box, login.userId, row.secret, code, now.getTime());
    if (verdict !== "ok") return { ok: false, reason: verdict };
    method = "totp";
  } else {
    if (!(await spendRecoveryCode(db, login.userId, code, now))) return { ok: false, reason: "invalid" };
    method = "recovery";
  }
  const { count } = await db.userSession.updateMany({ where: { id: login.sessionId, userId: login.userId }, data: { secondFactorAt: now } });
  if (count !== 1) return { ok: false, reason: "invalid" };
  await clearThrottle(db, SECOND_FACTOR_SHORT, login.userId, now.getTime());
  const recoveryCodesLeft = await db.recoveryCode.count({ where: { userId: login.userId, usedAt: null } });
  return { ok: true, method, recoveryCodesLeft };
}

/**
 * Turns the second factor off: needs a current code (not one used before) or the password.
 * The secret and the recovery codes are deleted.
 */
export async function disableTwoFactor(db: Db, box: SecretBox, userId: string, input: string, now = new Date()): Promise<{ ok: true } | { ok: false; reason: CodeFailure }> {
  if (await throttled(db, userId, now.getTime())) return { ok: false, reason: "throttled" };
  const row = await db.twoFactor.findUnique({ where: { userId } });
  if (!row?.enabledAt) return { ok: false, reason: "not_enabled" };
  const code = normalizeCode(input);
  if (/^\d{6}$/.test(code)) {
    const verdict = await acceptTotp(db, box, userId, row.secret, code, now.getTime());
    if (verdict !== "ok") return { ok: false, reason: verdict };
  } else {
    const user = await db.user.findUnique({ where: { id: userId }, select: { passwordHash: true } });
    if (!(await verifyPassword(input, user?.passwordHash))) return { ok: false, reason: "invalid" };
  }
  await db.$transaction([db.recoveryCode.deleteMany({ where: { userId } }), db.twoFactor.deleteMany({ where: { userId } })]);
  return { ok: true };
}
