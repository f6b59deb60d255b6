import { ApiError } from '../../common/api';
import type { ArticleRevision, RevisionEntry, SaveResult } from '../../common/api';
import type { DocumentPatch } from '../../common/documentPatch';
import type { Store } from '../store/index';
import type { ApiHandlers } from './apiDispatch';
import { storedDocument } from './articleDocument';
import { articleNotFound, saveArticleDocument } from './articleWriter';

// The history view asks for a page of revisions; an article saved every second for a day has 86,400.
const defaultRevisionListLimit = 500;

function revisionNotKept(revision: number): ApiError {
  return new ApiError('not_found', `Revision ${revision} of this article is not kept (it is newer than the article, or older than its history).`);
}

interface StoredDocumentJson {
  attrs: { annotations: Record<string, unknown> };
  content: unknown[];
}

// Applies a stored revision's patch to a document being rebuilt, in place: the patches were checked when they
// were saved, and copying a 10,000-record map for each of many patches would cost seconds.
function applyStoredPatch(doc: StoredDocumentJson, patch: DocumentPatch): void {
  doc.content.splice(patch.from, patch.to - patch.from, ...patch.blocks);
  for (const [id, record] of Object.entries(patch.records)) doc.attrs.annotations[id] = record;
  for (const id of patch.removedRecordIds) delete doc.attrs.annotations[id];
}

/**
 * The document JSON of an article at `revision`: the newest snapshot at or before it, with the patches of the
 * revisions after the snapshot applied in order. Snapshots are taken when the patches since the last one
 * outweigh it, so this reads at most about twice a document's size whatever the revision.
 */
export function documentAtRevision(store: Store, articleId: string, revision: number): unknown {
  return store.read(() => {
    const current = store.articles.revision(articleId);
    if (current === undefined) throw articleNotFound();
    if (revision > current || !store.revisions.has(articleId, revision)) throw revisionNotKept(revision);
    const snapshot = store.revisions.snapshotAtOrBefore(articleId, revision);
    if (!snapshot) throw revisionNotKept(revision);
    const doc = JSON.parse(snapshot.docJson) as StoredDocumentJson;
    for (const patchJson of store.revisions.patchesBetween(articleId, snapshot.revision, revision)) {
      applyStoredPatch(doc, JSON.parse(patchJson) as DocumentPatch);
    }
    return doc;
  });
}

/** Brings back the document of an earlier revision as the next revision, on top of `baseRevision`. */
export function restoreRevision(store: Store, articleId: string, revision: number, baseRevision: number, now: string): SaveResult {
  // Rebuilt and checked before the write transaction, like any whole document received.
  const doc = storedDocument(JSON.stringify(documentAtRevision(store, articleId, revision)));
  return saveArticleDocument(store, articleId, baseRevision, doc, now, { reason: 'restored', restoredFrom: revision });
}

/** The history methods: list an article's revisions, read one, and restore one. */
export function createRevisionHandlers(store: Store): Pick<ApiHandlers, 'listRevisions' | 'getRevision' | 'restoreRevision'> {
  const entryOf = (articleId: string, revision: number): RevisionEntry => {
    const entry = store.revisions.find(articleId, revision);
    if (!entry) throw revisionNotKept(revision);
    return entry;
  };
  return {
    listRevisions({ id, limit }) {
      if (store.articles.revision(id) === undefined) throw articleNotFound();
      return store.revisions.list(id, limit ?? defaultRevisionListLimit);
    },
    getRevision({ id, revision }): ArticleRevision {
      return store.read(() => ({ ...entryOf(id, revision), articleId: id, doc: documentAtRevision(store, id, revision) }));
    },
    restoreRevision({ id, revision, baseRevision }) {
      return restoreRevision(store, id, revision, baseRevision, new Date().toISOString());
    },
  };
}
