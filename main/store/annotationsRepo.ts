import type { AnnotationKind, AnnotationStatus } from '../../common/model/annotation';
import type { AnnotatorDatabase } from './database';

/** One annotation as a row: the record from the document plus what queries across articles need. */
export interface AnnotationRow {
  articleId: string;
  id: string;
  kind: AnnotationKind;
  status: AnnotationStatus;
  label: string;
  entityId: string | null;
  // An attribution's medium, when it is a registry entity.
  mediumEntityId: string | null;
  quote: string;
  recordJson: string;
  author: string;
  createdAt: string;
  updatedAt: string;
}

/** An annotation row with where its spans fall in the article's whole plain text (UTF-16, blocks joined by a blank line). */
export interface ListedAnnotation extends AnnotationRow {
  // The first content span; -1 when the annotation has no words.
  startOffset: number;
  endOffset: number;
  spansJson: string;
}

/** What a save compares against to decide whether a row must be written. */
export interface StoredAnnotationState {
  recordJson: string;
  quote: string;
}

interface StoredRow {
  article_id: string;
  id: string;
  kind: AnnotationKind;
  status: AnnotationStatus;
  label: string;
  entity_id: string | null;
  medium_entity_id: string | null;
  quote: string;
  record_json: string;
  author: string;
  created_at: string;
  updated_at: string;
}

/** The annotations table, behind prepared statements. */
export function createAnnotationsRepo(db: AnnotatorDatabase) {
  const statesStatement = db.prepare(
    'SELECT id, record_json, quote FROM annotations WHERE article_id = @articleId AND id IN (SELECT value FROM json_each(@ids))',
  ).raw();
  const recordsStatement = db.prepare('SELECT id, record_json FROM annotations WHERE article_id = ? ORDER BY rowid').raw();
  // A link to an entity the registry does not hold (a document from another desk) is kept in the record only.
  const upsertStatement = db.prepare(`
    INSERT INTO annotations (article_id, id, kind, status, label, entity_id, medium_entity_id, quote, record_json, author, created_at, updated_at)
    VALUES (@articleId, @id, @kind, @status, @label, (SELECT id FROM entities WHERE id = @entityId),
            (SELECT id FROM entities WHERE id = @mediumEntityId), @quote, @recordJson, @author, @createdAt, @updatedAt)
    ON CONFLICT (article_id, id) DO UPDATE SET
      kind = excluded.kind, status = excluded.status, label = excluded.label, entity_id = excluded.entity_id,
      medium_entity_id = excluded.medium_entity_id, quote = excluded.quote, record_json = excluded.record_json,
      author = excluded.author, created_at = excluded.created_at, updated_at = excluded.updated_at`);
  const setQuoteStatement = db.prepare('UPDATE annotations SET quote = ? WHERE article_id = ? AND id = ?');
  const removeStatement = db.prepare('DELETE FROM annotations WHERE article_id = ? AND id = ?');
  const listStatement = db.prepare('SELECT * FROM annotations WHERE article_id = ? ORDER BY rowid');
  const linkedArticlesStatement = db.prepare(`
    SELECT article_id FROM annotations WHERE entity_id = @entityId
    UNION
    SELECT article_id FROM annotations WHERE medium_entity_id = @entityId`).pluck();

  return {
    /** The stored state of the given annotations of an article, by id; ids with no row are left out. */
    statesOf(articleId: string, ids: readonly string[]): Map<string, StoredAnnotationState> {
      const states = new Map<string, StoredAnnotationState>();
      if (ids.length === 0) return states;
      for (const [id, recordJson, quote] of statesStatement.all({ articleId, ids: JSON.stringify(ids) }) as [string, string, string][]) {
        states.set(id, { recordJson, quote });
      }
      return states;
    },
    /** Every record of an article as stored JSON, in the order they were first stored. */
    recordsOf(articleId: string): [string, string][] {
      return recordsStatement.all(articleId) as [string, string][];
    },
    /** Inserts a row or rewrites every column of an existing one. */
    upsert(row: AnnotationRow): void {
      upsertStatement.run(row);
    },
    /** Rewrites only an annotation's quote, for one whose words changed but whose record did not. */
    setQuote(articleId: string, id: string, quote: string): void {
      setQuoteStatement.run(quote, articleId, id);
    },
    /** Deletes one annotation of an article, and its spans. */
    remove(articleId: string, id: string): void {
      removeStatement.run(articleId, id);
    },
    /** Every annotation row of an article, without where its words are (see listing.ts for that). */
    rowsOf(articleId: string): AnnotationRow[] {
      return (listStatement.all(articleId) as StoredRow[]).map((row) => ({
        articleId: row.article_id,
        id: row.id,
        kind: row.kind,
        status: row.status,
        label: row.label,
        entityId: row.entity_id,
        mediumEntityId: row.medium_entity_id,
        quote: row.quote,
        recordJson: row.record_json,
        author: row.author,
        createdAt: row.created_at,
        updatedAt: row.updated_at,
      }));
    },
    /** The articles with an annotation that links to the entity: a mention, a quoted speaker or a medium. */
    articlesLinkedTo(entityId: string): string[] {
      return linkedArticlesStatement.all({ entityId }) as string[];
    },
  };
}

/** The annotations repository. */
export type AnnotationsRepo = ReturnType<typeof createAnnotationsRepo>;
