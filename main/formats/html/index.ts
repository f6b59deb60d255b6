import { readingResult, type FormatAdapter } from '../adapter';
import { parseHtml } from './reader';
import { decodeText, describeFile } from '../shared/decodeText';
import { buildImportedArticle } from '../shared/articleDraft';
import { htmlWriter } from './writer';

/** HTML: read (sanitised) and written (a styled page with highlights). */
export const htmlFormat: FormatAdapter = {
  name: 'html',
  reader: { read: (file) => readingResult(async () => buildImportedArticle(describeFile(file.fileName), parseHtml(decodeText(file.fileName, file.bytes)))) },
  writer: htmlWriter,
};
