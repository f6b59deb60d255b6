import { readingResult, type FormatAdapter } from '../adapter';
import { parseDocx } from './reader';
import { describeFile } from '../shared/decodeText';
import { buildImportedArticle } from '../shared/articleDraft';

/** Word .docx: read only, through mammoth and the HTML reader. */
export const docxFormat: FormatAdapter = {
  name: 'docx',
  reader: { read: (file) => readingResult(async () => buildImportedArticle(describeFile(file.fileName), await parseDocx(describeFile(file.fileName), file.bytes))) },
};
