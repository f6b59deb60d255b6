import type { ArticleSelection } from '../../common/articleSelection';
import type { ArticleStatus } from '../../common/articleStatus';
import type { AnnotationStatus } from '../../common/model/annotation';
import { articleSelectionSql } from './articleSelectionSql';
import type { AnnotatorDatabase } from './database';
import { firstContentSpan, firstWordsSql, packedSpansOfRow } from './tagPlace';

/**
 * The figures checklist's SQL: the selected articles in the order the checklist lists them, the figures of some
 * articles with what the checklist filters, sorts and checks them by (read with json_extract from the records),
 * and the few rows one page shows.
 */

/** A selected article as the checklist orders and labels it. */
export interface ChecklistArticle {
  id: string;
  revision: number;
  // What the article's figures are at: its row and its revision. An article deleted for good and imported again
  // under the same id is a new row at revision 1, so the revision alone would not tell it from the old one.
  version: string;
  title: string;
  status: ArticleStatus;
  createdAt: string;
}

/** One figure annotation (suggestions included) with its fields as JSON and where its first words are. */
export interface FigureFacts {
  articleId: string;
  annotationId: string;
  status: AnnotationStatus;
  updatedAt: string;
  figureJson: string;
  // The block holding its first content words, that block's position in the article, and the words' offsets.
  place: { blockId: number; position: number; start: number; end: number } | null;
}

/** A figure's first words: the text of the block that holds them and where they are in it. */
export interface FigureWords {
  blockText: string;
  start: number;
  end: number;
}

/** One figure's stored row, as a page of the checklist shows it. */
export interface StoredFigure {
  articleId: string;
  annotationId: string;
  articleRevision: number;
  status: AnnotationStatus;
  quote: string;
  recordJson: string;
}

/** The orders the selected articles can come in: newest import first, oldest first, or by title either way. */
export type ChecklistArticleOrder = 'newest' | 'oldest' | 'title' | 'titleDescending';

const articleOrders: Record<ChecklistArticleOrder, string> = {
  newest: 'a.created_at DESC, a.seq DESC',
  oldest: 'a.created_at, a.seq',
  title: 'a.title COLLATE NOCASE, a.seq',
  titleDescending: 'a.title COLLATE NOCASE DESC, a.seq DESC',
};

type ArticleRow = [string, number, number, string, ArticleStatus, string];

function toChecklistArticle([id, revision, seq, title, status, createdAt]: ArticleRow): ChecklistArticle {
  return { id, revision, version: `${seq}:${revision}`, title, status, createdAt };
}

/** The checklist's queries over one connection. */
export function createFiguresChecklistQueries(db: AnnotatorDatabase) {
  // Every figure row, each joined to the blocks holding its content words; a figure in several blocks comes
  // once per block and is placed by its first words. Block positions come from the block order index on their
  // own: the block rows are read for their packed spans alone, which are searched here rather than in SQL (its
  // JSON functions doubled the time of a first checklist of 120,000 figures).
  const factsStatement = db.prepare(`
    SELECT n.article_id, n.id, n.status, n.updated_at, json_extract(n.record_json, '$.figure') AS figure_json, h.block_id, b.packed_spans
    FROM annotations n
    LEFT JOIN annotation_blocks h ON h.article_id = n.article_id AND h.annotation_id = n.id AND h.part = 'content'
    LEFT JOIN article_blocks b ON b.id = h.block_id
    WHERE n.article_id IN (SELECT value FROM json_each(@articleIds)) AND n.kind = 'figure'`).raw();
  const positionsStatement = db.prepare('SELECT id, position FROM article_blocks WHERE article_id IN (SELECT value FROM json_each(@articleIds))').raw();
  const articleStatement = db.prepare('SELECT id, revision, seq, title, status, created_at FROM articles WHERE id = ? AND deleted_at IS NULL').raw();
  const blockTextsStatement = db.prepare('SELECT id, plain_text FROM article_blocks WHERE id IN (SELECT value FROM json_each(?))').raw();
  const firstWords = firstWordsSql('n', 'b');
  const wordsStatement = db.prepare(`
    SELECT b.plain_text, ${firstWords.start}, ${firstWords.end} FROM annotations n ${firstWords.join}
    WHERE n.article_id = ? AND n.id = ? AND b.id IS NOT NULL`).raw();
  const figureStatement = db.prepare(`
    SELECT n.article_id, n.id, a.revision, n.status, n.quote, n.record_json FROM annotations n JOIN articles a ON a.id = n.article_id
    WHERE n.article_id = ? AND n.id = ? AND n.kind = 'figure' AND a.deleted_at IS NULL`).raw();
  // A later revision changed the figure when its patch wrote the figure's record or removed it.
  const changedSinceStatement = db.prepare(`
    SELECT 1 FROM article_revisions r WHERE r.article_id = @articleId AND r.revision > @revision
      AND (json_type(r.patch_json, '$.records.' || json_quote(@annotationId)) IS NOT NULL
        OR EXISTS (SELECT 1 FROM json_each(r.patch_json, '$.removedRecordIds') WHERE value = @annotationId))
    LIMIT 1`).pluck();

  return {
    /** The selected articles, in `order`, with the revision their figures are at. */
    articles(selection: ArticleSelection, order: ChecklistArticleOrder): ChecklistArticle[] {
      const { where, params } = articleSelectionSql(selection);
      const rows = db.prepare(`SELECT a.id, a.revision, a.seq, a.title, a.status, a.created_at FROM articles a WHERE ${where} ORDER BY ${articleOrders[order]}`).raw().all(params) as ArticleRow[];
      return rows.map(toChecklistArticle);
    },
    /** One article outside the trash, as the checklist labels it. */
    article(id: string): ChecklistArticle | null {
      const row = articleStatement.get(id) as ArticleRow | undefined;
      return row ? toChecklistArticle(row) : null;
    },
    /** Every figure annotation of these articles. */
    facts(articleIds: readonly string[]): FigureFacts[] {
      const byKey = new Map<string, FigureFacts>();
      const idsJson = JSON.stringify(articleIds);
      const rows = factsStatement.all({ articleIds: idsJson }) as [string, string, AnnotationStatus, string, string, number | null, string | null][];
      const positions = new Map(positionsStatement.all({ articleIds: idsJson }) as [number, number][]);
      const spansOfBlock = new Map<number, readonly unknown[]>();
      for (const [articleId, annotationId, status, updatedAt, figureJson, blockId, packedSpans] of rows) {
        const key = `${articleId}\u001f${annotationId}`;
        let place: FigureFacts['place'] = null;
        if (blockId !== null) {
          let spans = spansOfBlock.get(blockId);
          if (!spans) spansOfBlock.set(blockId, (spans = packedSpansOfRow(packedSpans)));
          const words = firstContentSpan(spans, annotationId);
          if (words) place = { blockId, position: positions.get(blockId)!, ...words };
        }
        const known = byKey.get(key);
        if (known && (!place || (known.place && (known.place.position < place.position || (known.place.position === place.position && known.place.start <= place.start))))) continue;
        byKey.set(key, { articleId, annotationId, status, updatedAt, figureJson, place });
      }
      return [...byKey.values()];
    },
    /** The texts of these blocks, by block id. */
    blockTexts(blockIds: readonly number[]): Map<number, string> {
      return new Map(blockTextsStatement.all(JSON.stringify(blockIds)) as [number, string][]);
    },
    /** A figure's first words in their block; null when it has none left. */
    words(articleId: string, annotationId: string): FigureWords | null {
      const row = wordsStatement.get(articleId, annotationId) as [string, number | null, number | null] | undefined;
      // Null offsets: the block's spans are damaged (see firstWordsSql).
      return row && row[1] !== null && row[2] !== null ? { blockText: row[0], start: row[1], end: row[2] } : null;
    },
    /** One figure of an article outside the trash. */
    figure(articleId: string, annotationId: string): StoredFigure | null {
      const row = figureStatement.get(articleId, annotationId) as [string, string, number, AnnotationStatus, string, string] | undefined;
      if (!row) return null;
      const [, , articleRevision, status, quote, recordJson] = row;
      return { articleId, annotationId, articleRevision, status, quote, recordJson };
    },
    /** Whether a revision after `revision` changed or removed the figure. */
    changedSince(articleId: string, annotationId: string, revision: number): boolean {
      return changedSinceStatement.get({ articleId, annotationId, revision }) !== undefined;
    },
  };
}

/** The checklist's queries. */
export type FiguresChecklistQueries = ReturnType<typeof createFiguresChecklistQueries>;
