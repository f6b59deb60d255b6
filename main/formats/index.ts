import type { FormatName } from '../../common/formats';
import type { FormatAdapter } from './adapter';
import { bratFormat } from './brat/index';
import { conllFormat } from './conll/index';
import { csvFormat } from './csv/index';
import { docxFormat } from './docx/index';
import { htmlFormat } from './html/index';
import { jsonFormat } from './json/index';
import { markdownFormat } from './markdown/index';
import { nitfFormat } from './nitf/index';
import { plaintextFormat } from './plaintext/index';
import { wadmFormat } from './wadm/index';

/**
 * Every file format, each behind the one adapter interface (./adapter.ts). Importing and exporting choose an
 * adapter here and nowhere else, so a format added to this table and to common/formats.ts is everywhere.
 */
export const formatAdapters: Record<FormatName, FormatAdapter> = {
  plaintext: plaintextFormat,
  markdown: markdownFormat,
  html: htmlFormat,
  docx: docxFormat,
  nitf: nitfFormat,
  json: jsonFormat,
  wadm: wadmFormat,
  brat: bratFormat,
  conll: conllFormat,
  csv: csvFormat,
};
