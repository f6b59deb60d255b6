import type { FormatAdapter } from '../adapter';
import { bratWriter } from './writer';

/** brat standoff: written. */
export const bratFormat: FormatAdapter = {
  name: 'brat',
  writer: bratWriter,
};
