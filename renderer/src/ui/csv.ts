// The cell rules are the app's one definition of CSV, shared with the article export in main.
export { csvText, type CsvCell } from '../../../common/csv';

/** A file name for a CSV export: the words given, lower case, joined by hyphens, ending in .csv. */
export function csvFileName(words: string): string {
  const base = words.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/gu, '');
  return `${base || 'table'}.csv`;
}
