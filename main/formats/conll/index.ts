import type { FormatAdapter } from '../adapter';
import { conllWriter } from './writer';

/** CoNLL IOB2: written. */
export const conllFormat: FormatAdapter = {
  name: 'conll',
  writer: conllWriter,
};
