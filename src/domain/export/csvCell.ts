/** A value as it goes into a CSV cell: text, a number, a yes/no, or nothing. */
export type CsvValue = string | number | boolean | null | undefined;

/*
 * Text starting with one of these is read as a formula by Excel, LibreOffice and Google Sheets
 * (OWASP, "CSV Injection"): such a cell is prefixed with a single quote, which those programs
 * show as text and do not evaluate.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
/** RFC 4180 §2.6: fields with a comma, a double quote or a line break are quoted. */
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * One CSV field. Numbers stay numbers (a negative number is not a formula), so spreadsheets can
 * sum them; text is made inert and quoted as RFC 4180 says (§2.7: a quote inside is doubled).
 */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const inert = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(inert) ? `"${inert.replaceAll('"', '""')}"` : inert;
}

/** Rows as CSV text: UTF-8 byte order mark first (Excel reads Chinese text right only with it), CRLF after every record. */
export function csvText(rows: readonly (readonly CsvValue[])[]): string {
  return `\uFEFF${rows.map((row) => `${row.map(csvCell).join(',')}\r\n`).join('')}`;
}
