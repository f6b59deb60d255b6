import { ApiError, importFormats } from '../../common/api';
import { fileExtension, importFormatOf } from '../../common/formats';
import { wellFormedJson } from '../../common/wellFormedText';
import type { ImportedArticle } from './adapter';
import { formatAdapters } from './index';
import { parsePlainText } from './plaintext/reader';
import { buildImportedArticle } from './shared/articleDraft';
import { assertImportedTagCount } from './shared/expansionLimits';
import { assertWithinImportLimit, checkImportedText, describeFile, sniffBinaryKind } from './shared/decodeText';

/**
 * Import: files and pasted text in, checked article documents out. Pure TypeScript on Node, so the app,
 * the loopback host and the command line share it. Every refusal is an ApiError ('invalid_file' or
 * 'too_large') whose message names the file and the problem; nothing half-read is ever returned.
 */

export type { ImportedArticle, ImportedArticleOrigin } from './adapter';
export { importFormats, type ImportFormat } from '../../common/api';

function unknownFormat(what: string, extension: string, bytes: Uint8Array): ApiError {
  const binaryKind = sniffBinaryKind(bytes);
  const found = binaryKind ? ` It looks like ${binaryKind}.` : '';
  const supported = importFormats.map((format) => `${format.label} (${format.extensions.map((ext) => `.${ext}`).join(', ')})`).join(', ');
  const kind = extension ? `.${extension} files` : 'files without an extension';
  return new ApiError('invalid_file', `${what} cannot be imported: ${kind} are not a supported format.${found} Supported formats: ${supported}.`);
}

/**
 * Reads an imported file, choosing the reader by the file's extension and checking that the content is
 * what the extension claims. Refuses files over the import limit, empty, binary or wrongly encoded text,
 * hostile archives and XML, and unknown formats, with a message naming the file and the problem.
 */
export async function parseImportedFile(fileName: string, bytes: Uint8Array): Promise<ImportedArticle> {
  const what = describeFile(fileName);
  assertWithinImportLimit(what, bytes.byteLength);
  const format = importFormatOf(fileName);
  const reader = format ? formatAdapters[format].reader : undefined;
  if (!reader) throw unknownFormat(what, fileExtension(fileName), bytes);
  const result = await reader.read({ fileName, bytes });
  if (!result.ok) throw new ApiError(result.error.code, result.error.message);
  const tags = Object.keys((result.article.doc as { attrs?: { annotations?: object } }).attrs?.annotations ?? {}).length;
  assertImportedTagCount(what, tags);
  // Escapes in JSON and character references in XML can still spell a lone surrogate: see wellFormedText.ts.
  return wellFormedJson(result.article);
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
