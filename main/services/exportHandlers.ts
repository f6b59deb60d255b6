import { ApiError } from '../../common/api';
import type { Node as ProseMirrorNode } from 'prosemirror-model';
import type { AnnotationMap } from '../../common/model/annotation';
import type { ArticleExport, EntityRecord, ExportFormatName } from '../../common/api';
import { annotationsOf } from '../../common/articleText';
import { exportArticle, type ExportableArticle } from '../formats/exportArticle';
import type { Store } from '../store/index';
import type { StoredArticle } from '../store/articlesRepo';
import { type ApiHandlers } from './apiDispatch';
import { storedDocument } from './articleDocument';
import { collectAfterLargeCall } from './heapCollection';
import { articleNotFound } from './articleWriter';
import { linkedEntityIds } from '../../common/model/entityLinks';
import { withoutSuggestions } from '../../common/model/suggestions';

/**
 * Export through the services: the stored article, its checked document and the registry entities its tags
 * point at, handed to the one exporter registry (main/export), so the app, the browser host and the CLI
 * write the same bytes.
 */

// An id the registry no longer holds (the entity was deleted, or the document came from another desk) is
// left out: the exporters then write the name the record carries, without registry fields.
function registryEntities(store: Store, annotations: AnnotationMap): Map<string, EntityRecord> {
  const entities = new Map<string, EntityRecord>();
  // Many mentions share an entity: each id is looked up once.
  const seen = new Set<string>();
  for (const record of Object.values(annotations)) {
    for (const id of linkedEntityIds(record)) {
      if (seen.has(id)) continue;
      seen.add(id);
      const entity = store.entities.find(id);
      if (entity) entities.set(id, entity);
    }
  }
  return entities;
}

// What the store holds for one article; not_found for an id it does not hold.
function storedArticle(store: Store, id: string): StoredArticle {
  const stored = store.articles.find(id);
  if (!stored) throw articleNotFound();
  return stored;
}

// The checked document and registry entities of a stored article.
function exportableOf(store: Store, { packedJson, revision: _revision, ...article }: StoredArticle, includeSuggestions: boolean): ExportableArticle {
  let doc: ProseMirrorNode;
  try {
    doc = storedDocument(packedJson);
    if (!includeSuggestions) doc = withoutSuggestions(doc);
  } catch (error) {
    throw new ApiError('internal', `The stored document of "${article.title}" (${article.id}) is damaged and cannot be exported: ${(error as Error).message}`);
  }
  const annotations = annotationsOf(doc);
  return { article, doc, annotations, entities: registryEntities(store, annotations) };
}

/**
 * Everything an exporter needs about one stored article. Throws not_found for an id the database does not
 * hold, and an 'internal' ApiError naming the article when its stored document is damaged (not JSON, or
 * no longer fits the schema), so a batch export can report that one article and go on.
 */
export function loadExportableArticle(store: Store, id: string, includeSuggestions = false): ExportableArticle {
  return exportableOf(store, storedArticle(store, id), includeSuggestions);
}

/** Exports one stored article in one format: the files to write and what the format could not express. */
export function exportStoredArticle(store: Store, id: string, format: ExportFormatName, includeSuggestions = false): ArticleExport {
  const stored = storedArticle(store, id);
  // What earlier calls left is collected first, so the export's garbage is not let pile up on theirs.
  collectAfterLargeCall(stored.packedJson.length);
  const { files, warnings } = exportArticle(format, exportableOf(store, stored, includeSuggestions));
  return { articleId: id, files, warnings };
}

/** The export method of the contract. */
export function createExportHandlers(store: Store): Pick<ApiHandlers, 'exportArticle'> {
  return {
    exportArticle({ id, format, includeSuggestions }) {
      return exportStoredArticle(store, id, format, includeSuggestions);
    },
  };
}
