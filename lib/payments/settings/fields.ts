import { z } from "zod";
import { msg } from "@/lib/i18n/keys";

// Checkboxes arrive as "on" or not at all; JSON settings carry booleans.
export const checkbox = z.preprocess((v) => v === true || v === "on" || v === "true" || v === "1", z.boolean());

export const trimmed = (max: number) =>
  z.preprocess((v) => (typeof v === "string" ? v.trim() : v ?? ""), z.string().max(max, msg(`errors.tooLong:${max}`)));

export const digits = (max: number) =>
  z.preprocess((v) => (typeof v === "string" ? v.trim() : v ?? ""), z.string().max(max, msg(`errors.tooLong:${max}`)).regex(/^\d*$/, msg("settings.digitsOnly")));

export const alnum = (max: number) =>
  z.preprocess((v) => (typeof v === "string" ? v.trim() : v ?? ""), z.string().max(max, msg(`errors.tooLong:${max}`)).regex(/^[A-Za-z0-9]*$/, msg("settings.alnumOnly")));

/** A whole number from 1 to max (a form's text or a stored number). */
/** Minutes an unfinished card attempt is kept before housekeeping settles it (10 min – 24 h). */
export const abandonMinutes = () => {
  const range = msg("settings.abandonRange");
  return z.preprocess((v) => (typeof v === "string" ? (v.trim() === "" ? undefined : Number(v.trim())) : v), z.number({ error: range }).int(range).min(10, range).max(1440, range));
};

export const limit = (max: number) => {
  const range = msg(`settings.limitRange:${max}`);
  return z.preprocess((v) => (typeof v === "string" ? (v.trim() === "" ? undefined : Number(v.trim())) : v), z.number({ error: range }).int(range).min(1, range).max(max, range));
};
