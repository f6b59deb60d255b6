import type { ArticleStatus, ArticleSummary, ImportSource, TrashedArticleSummary } from '../../common/api';
import { formatNames, type FormatName } from '../../common/formats';
import type { ArticleSelection } from '../../common/articleSelection';
import { packedBlockRowsSql, type PackedBlockRow } from './articleBlocksRepo';
import { packedBlockJson } from './blockText';
import { articleSelectionSql } from './articleSelectionSql';
import { contentFingerprint } from './contentFingerprint';
import type { AnnotatorDatabase } from './database';


/** An article as it is first written; its blocks, spans and annotation rows are written beside it. */
export interface ArticleWrite {
  id: string;
  title: string;
  status: ArticleStatus;
  source: string;
  // Null for an article made in the app.
  importedFrom: ImportSource | null;
  // The plain text as it arrived: only its fingerprint is stored, to recognise the same story later.
  plainText: string;
  wordCount: number;
  createdAt: string;
  updatedAt: string;
}

/** What a save changes on the article row, accepted only on top of `baseRevision`. */
export interface ArticleAdvance {
  id: string;
  baseRevision: number;
  // Null keeps the stored title: the headline was not part of the change.
  title: string | null;
  wordCountDelta: number;
  patchBytes: number;
  updatedAt: string;
}

/**
 * A stored article with its document packed as JSON text (common/packedDocument.ts), the form the store keeps
 * and the editor opens, and the revision the next save must name.
 */
export interface StoredArticle extends ArticleSummary {
  packedJson: string;
  revision: number;
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

interface RevisionRow {
  revision: number;
  patch_bytes_since_snapshot: number;
  snapshot_bytes: number;
}

// An article is a copy when an article with the same fingerprint arrived before it (a smaller seq).
const earlierSameText = 'FROM articles o WHERE o.content_fingerprint = a.content_fingerprint AND o.seq < a.seq AND o.deleted_at IS NULL';
// Tag counts are the editor's tags by kind; suggestions still waiting are counted apart.
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

/**
 * The members of an article's records object ("id":{…},…) in the order the records were made, joined by SQLite
 * from the stored JSON (`articleParameter` names the article in the statement): one string crosses into
 * JavaScript instead of a row per record.
 */
function recordMembersSql(articleParameter: string): string {
  return `SELECT coalesce(group_concat(json_quote(id) || ':' || record_json, ','), '') FROM (SELECT id, record_json FROM annotations WHERE article_id = ${articleParameter} ORDER BY rowid)`;
}

// Builds the packed document's JSON from the stored blocks' text and attributes, each block's spans already
// packed as JSON, and the stored records, without parsing any of them: the form the store keeps, and the one
// the editor opens.
function packedDocumentJson(recordMembers: string, blocks: readonly PackedBlockRow[]): string {
  const blockMembers = blocks.map(([type, text, attrsJson, packedSpans]) => packedBlockJson(type, attrsJson, text, packedSpans));
  return `{"records":{${recordMembers}},"blocks":[${blockMembers.join(',')}]}`;
}

/** The articles table, behind prepared statements. Articles in the trash are invisible to everything but the trash. */
export function createArticlesRepo(db: AnnotatorDatabase) {
  const insertStatement = db.prepare(`
    INSERT INTO articles (id, title, status, source, import_format, import_file_name, content_fingerprint, word_count, revision, created_at, updated_at)
    VALUES (@id, @title, @status, @source, @importFormat, @importFileName, @fingerprint, @wordCount, 1, @createdAt, @updatedAt)`);
  const sameTextStatement = db.prepare(`SELECT ${summaryColumns} FROM articles a WHERE a.content_fingerprint = ? AND a.deleted_at IS NULL ORDER BY a.seq LIMIT 1`);
  const findStatement = db.prepare(`SELECT ${summaryColumns}, a.revision FROM articles a WHERE a.id = ? AND a.deleted_at IS NULL`);
  const summaryStatement = db.prepare(`SELECT ${summaryColumns} FROM articles a WHERE a.id = ? AND a.deleted_at IS NULL`);
  const recordMembersStatement = db.prepare(recordMembersSql('?')).pluck();
  // Each block's spans are read packed as its row keeps them (migration 11), so that neither the host nor the
  // editor sorts 20,000 spans of a long article.
  const packedBlocksStatement = db.prepare(packedBlockRowsSql).raw();
  const packedJsonOf = (id: string) => packedDocumentJson(recordMembersStatement.get(id) as string, packedBlocksStatement.all(id) as PackedBlockRow[]);
  const revisionStatement = db.prepare('SELECT revision, patch_bytes_since_snapshot, snapshot_bytes FROM articles WHERE id = ? AND deleted_at IS NULL');
  const advanceStatement = db.prepare(`
    UPDATE articles
    SET title = coalesce(@title, title), word_count = word_count + @wordCountDelta, revision = revision + 1, updated_at = @updatedAt,
        patch_bytes_since_snapshot = patch_bytes_since_snapshot + @patchBytes
    WHERE id = @id AND revision = @baseRevision AND deleted_at IS NULL
    RETURNING revision, title`);
  const snapshotTakenStatement = db.prepare('UPDATE articles SET patch_bytes_since_snapshot = 0, snapshot_bytes = ? WHERE id = ?');
  const setStatusStatement = db.prepare('UPDATE articles SET status = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL');
  const trashStatement = db.prepare('UPDATE articles SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL');
  const untrashStatement = db.prepare('UPDATE articles SET deleted_at = NULL WHERE id = ? AND deleted_at IS NOT NULL');
  const trashListStatement = db.prepare(`SELECT ${summaryColumns}, a.deleted_at FROM articles a WHERE a.deleted_at IS NOT NULL ORDER BY a.deleted_at DESC, a.seq DESC`);
  const emptyTrashStatement = db.prepare('DELETE FROM articles WHERE deleted_at IS NOT NULL');
  const trashedAtStatement = db.prepare('SELECT deleted_at FROM articles WHERE id = ? AND deleted_at IS NOT NULL').pluck();
  const countStatement = db.prepare('SELECT count(*) FROM articles').pluck();
  const existsStatement = db.prepare('SELECT 1 FROM articles WHERE id = ?').pluck();

  return {
    /** Stores a new article row at revision 1 (its blocks and annotations are written separately). */
    insert({ importedFrom, plainText, ...article }: ArticleWrite): void {
      insertStatement.run({
        ...article,
        importFormat: importedFrom === null ? null : importedFrom.kind === 'pasted' ? 'plaintext' : importedFrom.format,
        importFileName: importedFrom?.kind === 'file' ? importedFrom.fileName : null,
        fingerprint: contentFingerprint(plainText),
      });
    },
    /** The earliest stored article (outside the trash) whose text, as it arrived, is this plain text, if any. */
    findSameText(plainText: string): ArticleSummary | undefined {
      const row = sameTextStatement.get(contentFingerprint(plainText)) as SummaryRow | undefined;
      return row && toSummary(row);
    },
    /**
     * The stored article with its document packed, or undefined when there is none with this id (or it is in
     * the trash). Its tags are the blocks' packed spans: a mark in a block's JSON without a span (an article stored
     * before migration 6 with a mark whose record was gone, which no save could have kept) is not shown.
     */
    find(id: string): StoredArticle | undefined {
      const row = findStatement.get(id) as (SummaryRow & { revision: number }) | undefined;
      if (!row) return undefined;
      const packedJson = packedJsonOf(id);
      return { ...toSummary(row), packedJson, revision: row.revision };
    },
    /** The article as the library lists it, or undefined when there is none with this id. */
    summary(id: string): ArticleSummary | undefined {
      const row = summaryStatement.get(id) as SummaryRow | undefined;
      return row && toSummary(row);
    },
    /** Articles matching the filter, newest first. */
    list(selection: ArticleSelection): ArticleSummary[] {
      const { where, params } = articleSelectionSql(selection);
      const rows = db.prepare(`SELECT ${summaryColumns} FROM articles a WHERE ${where} ORDER BY a.created_at DESC, a.seq DESC`).all(params) as SummaryRow[];
      return rows.map(toSummary);
    },
    /** The stored revision, or undefined when there is no such article. */
    revision(id: string): number | undefined {
      return (revisionStatement.get(id) as RevisionRow | undefined)?.revision;
    },
    /** The size of the article's newest snapshot and of the patches written since, or undefined without such an article. */
    snapshotState(id: string): { patchBytes: number; snapshotBytes: number } | undefined {
      const row = revisionStatement.get(id) as RevisionRow | undefined;
      return row && { patchBytes: row.patch_bytes_since_snapshot, snapshotBytes: row.snapshot_bytes };
    },
    /** Moves the article to its next revision if the stored one is still `baseRevision`; returns it and the title, or undefined. */
    advance(update: ArticleAdvance): { revision: number; title: string } | undefined {
      return advanceStatement.get(update) as { revision: number; title: string } | undefined;
    },
    /** Records that a snapshot of the current document, `bytes` long, was just written. */
    snapshotTaken(id: string, bytes: number): void {
      snapshotTakenStatement.run(bytes, id);
    },
    /** Changes the workflow status; false when there is no such article. */
    setStatus(id: string, status: ArticleStatus, updatedAt: string): boolean {
      return setStatusStatement.run(status, updatedAt, id).changes === 1;
    },
    /** Moves an article to the trash, keeping everything; false when there is no such article outside the trash. */
    trash(id: string, deletedAt: string): boolean {
      return trashStatement.run(deletedAt, id).changes === 1;
    },
    /** Takes an article out of the trash; false when it is not there. */
    untrash(id: string): boolean {
      return untrashStatement.run(id).changes === 1;
    },
    /** When the article was moved to the trash, or undefined when it is not in the trash. */
    trashedAt(id: string): string | undefined {
      return trashedAtStatement.get(id) as string | undefined;
    },
    /** The articles in the trash, most recently deleted first. */
    trashed(): TrashedArticleSummary[] {
      return (trashListStatement.all() as (SummaryRow & { deleted_at: string })[]).map((row) => ({ ...toSummary(row), deletedAt: row.deleted_at }));
    },
    /** Deletes every trashed article for good; returns how many. */
    emptyTrash(): number {
      return emptyTrashStatement.run().changes;
    },
    /** Whether an article with this id is stored, in the trash or not: ids are never reused. */
    exists(id: string): boolean {
      return existsStatement.get(id) !== undefined;
    },
    /** How many articles the database holds, the trash included. */
    count(): number {
      return countStatement.get() as number;
    },
  };
}

/** The articles repository. */
export type ArticlesRepo = ReturnType<typeof createArticlesRepo>;
