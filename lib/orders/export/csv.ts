// CSV text (RFC 4180) and the two encodings Excel in Japan opens without a wizard: UTF-8 with a
// byte-order mark, and Shift_JIS. The Shift_JIS table is iconv-lite's, which is Windows-31J (CP932)
// — what Excel means by Shift_JIS, with the NEC/IBM extensions such as ① and 髙. Characters it
// cannot encode (emoji, some rare kanji) become "?": the export says so next to its button.
import iconv from "iconv-lite";

export const CSV_ENCODINGS = ["utf8", "sjis"] as const;
export type CsvEncoding = (typeof CSV_ENCODINGS)[number];

export type CsvValue = string | number | null | undefined;

/**
 * A spreadsheet runs a cell that starts with = + - @ (or a tab / carriage return that hides one) as
 * a formula: "=HYPERLINK(…)" typed as a customer's name would run on the admin's machine (CSV
 * injection). Such text cells get a leading apostrophe, which Excel shows as plain text. Numbers
 * we write ourselves (totals, negative amounts) are left alone.
 */
export function neutralizeFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** One cell: formula-neutralized text, quoted when it holds a comma, a quote or a line break. */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  const text = typeof value === "number" ? String(value) : neutralizeFormula(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One record, CRLF-terminated as RFC 4180 and Excel expect. */
export function csvRow(cells: readonly CsvValue[]): string {
  return `${cells.map(csvCell).join(",")}\r\n`;
}

export function csvText(rows: readonly (readonly CsvValue[])[]): string {
  return rows.map(csvRow).join("");
}

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** The bytes of the file: UTF-8 with BOM (so Excel does not guess), or Shift_JIS ("?" for what it lacks). */
export function encodeCsv(text: string, encoding: CsvEncoding): Buffer {
  return encoding === "utf8" ? Buffer.concat([BOM, Buffer.from(text, "utf8")]) : iconv.encode(text, "Shift_JIS");
}

export function decodeCsv(bytes: Buffer, encoding: CsvEncoding): string {
  return encoding === "utf8" ? bytes.subarray(bytes.subarray(0, 3).equals(BOM) ? 3 : 0).toString("utf8") : iconv.decode(bytes, "Shift_JIS");
}
