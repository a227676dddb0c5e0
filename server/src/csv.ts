/**
 * CSV as RFC 4180 writes it (comma-separated, CRLF line ends, quotes doubled inside quoted cells),
 * made safe to open in a spreadsheet: a text cell that a spreadsheet would run as a formula is
 * prefixed with a single quote (OWASP "CSV injection").
 */

export type CsvValue = string | number | boolean | null | undefined;

/** First characters that make Excel, LibreOffice or Google Sheets read a cell as a formula (with the full-width forms). */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** The UTF-8 byte order mark: without it Excel reads the file in the local code page and garbles accents. */
export const CSV_BOM = '\uFEFF';

/** One cell: empty for null, text guarded against formulas, quoted when it holds a comma, quote or line break. */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  let text = typeof value === 'string' ? value : String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One record, ending in CRLF. */
export function csvLine(values: readonly CsvValue[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}

/** A whole document: the byte order mark, the header row, then one line per row. */
export function csvDocument(header: readonly string[], rows: Iterable<readonly CsvValue[]>): string {
  const lines = [CSV_BOM, csvLine(header)];
  for (const row of rows) lines.push(csvLine(row));
  return lines.join('');
}
