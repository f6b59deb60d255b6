import { ApiError } from '../../common/api';
import type { ArticleRevision, RevisionEntry, SaveResult } from '../../common/api';
import type { DocumentPatch } from '../../common/documentPatch';
import { Node as ProseMirrorNode } from 'prosemirror-model';
import { packedBlockOf, packedDocumentOf, type PackedBlock, type PackedDocument } from '../../common/packedDocument';
import { articleSchema } from '../../common/schema';
import type { Store } from '../store/index';
import type { ApiHandlers } from './apiDispatch';
import { documentOfPacked } from './articleDocument';
import { articleNotFound, saveArticleDocument } from './articleWriter';

// The history view asks for a page of revisions; an article saved every second for a day has 86,400.
const defaultRevisionListLimit = 500;

function revisionNotKept(revision: number): ApiError {
  return new ApiError('not_found', `Revision ${revision} of this article is not kept (it is newer than the article, or older than its history).`);
}

// A revision's patch as stored: its blocks packed, or (saved before the store kept blocks packed) as
// ProseMirror JSON.
type StoredPatch = Omit<DocumentPatch, 'blocks'> & ({ packedBlocks: PackedBlock[] } | { blocks: unknown[] });

// A snapshot as stored: the packed document, or (taken before the store kept blocks packed) ProseMirror JSON.
function packedSnapshot(json: { type?: unknown }): PackedDocument {
  if (json.type !== 'doc') return json as PackedDocument;
  const doc = ProseMirrorNode.fromJSON(articleSchema, json);
  return { records: { ...(doc.attrs.annotations as PackedDocument['records']) }, blocks: packedDocumentOf(doc).blocks };
}

// Applies a stored revision's patch to a document being rebuilt, in place: the patches were checked when they
// were saved, and copying a 10,000-record map for each of many patches would cost seconds.
function applyStoredPatch(doc: PackedDocument, patch: StoredPatch): void {
  const blocks = 'packedBlocks' in patch ? patch.packedBlocks : patch.blocks.map((json) => packedBlockOf(ProseMirrorNode.fromJSON(articleSchema, json)));
  doc.blocks.splice(patch.from, patch.to - patch.from, ...blocks);
  for (const [id, record] of Object.entries(patch.records as PackedDocument['records'])) doc.records[id] = record;
  for (const id of patch.removedRecordIds) delete doc.records[id];
}

/**
 * The document of an article at `revision`, packed: the newest snapshot at or before it, with the patches of
 * the revisions after the snapshot applied in order. Snapshots are taken when the patches since the last one
 * outweigh it, so this reads at most about twice a document's size whatever the revision.
 */
export function documentAtRevision(store: Store, articleId: string, revision: number): PackedDocument {
  return store.read(() => {
    const current = store.articles.revision(articleId);
    if (current === undefined) throw articleNotFound();
    if (revision > current || !store.revisions.has(articleId, revision)) throw revisionNotKept(revision);
    const snapshot = store.revisions.snapshotAtOrBefore(articleId, revision);
    if (!snapshot) throw revisionNotKept(revision);
    const doc = packedSnapshot(JSON.parse(snapshot.docJson) as { type?: unknown });
    for (const patchJson of store.revisions.patchesBetween(articleId, snapshot.revision, revision)) {
      applyStoredPatch(doc, JSON.parse(patchJson) as StoredPatch);
    }
    return doc;
  });
}

/** Brings back the document of an earlier revision as the next revision, on top of `baseRevision`. */
export function restoreRevision(store: Store, articleId: string, revision: number, baseRevision: number, now: string): SaveResult {
  // Rebuilt and checked before the write transaction, like any whole document received.
  const doc = documentOfPacked(documentAtRevision(store, articleId, revision));
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
      return store.read(() => ({ ...entryOf(id, revision), articleId: id, document: documentAtRevision(store, id, revision) }));
    },
    restoreRevision({ id, revision, baseRevision }) {
      return restoreRevision(store, id, revision, baseRevision, new Date().toISOString());
    },
  };
}
