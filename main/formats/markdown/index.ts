import { readingResult, type FormatAdapter } from '../adapter';
import { parseMarkdown } from './reader';
import { decodeText, describeFile } from '../shared/decodeText';
import { buildImportedArticle } from '../shared/articleDraft';

/** Markdown: read only. */
export const markdownFormat: FormatAdapter = {
  name: 'markdown',
  reader: { read: (file) => readingResult(async () => buildImportedArticle(describeFile(file.fileName), parseMarkdown(decodeText(file.fileName, file.bytes)))) },
};
