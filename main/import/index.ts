import type { ArticleStatus, EntityRecord } from '../../common/api';
import { ServiceError } from '../services/apiDispatch';
import { buildImportedArticle, type DraftArticle } from './articleDraft';
import { assertWithinImportLimit, checkImportedText, decodeText, describeFile, sniffBinaryKind } from './decodeText';
import { parseDocx } from './docx';
import { parseHtml } from './html';
import { readJsonExport } from './jsonExport';
import { parseMarkdown } from './markdown';
import { parseNitf } from './nitf';
import { parsePlainText } from './plainText';
import { importFormats } from '../../common/api';

/**
 * Import: files and pasted text in, checked article documents out. Pure TypeScript on Node, so the app,
 * the loopback host and the command line share it. Every refusal is a ServiceError ('invalid_file' or
 * 'too_large') whose message names the file and the problem; nothing half-read is ever returned.
 */

/** An article read from a file or pasted text, ready to be stored. */
export interface ImportedArticle {
  // The headline's text: the source's own, or one proposed from its opening when it has none.
  title: string;
  // Who the article is from (byline, agency or source line) as the copy says, or '' when it does not.
  source: string;
  // ProseMirror JSON of the article, valid for articleSchema (check it with parseArticleDocument).
  doc: unknown;
  // What the reader could not carry over and a person should know: Word comments, tracked changes.
  warnings?: string[];
  // From this app's own exports (JSON, NITF with its record): the registry entities the annotations link to,
  // and the article's identity, which the import keeps where the database allows.
  entities?: EntityRecord[];
  origin?: ImportedArticleOrigin;
}

/**
 * What this app's own export says about the article itself. The id is kept when the database has no article
 * with it; the other fields are kept as they are, so that exporting the import again gives the same file.
 */
export interface ImportedArticleOrigin {
  id: string;
  status?: ArticleStatus;
  createdAt?: string;
  updatedAt?: string;
}

export { importFormats, type ImportFormat } from '../../common/api';

function extensionOf(fileName: string): string {
  const baseName = fileName.split(/[\\/]/).pop() ?? '';
  const dot = baseName.lastIndexOf('.');
  return dot > 0 ? baseName.slice(dot + 1).toLowerCase() : '';
}

function unknownFormat(what: string, extension: string, bytes: Uint8Array): ServiceError {
  const binaryKind = sniffBinaryKind(bytes);
  const found = binaryKind ? ` It looks like ${binaryKind}.` : '';
  const supported = importFormats.map((format) => `${format.label} (${format.extensions.map((ext) => `.${ext}`).join(', ')})`).join(', ');
  const kind = extension ? `.${extension} files` : 'files without an extension';
  return new ServiceError('invalid_file', `${what} cannot be imported: ${kind} are not a supported format.${found} Supported formats: ${supported}.`);
}

async function readDraft(fileName: string, bytes: Uint8Array): Promise<DraftArticle> {
  const what = describeFile(fileName);
  const extension = extensionOf(fileName);
  switch (extension) {
    case 'txt':
    case 'text':
      return parsePlainText(decodeText(fileName, bytes));
    case 'md':
    case 'markdown':
      return parseMarkdown(decodeText(fileName, bytes));
    case 'html':
    case 'htm':
    case 'xhtml':
      return parseHtml(decodeText(fileName, bytes));
    case 'docx':
      return parseDocx(what, bytes);
    case 'xml':
    case 'nitf':
      return parseNitf(what, decodeText(fileName, bytes));
    default:
      throw unknownFormat(what, extension, bytes);
  }
}

/**
 * Reads an imported file, choosing the reader by the file's extension and checking that the content is
 * what the extension claims. Refuses files over the import limit, empty, binary or wrongly encoded text,
 * hostile archives and XML, and unknown formats, with a message naming the file and the problem.
 */
export async function parseImportedFile(fileName: string, bytes: Uint8Array): Promise<ImportedArticle> {
  const what = describeFile(fileName);
  assertWithinImportLimit(what, bytes.byteLength);
  // Our own JSON is already a whole article (document, records, entities), not a draft to build.
  if (extensionOf(fileName) === 'json') return readJsonExport(what, decodeText(fileName, bytes));
  return buildImportedArticle(what, await readDraft(fileName, bytes));
}

/**
 * Reads pasted text as a plain-text article. A non-empty `title` becomes the headline (and a first line
 * repeating it is not kept twice); otherwise the text's own headline is used or one is proposed.
 */
export function parsePastedText(text: string, title?: string): ImportedArticle {
  const what = 'The pasted text';
  assertWithinImportLimit(what, Buffer.byteLength(text, 'utf8'));
  return buildImportedArticle(what, parsePlainText(checkImportedText(what, text), title));
}
