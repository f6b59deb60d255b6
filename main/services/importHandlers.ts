import { ApiError } from '../../common/api';
import type { Node as ProseMirrorNode } from 'prosemirror-model';
import type { AnnotationMap } from '../../common/annotation';
import type { ImportResult } from '../../common/api';
import { annotationsOf, headlineOf, parseArticleDocument } from '../../common/articleText';
import { parseImportedFile, parsePastedText, type ImportedArticle, type ImportedArticleOrigin } from '../formats/importFile';
import type { Store } from '../store/index';
import { type ApiHandlers } from './apiDispatch';
import { withHeadline } from './articleDocument';
import { createArticle, type NewArticle } from './articleWriter';
import { registerImportedEntities, relinkImportedRecords } from './importedEntities';

// A plain character class: a pattern of repeated groups overflows the stack on a 7 MB string.
const base64Characters = /^[A-Za-z0-9+/]*={0,2}$/;

function isBase64(text: string): boolean {
  return text.length % 4 === 0 && base64Characters.test(text);
}

// Ids this app writes look like art_0123abcd…; a kept id is held to plain characters, whatever a file says.
const keepableArticleId = /^[A-Za-z0-9_.:-]{1,100}$/;

function isTimestamp(text: string | undefined): text is string {
  return text !== undefined && !Number.isNaN(Date.parse(text));
}

// What of the exported article's identity a new article keeps: its id when no article has it (else a new one,
// said in a warning), and its status and valid timestamps. Runs inside the import's transaction.
function keptIdentity(store: Store, origin: ImportedArticleOrigin, warnings: string[]): NonNullable<NewArticle['kept']> {
  const kept: NonNullable<NewArticle['kept']> = {
    status: origin.status,
    createdAt: isTimestamp(origin.createdAt) ? origin.createdAt : undefined,
    updatedAt: isTimestamp(origin.updatedAt) ? origin.updatedAt : undefined,
  };
  if (!keepableArticleId.test(origin.id)) return kept;
  if (!store.articles.exists(origin.id)) return { ...kept, id: origin.id };
  warnings.push(`An article with the id ${origin.id} is already in the database, so the imported copy was given a new id.`);
  return kept;
}

// The same document holding other annotation records; the marks keep their ids, so nothing else changes.
function withRecords(doc: ProseMirrorNode, records: AnnotationMap): ProseMirrorNode {
  return doc.type.create({ ...doc.attrs, annotations: records }, doc.content, doc.marks);
}

// The importer proposes a title; it becomes the headline when the document has none, since title = headline.
// An export of this app brings its entities and identity too: they are stored with the article, all or nothing.
function storeImported(store: Store, imported: ImportedArticle): ImportResult {
  let doc = parseArticleDocument(imported.doc);
  if (!headlineOf(doc) && imported.title.trim()) doc = withHeadline(doc, imported.title);
  const now = new Date().toISOString();
  return store.transaction(() => {
    const warnings = [...(imported.warnings ?? [])];
    const links = registerImportedEntities(store, imported.entities ?? []);
    warnings.push(...links.warnings);
    const linked = links.relinked.size > 0 ? withRecords(doc, relinkImportedRecords(annotationsOf(doc), links.relinked)) : doc;
    const kept = imported.origin ? keptIdentity(store, imported.origin, warnings) : undefined;
    const summary = createArticle(store, { doc: linked, source: imported.source, kept }, now);
    return warnings.length > 0 ? { ...summary, importWarnings: warnings } : summary;
  });
}

/** The import methods: a file sent as base64, or pasted text; the importer enforces the size limit first. */
export function createImportHandlers(store: Store): Pick<ApiHandlers, 'importFile' | 'importText'> {
  return {
    async importFile({ fileName, bytesBase64 }) {
      if (!isBase64(bytesBase64)) throw new ApiError('invalid_argument', 'The file contents did not arrive as base64.');
      const bytes = Buffer.from(bytesBase64, 'base64');
      return storeImported(store, await parseImportedFile(fileName, new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength)));
    },
    importText({ text, title }) {
      return storeImported(store, parsePastedText(text, title));
    },
  };
}
