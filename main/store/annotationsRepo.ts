import type { AnnotationKind, AnnotationStatus } from '../../common/annotation';
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
  startOffset: number;
  endOffset: number;
  spansJson: string;
  recordJson: string;
  author: string;
  createdAt: string;
  updatedAt: string;
}

/** What a save compares against to decide whether a row must be written. */
export interface StoredAnnotationState {
  recordJson: string;
  spansJson: string;
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
  start_offset: number;
  end_offset: number;
  spans_json: string;
  record_json: string;
  author: string;
  created_at: string;
  updated_at: string;
}

/** The annotations table, behind prepared statements. */
export function createAnnotationsRepo(db: AnnotatorDatabase) {
  // Raw rows: a save of a long article reads thousands of them, and arrays are cheaper than objects.
  const statesStatement = db.prepare('SELECT id, record_json, spans_json, quote FROM annotations WHERE article_id = ?').raw();
  // A link to an entity the registry does not hold (a document from another desk) is kept in the record only.
  const upsertStatement = db.prepare(`
    INSERT INTO annotations (article_id, id, kind, status, label, entity_id, medium_entity_id, quote, start_offset,
                             end_offset, spans_json, record_json, author, created_at, updated_at)
    VALUES (@articleId, @id, @kind, @status, @label, (SELECT id FROM entities WHERE id = @entityId),
            (SELECT id FROM entities WHERE id = @mediumEntityId), @quote,
            @startOffset, @endOffset, @spansJson, @recordJson, @author, @createdAt, @updatedAt)
    ON CONFLICT (article_id, id) DO UPDATE SET
      kind = excluded.kind, status = excluded.status, label = excluded.label, entity_id = excluded.entity_id,
      medium_entity_id = excluded.medium_entity_id, quote = excluded.quote, start_offset = excluded.start_offset, end_offset = excluded.end_offset,
      spans_json = excluded.spans_json, record_json = excluded.record_json, author = excluded.author,
      created_at = excluded.created_at, updated_at = excluded.updated_at`);
  const moveStatement = db.prepare(`
    UPDATE annotations SET start_offset = @startOffset, end_offset = @endOffset, spans_json = @spansJson
    WHERE article_id = @articleId AND id = @id`);
  const removeStatement = db.prepare('DELETE FROM annotations WHERE article_id = ? AND id = ?');
  const listStatement = db.prepare('SELECT * FROM annotations WHERE article_id = ? ORDER BY start_offset, end_offset DESC, id');
  const linkedArticlesStatement = db.prepare(`
    SELECT article_id FROM annotations WHERE entity_id = @entityId
    UNION
    SELECT article_id FROM annotations WHERE medium_entity_id = @entityId`).pluck();

  return {
    /** The stored state of every annotation of an article, by id. */
    statesOf(articleId: string): Map<string, StoredAnnotationState> {
      const states = new Map<string, StoredAnnotationState>();
      for (const [id, recordJson, spansJson, quote] of statesStatement.all(articleId) as [string, string, string, string][]) {
        states.set(id, { recordJson, spansJson, quote });
      }
      return states;
    },
    /** Inserts a row or rewrites every column of an existing one. */
    upsert(row: AnnotationRow): void {
      upsertStatement.run(row);
    },
    /** Rewrites only where a row's spans fall, for annotations whose text moved but did not change. */
    move(row: AnnotationRow): void {
      moveStatement.run({ articleId: row.articleId, id: row.id, startOffset: row.startOffset, endOffset: row.endOffset, spansJson: row.spansJson });
    },
    /** Deletes one annotation of an article. */
    remove(articleId: string, id: string): void {
      removeStatement.run(articleId, id);
    },
    /** Every annotation row of an article in text order, annotations without text first. */
    listForArticle(articleId: string): AnnotationRow[] {
      return (listStatement.all(articleId) as StoredRow[]).map((row) => ({
        articleId: row.article_id,
        id: row.id,
        kind: row.kind,
        status: row.status,
        label: row.label,
        entityId: row.entity_id,
        mediumEntityId: row.medium_entity_id,
        quote: row.quote,
        startOffset: row.start_offset,
        endOffset: row.end_offset,
        spansJson: row.spans_json,
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
