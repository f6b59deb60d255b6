import type { ArticleSelection } from '../../common/articleSelection';
import type { AnnotationKind, AnnotationStatus } from '../../common/model/annotation';
import type { ReviewQueueArticle, ReviewQueueShow } from '../../common/reviewQueue';
import { articleSelectionSql } from './articleSelectionSql';
import type { AnnotatorDatabase } from './database';
import { firstContentSpanSql, type TagPlace } from './entityPageQueries';

/** Which waiting tags the queue holds: the articles (the library's selection), the states and the kind. */
export interface ReviewQueueFilter {
  selection: ArticleSelection;
  show: ReviewQueueShow;
  kind?: AnnotationKind;
}

/** A tag of the queue as stored, before its sentence is cut. */
export interface ReviewQueueRow extends TagPlace {
  articleId: string;
  articleTitle: string;
  annotationId: string;
  kind: AnnotationKind;
  label: string;
  status: Exclude<AnnotationStatus, 'accepted'>;
  quote: string;
  author: string;
  reviewReason: string | null;
  reviewDetail: string | null;
}

/** The counts of the whole queue. */
export interface ReviewQueueCounts {
  needsReview: number;
  suggested: number;
  articles: number;
}

// The statuses each choice of the queue shows, as a SQL list (constants, never user text).
const statusLists: Record<ReviewQueueShow, string> = {
  both: "('needs_review', 'suggested')",
  needs_review: "('needs_review')",
  suggested: "('suggested')",
};

/**
 * The review queue's queries. The tags come from the status index (needs review and suggestions are few
 * beside the accepted tags), joined to the selected articles; the SQL is built per filter shape and its
 * statements kept, so each shape is prepared once.
 */
export function createReviewQueueQueries(db: AnnotatorDatabase) {
  const statements = new Map<string, ReturnType<AnnotatorDatabase['prepare']>>();
  const prepared = (sql: string) => statements.get(sql) ?? statements.set(sql, db.prepare(sql)).get(sql)!;

  function condition(filter: ReviewQueueFilter): { where: string; params: Record<string, string | number> } {
    const selection = articleSelectionSql(filter.selection);
    const params: Record<string, string | number> = { ...selection.params };
    let where = `t.status IN ${statusLists[filter.show]} AND ${selection.where}`;
    if (filter.kind) {
      where += ' AND t.kind = @queueKind';
      params.queueKind = filter.kind;
    }
    return { where, params };
  }

  return {
    /** How many tags wait in the whole queue, by state, and in how many articles. */
    counts(filter: ReviewQueueFilter): ReviewQueueCounts {
      const { where, params } = condition(filter);
      return prepared(`
        SELECT count(*) FILTER (WHERE t.status = 'needs_review') AS needsReview, count(*) FILTER (WHERE t.status = 'suggested') AS suggested,
          count(DISTINCT t.article_id) AS articles
        FROM annotations t JOIN articles a ON a.id = t.article_id WHERE ${where}`).get(params) as ReviewQueueCounts;
    },
    /** A page of the queue: newest article first, each article's tags in text order (those without words last). */
    page(filter: ReviewQueueFilter, offset: number, limit: number): ReviewQueueRow[] {
      const { where, params } = condition(filter);
      const rows = prepared(`
        WITH page AS (
          SELECT t.article_id, a.title, t.id, t.kind, t.label, t.status, t.quote, t.author, t.record_json,
            s.block_id, s.start_offset, s.end_offset,
            row_number() OVER (ORDER BY a.created_at DESC, a.seq DESC, b.position IS NULL, b.position, s.start_offset, t.id) AS place
          FROM annotations t JOIN articles a ON a.id = t.article_id
          LEFT JOIN annotation_spans s ON s.rowid = ${firstContentSpanSql('t')}
          LEFT JOIN article_blocks b ON b.id = s.block_id
          WHERE ${where}
          ORDER BY place LIMIT @limit OFFSET @offset)
        SELECT page.article_id, page.title, page.id, page.kind, page.label, page.status, page.quote, page.author,
          page.start_offset, page.end_offset, bt.plain_text AS block_text,
          json_extract(page.record_json, '$.review.reason') AS review_reason, json_extract(page.record_json, '$.review.detail') AS review_detail
        FROM page LEFT JOIN article_blocks bt ON bt.id = page.block_id ORDER BY place`).all({ ...params, offset, limit }) as {
        article_id: string;
        title: string;
        id: string;
        kind: AnnotationKind;
        label: string;
        status: ReviewQueueRow['status'];
        quote: string;
        author: string;
        start_offset: number | null;
        end_offset: number | null;
        block_text: string | null;
        review_reason: string | null;
        review_detail: string | null;
      }[];
      return rows.map((row) => ({
        articleId: row.article_id,
        articleTitle: row.title,
        annotationId: row.id,
        kind: row.kind,
        label: row.label,
        status: row.status,
        quote: row.quote,
        author: row.author,
        reviewReason: row.review_reason,
        reviewDetail: row.review_detail,
        blockText: row.block_text,
        start: row.start_offset ?? -1,
        end: row.end_offset ?? -1,
      }));
    },
    /** The waiting tags (under the filter's states and kind) of the given articles, by state. */
    articleCounts(filter: Omit<ReviewQueueFilter, 'selection'>, articleIds: readonly string[]): ReviewQueueArticle[] {
      if (articleIds.length === 0) return [];
      return prepared(`
        SELECT t.article_id AS articleId, count(*) FILTER (WHERE t.status = 'needs_review') AS needsReview,
          count(*) FILTER (WHERE t.status = 'suggested') AS suggested
        FROM annotations t
        WHERE t.article_id IN (SELECT value FROM json_each(@ids)) AND t.status IN ${statusLists[filter.show]}
          AND (@queueKind IS NULL OR t.kind = @queueKind)
        GROUP BY t.article_id`).all({ ids: JSON.stringify(articleIds), queueKind: filter.kind ?? null }) as ReviewQueueArticle[];
    },
  };
}

/** The review queue's queries over one database. */
export type ReviewQueueQueries = ReturnType<typeof createReviewQueueQueries>;
