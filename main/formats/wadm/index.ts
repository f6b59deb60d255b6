import type { FormatAdapter } from '../adapter';
import { wadmWriter } from './writer';

/** W3C Web Annotation (JSON-LD): written. */
export const wadmFormat: FormatAdapter = {
  name: 'wadm',
  writer: wadmWriter,
};
