import { readingResult, type FormatAdapter } from '../adapter';
import { parsePlainText } from './reader';
import { decodeText, describeFile } from '../shared/decodeText';
import { buildImportedArticle } from '../shared/articleDraft';

/** Plain text: read only (the app exports text inside every other format). */
export const plaintextFormat: FormatAdapter = {
  name: 'plaintext',
  reader: { read: (file) => readingResult(async () => buildImportedArticle(describeFile(file.fileName), parsePlainText(decodeText(file.fileName, file.bytes)))) },
};
