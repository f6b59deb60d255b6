import type { FormatAdapter } from '../adapter';
import { csvWriter } from './writer';

/** CSV, one row per tag: written. */
export const csvFormat: FormatAdapter = {
  name: 'csv',
  writer: csvWriter,
};
