import type { ArticleStatus, ArticleSummary, ImportSource } from '../../common/api';
import { formatNames, type FormatName } from '../../common/formats';
import { contentFingerprint } from './contentFingerprint';
import type { AnnotatorDatabase } from './database';

/** An article as it is written: the document and what is derived from it. */
export interface ArticleWrite {
  id: string;
  title: string;
  status: ArticleStatus;
  source: string;
  // Null for an article made in the app.
  importedFrom: ImportSource | null;
  docJson: string;
  plainText: string;
  wordCount: number;
  createdAt: string;
  updatedAt: string;
}

/** A new version of an article's document, accepted only on top of `baseRevision`. */
export interface DocumentUpdate {
  id: string;
  baseRevision: number;
  title: string;
  docJson: string;
  plainText: string;
  wordCount: number;
  updatedAt: string;
}

/** A stored article with its document JSON and the revision the next save must name. */
export interface StoredArticle extends ArticleSummary {
  docJson: string;
  revision: number;
}

/** Which articles the library lists. */
export interface ArticleFilter {
  query?: string;
  status?: ArticleStatus;
}

interface SummaryRow {
  id: string;
  title: string;
  status: ArticleStatus;
  source: string;
  import_format: string | null;
  import_file_name: string | null;
  original_id: string | null;
  original_title: string | null;
  copy_number: number;
  word_count: number;
  created_at: string;
  updated_at: string;
  entity_count: number;
  figure_count: number;
  attribution_count: number;
  needs_review_count: number;
  suggested_count: number;
}

interface StoredRow extends SummaryRow {
  doc_json: string;
  revision: number;
}

// An article is a copy when an article with the same fingerprint arrived before it (a smaller seq).
const earlierSameText = 'FROM articles o WHERE o.content_fingerprint = a.content_fingerprint AND o.seq < a.seq';
const summaryColumns = `
  a.id, a.title, a.status, a.source, a.import_format, a.import_file_name, a.word_count, a.created_at, a.updated_at,
  (SELECT o.id ${earlierSameText} ORDER BY o.seq LIMIT 1) AS original_id,
  (SELECT o.title ${earlierSameText} ORDER BY o.seq LIMIT 1) AS original_title,
  (SELECT count(*) ${earlierSameText}) AS copy_number,
  (SELECT count(*) FROM annotations WHERE article_id = a.id AND kind = 'entity' AND status <> 'suggested') AS entity_count,
  (SELECT count(*) FROM annotations WHERE article_id = a.id AND kind = 'figure' AND status <> 'suggested') AS figure_count,
  (SELECT count(*) FROM annotations WHERE article_id = a.id AND kind = 'attribution' AND status <> 'suggested') AS attribution_count,
  (SELECT count(*) FROM annotations WHERE article_id = a.id AND status = 'needs_review') AS needs_review_count,
  (SELECT count(*) FROM annotations WHERE article_id = a.id AND status = 'suggested') AS suggested_count`;

function isFormatName(name: string): name is FormatName {
  return (formatNames as readonly string[]).includes(name);
}

// Pasted text is stored as plain text without a file name. A format this version does not know (written by a
// later one) reads as not recorded.
function importSourceOf(row: SummaryRow): ImportSource | null {
  if (row.import_format === null || !isFormatName(row.import_format)) return null;
  if (row.import_file_name !== null) return { kind: 'file', format: row.import_format, fileName: row.import_file_name };
  return row.import_format === 'plaintext' ? { kind: 'pasted' } : null;
}

function toSummary(row: SummaryRow): ArticleSummary {
  return {
    id: row.id,
    title: row.title,
    status: row.status,
    source: row.source,
    importedFrom: importSourceOf(row),
    copyOf:
      row.original_id !== null && row.original_title !== null
        ? { originalId: row.original_id, originalTitle: row.original_title, copyNumber: row.copy_number }
        : null,
    wordCount: row.word_count,
    tagCounts: {
      entity: row.entity_count,
      figure: row.figure_count,
      attribution: row.attribution_count,
      needsReview: row.needs_review_count,
      suggested: row.suggested_count,
    },
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

// Turns what a user typed into an FTS5 query: every word must occur, each as a prefix, and nothing the user
// types can be read as FTS5 syntax. Null when the text holds no word at all (then nothing is filtered).
function articleSearchExpression(query: string): string | null {
  const words = query.match(/[\p{L}\p{N}\p{M}]+/gu);
  return words ? words.map((word) => `"${word}"*`).join(' ') : null;
}

/** The articles table and its search index, behind prepared statements. */
export function createArticlesRepo(db: AnnotatorDatabase) {
  const insertStatement = db.prepare(`
    INSERT INTO articles (id, title, status, source, import_format, import_file_name, content_fingerprint, doc_json, plain_text, word_count, revision, created_at, updated_at)
    VALUES (@id, @title, @status, @source, @importFormat, @importFileName, @fingerprint, @docJson, @plainText, @wordCount, 1, @createdAt, @updatedAt)`);
  const sameTextStatement = db.prepare(`SELECT ${summaryColumns} FROM articles a WHERE a.content_fingerprint = ? ORDER BY a.seq LIMIT 1`);
  const findStatement = db.prepare(`SELECT ${summaryColumns}, a.doc_json, a.revision FROM articles a WHERE a.id = ?`);
  const summaryStatement = db.prepare(`SELECT ${summaryColumns} FROM articles a WHERE a.id = ?`);
  const listStatement = db.prepare(`
    SELECT ${summaryColumns} FROM articles a
    WHERE (@status IS NULL OR a.status = @status)
      AND (@search IS NULL OR a.seq IN (SELECT rowid FROM article_search WHERE article_search MATCH @search))
    ORDER BY a.created_at DESC, a.seq DESC`);
  const revisionStatement = db.prepare('SELECT revision FROM articles WHERE id = ?').pluck();
  const updateDocumentStatement = db.prepare(`
    UPDATE articles
    SET title = @title, doc_json = @docJson, plain_text = @plainText, word_count = @wordCount,
        revision = revision + 1, updated_at = @updatedAt
    WHERE id = @id AND revision = @baseRevision
    RETURNING revision`).pluck();
  const setStatusStatement = db.prepare('UPDATE articles SET status = ?, updated_at = ? WHERE id = ?');
  const removeStatement = db.prepare('DELETE FROM articles WHERE id = ?');
  const countStatement = db.prepare('SELECT count(*) FROM articles').pluck();

  return {
    /** Stores a new article at revision 1. */
    insert({ importedFrom, ...article }: ArticleWrite): void {
      insertStatement.run({
        ...article,
        importFormat: importedFrom === null ? null : importedFrom.kind === 'pasted' ? 'plaintext' : importedFrom.format,
        importFileName: importedFrom?.kind === 'file' ? importedFrom.fileName : null,
        fingerprint: contentFingerprint(article.plainText),
      });
    },
    /** The earliest stored article whose text, as it arrived, is this plain text (see contentFingerprint), if any. */
    findSameText(plainText: string): ArticleSummary | undefined {
      const row = sameTextStatement.get(contentFingerprint(plainText)) as SummaryRow | undefined;
      return row && toSummary(row);
    },
    /** The whole stored article, or undefined when there is none with this id. */
    find(id: string): StoredArticle | undefined {
      const row = findStatement.get(id) as StoredRow | undefined;
      return row && { ...toSummary(row), docJson: row.doc_json, revision: row.revision };
    },
    /** The article as the library lists it, or undefined when there is none with this id. */
    summary(id: string): ArticleSummary | undefined {
      const row = summaryStatement.get(id) as SummaryRow | undefined;
      return row && toSummary(row);
    },
    /** Articles matching the filter, newest first. */
    list(filter: ArticleFilter): ArticleSummary[] {
      const search = filter.query ? articleSearchExpression(filter.query) : null;
      const rows = listStatement.all({ status: filter.status ?? null, search }) as SummaryRow[];
      return rows.map(toSummary);
    },
    /** The stored revision, or undefined when there is no such article. */
    revision(id: string): number | undefined {
      return revisionStatement.get(id) as number | undefined;
    },
    /** Writes a new document if the stored revision is still `baseRevision`; returns the new revision, or undefined. */
    updateDocument(update: DocumentUpdate): number | undefined {
      return updateDocumentStatement.get(update) as number | undefined;
    },
    /** Changes the workflow status; false when there is no such article. */
    setStatus(id: string, status: ArticleStatus, updatedAt: string): boolean {
      return setStatusStatement.run(status, updatedAt, id).changes === 1;
    },
    /** Deletes the article and, by cascade, its annotations; false when there was no such article. */
    remove(id: string): boolean {
      return removeStatement.run(id).changes === 1;
    },
    /** How many articles the database holds. */
    count(): number {
      return countStatement.get() as number;
    },
  };
}

/** The articles repository. */
export type ArticlesRepo = ReturnType<typeof createArticlesRepo>;
