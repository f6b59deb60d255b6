/**
 * CSV by RFC 4180, as every export of the app writes it (the article export in main, the desk's tables in the
 * renderer): fields separated by commas, records ended by CRLF, a field holding a comma, a double quote or a line
 * break enclosed in double quotes with its double quotes doubled; a text cell that a spreadsheet would run as a
 * formula defused with a leading apostrophe.
 */

/** One cell of a CSV table: text, or a number written as digits (never formatted for people: spreadsheets read it). */
export type CsvCell = string | number;

// A cell starting with one of these is run as a formula by Excel, LibreOffice or Google Sheets (OWASP); names and
// quotes come from imported copy.
const formulaStart = /^[=+\-@\t\r]/u;

/** Defuses a text cell that a spreadsheet would read as a formula, by prefixing an apostrophe. */
export function guardFormula(cell: string): string {
  return formulaStart.test(cell) ? `'${cell}` : cell;
}

/** Quotes a cell as RFC 4180 asks: when it holds a comma, a quote, CR or LF, with quotes doubled. */
export function quoteCsvCell(cell: string): string {
  return /[",\r\n]/u.test(cell) ? `"${cell.replace(/"/gu, '""')}"` : cell;
}

/** One field as written: a number as digits (nothing for one that is not finite), text defused, then quoted. */
export function csvField(cell: CsvCell): string {
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  return quoteCsvCell(guardFormula(cell));
}

/** A table as CSV text: the header row and the rows, each record ended by CRLF. */
export function csvText(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return [header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}
