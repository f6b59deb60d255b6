/** One cell of a CSV table: text, or a number written as digits (never formatted for people: spreadsheets read it). */
export type CsvCell = string | number;

// A spreadsheet runs a cell that starts with one of these as a formula; names and quotes come from imported copy.
const formulaStart = /^[=+\-@\t\r]/u;

function csvField(cell: CsvCell): string {
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  const text = formulaStart.test(cell) ? `'${cell}` : cell;
  return /[",\r\n]/u.test(text) ? `"${text.replace(/"/gu, '""')}"` : text;
}

/**
 * A table as CSV text by RFC 4180: fields separated by commas, records ended by CRLF, a field holding a comma, a
 * double quote or a line break enclosed in double quotes with its double quotes doubled. A text cell that a
 * spreadsheet would run as a formula is prefixed with an apostrophe.
 */
export function csvText(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return [header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** A file name for a CSV export: the words given, lower case, joined by hyphens, ending in .csv. */
export function csvFileName(words: string): string {
  const base = words.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/gu, '');
  return `${base || 'table'}.csv`;
}
