// All e-SCOTT dates are Japanese calendar dates. Japan has no DST, so a fixed +9h offset is exact
// and keeps results independent of the server's TZ setting.

const JST_OFFSET_MS = 9 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

interface JstParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

function jstParts(date: Date): JstParts {
  const t = new Date(date.getTime() + JST_OFFSET_MS);
  return {
    year: t.getUTCFullYear(),
    month: t.getUTCMonth() + 1,
    day: t.getUTCDate(),
    hour: t.getUTCHours(),
    minute: t.getUTCMinutes(),
  };
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** `YYYYMMDD` of `date` in Asia/Tokyo (TransactionDate, SalesDate). */
export function jstDate(date: Date): string {
  const p = jstParts(date);
  return `${pad(p.year, 4)}${pad(p.month)}${pad(p.day)}`;
}

/** `YYYYMMDDHHMM` of `date` in Asia/Tokyo — the format PayLimit is compared in (§7.4). */
export function jstMinute(date: Date): string {
  const p = jstParts(date);
  return `${jstDate(date)}${pad(p.hour)}${pad(p.minute)}`;
}

/**
 * PayLimit for "pay within N days" (§7.1): the JST date of now + N×24h, at 23:59.
 * N = 1 → tomorrow 23:59. Throws RangeError for a non-integer or negative N (a programming error).
 */
export function payLimitFromDays(days: number, now: Date = new Date()): string {
  if (!Number.isInteger(days) || days < 0) throw new RangeError("days must be a non-negative integer");
  return `${jstDate(new Date(now.getTime() + days * DAY_MS))}2359`;
}

/** PayLimit from an admin-entered `YYYYMMDD` (§10.2 add_cvs): that day at 23:59. */
export function payLimitFromDate(yyyymmdd: string): string {
  if (!isValidYmd(yyyymmdd)) throw new RangeError("date must be a valid YYYYMMDD");
  return `${yyyymmdd}2359`;
}

/** §7.4: expired when the current JST `YYYYMMDDHHMM` is later than PayLimit. */
export function isPayLimitPast(payLimit: string, now: Date = new Date()): boolean {
  return jstMinute(now) > payLimit;
}

export function isValidYmd(value: string): boolean {
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

export function isValidPayLimit(value: string): boolean {
  const m = /^(\d{8})(\d{2})(\d{2})$/.exec(value);
  return !!m && isValidYmd(m[1] ?? "") && Number(m[2]) <= 23 && Number(m[3]) <= 59;
}

/**
 * NyukinDate (入金日時) → instant. The format is undocumented (docs/escott-protocol.md §7.3); like
 * the vendor's WooCommerce plugins we accept 14 (YYYYMMDDhhmmss), 12 or 8 digits, read as JST.
 * Anything else → null.
 */
export function parseJstTimestamp(value: string): Date | null {
  const m = /^(\d{4})(\d{2})(\d{2})(?:(\d{2})(\d{2})(\d{2})?)?$/.exec(value);
  if (!m) return null;
  if (!isValidYmd(`${m[1]}${m[2]}${m[3]}`)) return null;
  const [h, mi, s] = [Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0)];
  if (h > 23 || mi > 59 || s > 59) return null;
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), h, mi, s) - JST_OFFSET_MS);
}
