import { readingResult, type FormatAdapter } from '../adapter';
import { parseNitf } from './reader';
import { decodeText, describeFile } from '../shared/decodeText';
import { buildImportedArticle } from '../shared/articleDraft';
import { nitfWriter } from './writer';

/** NITF 3.6: read (inline tags, or our own lossless record) and written. */
export const nitfFormat: FormatAdapter = {
  name: 'nitf',
  reader: { read: (file) => readingResult(async () => buildImportedArticle(describeFile(file.fileName), parseNitf(describeFile(file.fileName), decodeText(file.fileName, file.bytes)))) },
  writer: nitfWriter,
};
