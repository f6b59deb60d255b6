import { maxImportBytes, type ArticleSummary } from '../../common/api';
import { headlineOf, parseArticleDocument } from '../../common/articleText';
import { parseImportedFile, parsePastedText, type ImportedArticle } from '../import';
import type { Store } from '../store/index';
import { ServiceError, type ApiHandlers } from './apiDispatch';
import { withHeadline } from './articleDocument';
import { createArticle } from './articleWriter';

// A plain character class: a pattern of repeated groups overflows the stack on a 7 MB string.
const base64Characters = /^[A-Za-z0-9+/]*={0,2}$/;

function isBase64(text: string): boolean {
  return text.length % 4 === 0 && base64Characters.test(text);
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`;
}

function ensureWithinLimit(byteLength: number, what: string): void {
  if (byteLength <= maxImportBytes) return;
  // Just over the limit, megabytes round to the same figure; exact bytes then say why it was refused.
  const sameInMegabytes = megabytes(byteLength) === megabytes(maxImportBytes);
  const size = (bytes: number) => (sameInMegabytes ? `${bytes.toLocaleString('en')} bytes` : megabytes(bytes));
  throw new ServiceError('too_large', `${what} is ${size(byteLength)}; the import limit is ${size(maxImportBytes)}.`);
}

// The importer proposes a title; it becomes the headline when the document has none, since title = headline.
function storeImported(store: Store, imported: ImportedArticle): ArticleSummary {
  let doc = parseArticleDocument(imported.doc);
  if (!headlineOf(doc) && imported.title.trim()) doc = withHeadline(doc, imported.title);
  return createArticle(store, { doc, source: imported.source }, new Date().toISOString());
}

/** The import methods: a file sent as base64, or pasted text; both enforce the import size limit first. */
export function createImportHandlers(store: Store): Pick<ApiHandlers, 'importFile' | 'importText'> {
  return {
    async importFile({ fileName, bytesBase64 }) {
      if (!isBase64(bytesBase64)) throw new ServiceError('invalid_argument', 'The file contents did not arrive as base64.');
      const bytes = Buffer.from(bytesBase64, 'base64');
      ensureWithinLimit(bytes.byteLength, `"${fileName}"`);
      return storeImported(store, await parseImportedFile(fileName, new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength)));
    },
    importText({ text, title }) {
      ensureWithinLimit(Buffer.byteLength(text, 'utf8'), 'The pasted text');
      return storeImported(store, parsePastedText(text, title));
    },
  };
}
