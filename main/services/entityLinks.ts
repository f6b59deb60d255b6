import type { Node as ProseMirrorNode } from 'prosemirror-model';
import { Transform } from 'prosemirror-transform';
import { highlightLabel, type Annotation, type AnnotationMap, type EntityType } from '../../common/model/annotation';
import { entityLinkFields, linkedEntityOf, withEntityLink } from '../../common/model/entityLinks';
import type { MovedLink, Store } from '../store/index';
import { storedDocument } from './articleDocument';
import { saveArticleDocument } from './articleWriter';

/**
 * Server-side changes of the links between annotations and registry entities (merge, delete, undo, retype).
 * A record lives twice, in the article's document and as an annotation row, so every change goes through
 * saveArticleDocument: both copies change together and the article gets a new revision, which makes an
 * editor still holding the older revision meet a conflict instead of silently writing the old link back.
 */

// Content marks carry their record's highlight label, so that the editor colours without a lookup: when a
// rewrite changes the label (a mention takes another type), the marks follow, as they do in the editor.
function relabelMarks(doc: ProseMirrorNode, labels: ReadonlyMap<string, string>): ProseMirrorNode {
  const tr = new Transform(doc);
  doc.descendants((node, pos) => {
    if (!node.isText) return true;
    for (const mark of node.marks) {
      const label = mark.type.name === 'annotation' && mark.attrs.part !== 'cue' ? labels.get(String(mark.attrs.id)) : undefined;
      if (label === undefined || mark.attrs.label === label) continue;
      // Mark steps leave positions as they are, so positions read from the original document stay valid.
      tr.removeMark(pos, pos + node.nodeSize, mark).addMark(pos, pos + node.nodeSize, mark.type.create({ ...mark.attrs, label }));
    }
    return false;
  });
  return tr.doc;
}

/** What a relinking changed: the links it moved and the articles that got a new revision. */
export interface Relinking {
  links: MovedLink[];
  changedArticleIds: string[];
}

/** How many of the links are entity mentions (attribution speakers and media are not mentions). */
export function mentionCount(links: readonly MovedLink[]): number {
  return links.filter((link) => link.field === 'entity').length;
}

/**
 * Applies `rewrite` to every annotation record of the given articles and stores each article where a record
 * changed (`rewrite` returned a new object) as its next revision, articles in the trash included (they stay
 * there). Articles that no longer exist are skipped.
 * Must run inside a store transaction, so that all the articles change or none. Returns the changed articles.
 */
export function rewriteArticleRecords(
  store: Store,
  articleIds: Iterable<string>,
  rewrite: (record: Annotation, articleId: string) => Annotation,
  now: string,
): string[] {
  const changedArticleIds: string[] = [];
  for (const articleId of articleIds) {
    // An article in the trash keeps its links too: it comes back from the trash as it would have been, so
    // it is taken out for the rewrite and put back with its original deletion time.
    const trashedAt = store.articles.trashedAt(articleId);
    if (trashedAt !== undefined) store.articles.untrash(articleId);
    try {
      if (rewriteOneArticle(store, articleId, rewrite, now)) changedArticleIds.push(articleId);
    } finally {
      if (trashedAt !== undefined) store.articles.trash(articleId, trashedAt);
    }
  }
  return changedArticleIds;
}

// Rewrites one article outside the trash as rewriteArticleRecords describes; true when it changed.
function rewriteOneArticle(store: Store, articleId: string, rewrite: (record: Annotation, articleId: string) => Annotation, now: string): boolean {
  const article = store.articles.find(articleId);
  if (!article) return false;
  const doc = storedDocument(article.packedJson);
  const records = doc.attrs.annotations as AnnotationMap;
  const rewritten: AnnotationMap = {};
  const labels = new Map<string, string>();
  let changed = false;
  for (const [id, record] of Object.entries(records)) {
    const next = rewrite(record, articleId);
    rewritten[id] = next;
    if (next === record) continue;
    changed = true;
    if (highlightLabel(next) !== highlightLabel(record)) labels.set(id, highlightLabel(next));
  }
  if (!changed) return false;
  const updated = doc.type.create({ ...doc.attrs, annotations: rewritten }, doc.content, doc.marks);
  saveArticleDocument(store, articleId, article.revision, labels.size > 0 ? relabelMarks(updated, labels) : updated, now, { reason: 'registry' });
  return true;
}

/**
 * Points every link to entity `fromId` (mentions, quoted speakers and media, in every article) at `to.id`,
 * or unlinks them when it is null. With `to.type`, mentions take that type; a mention whose type changed
 * remembers the old one in its moved link. Must run inside a store transaction.
 */
export function relinkEntity(store: Store, fromId: string, to: { id: string | null; type?: EntityType }, now: string): Relinking {
  const links: MovedLink[] = [];
  const changedArticleIds = rewriteArticleRecords(
    store,
    store.annotations.articlesLinkedTo(fromId),
    (record, articleId) => {
      let result = record;
      for (const field of entityLinkFields) {
        if (linkedEntityOf(record, field) !== fromId) continue;
        const previousType = field === 'entity' && record.kind === 'entity' && to.type && to.type !== record.entityType ? record.entityType : undefined;
        if (to.id === fromId && previousType === undefined) continue;
        result = withEntityLink(result, field, to.id, to.type);
        links.push({ articleId, annotationId: record.id, field, ...(previousType ? { entityType: previousType } : {}) });
      }
      return result;
    },
    now,
  );
  return { links, changedArticleIds };
}

/**
 * Points the given links back from entity `fromId` to `toId`, each where it still links to `fromId` (an editor
 * may have relinked or deleted it since), and gives mentions back the type they remembered. The reverse of
 * relinkEntity for exactly the links it moved (`fromId` null: links a deletion removed). Must run inside a store transaction.
 */
export function restoreLinks(store: Store, links: readonly MovedLink[], fromId: string | null, toId: string, now: string): Relinking {
  const byArticle = new Map<string, Map<string, MovedLink[]>>();
  for (const link of links) {
    const annotations = byArticle.get(link.articleId) ?? new Map<string, MovedLink[]>();
    annotations.set(link.annotationId, [...(annotations.get(link.annotationId) ?? []), link]);
    byArticle.set(link.articleId, annotations);
  }
  const restored: MovedLink[] = [];
  const changedArticleIds = rewriteArticleRecords(
    store,
    byArticle.keys(),
    (record, articleId) => {
      let result = record;
      for (const link of byArticle.get(articleId)?.get(record.id) ?? []) {
        if (linkedEntityOf(record, link.field) !== fromId) continue;
        result = withEntityLink(result, link.field, toId, link.entityType);
        restored.push(link);
      }
      return result;
    },
    now,
  );
  return { links: restored, changedArticleIds };
}
