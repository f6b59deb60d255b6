import { ApiError } from '../../common/api';
import type { Node as ProseMirrorNode } from 'prosemirror-model';
import { newId } from '../../common/annotation';
import type { ArticleStatus, ArticleSummary, ImportSource, SaveResult } from '../../common/api';
import { annotationsOf, articleText } from '../../common/articleText';
import type { Store } from '../store/index';
import { planAnnotationWrites, type AnnotationWritePlan } from './annotationRows';
import { articleTitle, countWords } from './articleDocument';

/** What a new article is made of: a checked document and where it came from. */
export interface NewArticle {
  doc: ProseMirrorNode;
  source: string;
  // Where an imported article was read from; absent for an article made in the app.
  importedFrom?: ImportSource;
  // What an import of this app's own export keeps (see importHandlers.ts); the caller checks the id is free.
  kept?: { id?: string; status?: ArticleStatus; createdAt?: string; updatedAt?: string };
}

/** The error for a save based on a revision that is no longer the stored one. */
export function revisionConflict(storedRevision: number, baseRevision: number): ApiError {
  return new ApiError(
    'conflict',
    `This article was saved elsewhere in the meantime (revision ${storedRevision}; this copy is based on revision ${baseRevision}). Reload it to continue from the latest version.`,
  );
}

/** The error for an article id that is not (or no longer) in the database. */
export function articleNotFound(): ApiError {
  return new ApiError('not_found', 'This article no longer exists; it may have been deleted.');
}

// The document as stored: records the plan flagged for review replace the ones the caller sent.
function documentJson(doc: ProseMirrorNode, plan: AnnotationWritePlan): string {
  const json = doc.toJSON() as { attrs?: Record<string, unknown> };
  if (plan.flaggedIds.length > 0) json.attrs = { ...json.attrs, annotations: plan.records };
  return JSON.stringify(json);
}

/** Stores a new article at revision 1 with its annotation rows, in one transaction. */
export function createArticle(store: Store, article: NewArticle, now: string): ArticleSummary {
  const id = article.kept?.id ?? newId('art');
  const { text, spans } = articleText(article.doc);
  const plan = planAnnotationWrites(id, annotationsOf(article.doc), text, spans, new Map());
  return store.transaction(() => {
    store.articles.insert({
      id,
      title: articleTitle(article.doc),
      status: article.kept?.status ?? 'draft',
      source: article.source,
      importedFrom: article.importedFrom ?? null,
      docJson: documentJson(article.doc, plan),
      plainText: text,
      wordCount: countWords(text),
      createdAt: article.kept?.createdAt ?? now,
      updatedAt: article.kept?.updatedAt ?? now,
    });
    for (const row of plan.upserts) store.annotations.upsert(row);
    return store.articles.summary(id)!;
  });
}

/**
 * Stores a new version of an article's document on top of `baseRevision`, in one transaction: the document,
 * its plain text, word count and title (its headline), the next revision, and the annotation rows that
 * changed. A stale revision is a conflict: another window or process saved first.
 */
export function saveArticleDocument(store: Store, id: string, baseRevision: number, doc: ProseMirrorNode, now: string): SaveResult {
  const { text, spans } = articleText(doc);
  const title = articleTitle(doc);
  return store.transaction(() => {
    const storedRevision = store.articles.revision(id);
    if (storedRevision === undefined) throw articleNotFound();
    if (storedRevision !== baseRevision) throw revisionConflict(storedRevision, baseRevision);
    const stored = store.annotations.statesOf(id);
    const plan = planAnnotationWrites(id, annotationsOf(doc), text, spans, stored);
    const revision = store.articles.updateDocument({
      id,
      baseRevision,
      title,
      docJson: documentJson(doc, plan),
      plainText: text,
      wordCount: countWords(text),
      updatedAt: now,
    })!;
    for (const row of plan.upserts) store.annotations.upsert(row);
    for (const row of plan.moves) store.annotations.move(row);
    for (const annotationId of plan.removals) store.annotations.remove(id, annotationId);
    return { revision, updatedAt: now, title };
  });
}
