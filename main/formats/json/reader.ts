import { ApiError } from '../../../common/api';
import { headlineOf } from '../../../common/articleText';
import { InvalidJsonExportError, parseJsonExport, type ParsedJsonExport } from './writer';
import type { ImportedArticle } from '../adapter';

/**
 * Re-importing this app's own JSON export (main/export/json.ts): the document with every annotation record,
 * the registry entities they link to, and the article's identity (id, status, timestamps), so that exporting
 * the import again gives the same file. Nothing is rebuilt from text: the exporter's own reader checks the
 * file and the document, and any problem refuses the whole file.
 */

// The reader's messages are sentences of their own; after "cannot be imported:" they continue one.
function continuing(message: string): string {
  return message.charAt(0).toLowerCase() + message.slice(1);
}

/**
 * Reads a JSON export as an imported article. Refuses anything else (other JSON, a newer format version,
 * a document or records that do not check) with an 'invalid_file' ApiError naming `what`.
 */
export function readJsonExport(what: string, text: string): ImportedArticle {
  let parsed: ParsedJsonExport;
  try {
    parsed = parseJsonExport(text);
  } catch (error) {
    if (error instanceof InvalidJsonExportError) throw new ApiError('invalid_file', `${what} cannot be imported: ${continuing(error.message)}`);
    throw error;
  }
  const { article, doc, entities } = parsed;
  return {
    // The headline as it is, even when empty: the summary's "Untitled article" is not part of the document.
    title: headlineOf(doc),
    source: article.source,
    doc: doc.toJSON(),
    warnings: [],
    entities,
    origin: { id: article.id, status: article.status, createdAt: article.createdAt, updatedAt: article.updatedAt },
  };
}
