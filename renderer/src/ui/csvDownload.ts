import { downloadFiles } from '../exports/downloadFiles';
import { csvFileName, csvText, type CsvCell } from './csv';

/** A table the user can save as CSV: its name (for the file) and its cells. */
export interface CsvTable {
  name: string;
  header: readonly string[];
  rows: readonly (readonly CsvCell[])[];
}

/** Saves a table as a CSV file through the browser's (or Electron's) download. */
export function downloadCsv(table: CsvTable): Promise<void> {
  // The byte order mark makes spreadsheet programs read the file as UTF-8 (names in Arabic, accents).
  return downloadFiles([{ fileName: csvFileName(table.name), mimeType: 'text/csv;charset=utf-8', content: `\uFEFF${csvText(table.header, table.rows)}` }], csvFileName(table.name));
}
