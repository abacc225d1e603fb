// The emulator clock: real time plus an offset that tests move through the control API (expiring authorizations,
// registrations and tokens without waiting). All e-SCOTT dates are Japan time (Asia/Tokyo, UTC+9, no DST).

const JST_OFFSET_MS = 9 * 3_600_000;
export const DAY_MS = 86_400_000;

export class Clock {
  /** `offset` is read on every call so that the control API (and a restored state file) can move time. */
  constructor(private readonly offset: () => number = () => 0) {}

  now(): number {
    return Date.now() + this.offset();
  }
}

interface JstParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function jstParts(ms: number): JstParts {
  const d = new Date(ms + JST_OFFSET_MS);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
  };
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** YYYYMMDD in JST. */
export function ymd(ms: number): string {
  const p = jstParts(ms);
  return `${pad(p.year, 4)}${pad(p.month)}${pad(p.day)}`;
}

/** YYYYMMDDhhmm in JST (PayLimit format). */
export function ymdhm(ms: number): string {
  const p = jstParts(ms);
  return `${ymd(ms)}${pad(p.hour)}${pad(p.minute)}`;
}

/** YYYYMMDDhhmmss in JST (NyukinDate format). */
export function ymdhms(ms: number): string {
  const p = jstParts(ms);
  return `${ymdhm(ms)}${pad(p.second)}`;
}

/** Current JST year and month, for card-expiry checks. */
export function jstYearMonth(ms: number): { year: number; month: number } {
  const p = jstParts(ms);
  return { year: p.year, month: p.month };
}

/** Epoch ms of a JST wall-clock time, or undefined when the fields do not form a real date/time. */
function jstToMs(year: number, month: number, day: number, hour = 0, minute = 0): number | undefined {
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59) return undefined;
  const utc = Date.UTC(year, month - 1, day, hour, minute);
  const check = new Date(utc);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return undefined;
  return utc - JST_OFFSET_MS;
}

/** Parse YYYYMMDD (JST midnight). */
export function parseYmd(value: string): number | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(value);
  if (!m) return undefined;
  return jstToMs(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** Parse YYYYMMDDhhmm (JST). */
export function parseYmdhm(value: string): number | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(value);
  if (!m) return undefined;
  return jstToMs(Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5]));
}

/** "2026/12/31 23:59" style for HTML pages. */
export function displayDateTime(compact: string): string {
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})?(\d{2})?(\d{2})?$/.exec(compact);
  if (!m) return compact;
  const date = `${m[1]}/${m[2]}/${m[3]}`;
  if (m[4] === undefined) return date;
  return `${date} ${m[4]}:${m[5] ?? "00"}${m[6] !== undefined ? `:${m[6]}` : ""}`;
}
