import type { ArticleSelection } from '../../common/articleSelection';
import type { AnnotationKind, AnnotationStatus } from '../../common/model/annotation';
import type { ReviewQueueArticle, ReviewQueueShow } from '../../common/reviewQueue';
import { articleSelectionSql } from './articleSelectionSql';
import type { AnnotatorDatabase } from './database';
import { firstWordsSql, type TagPlace } from './tagPlace';

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

  // The waiting tags' condition on annotations `t`, from constants only; the kind is the parameter @queueKind.
  const tagCondition = (filter: Omit<ReviewQueueFilter, 'selection'>) => `t.status IN ${statusLists[filter.show]}${filter.kind ? ' AND t.kind = @queueKind' : ''}`;

  function condition(filter: ReviewQueueFilter): { where: string; params: Record<string, string | number> } {
    const selection = articleSelectionSql(filter.selection);
    return { where: selection.where, params: filter.kind ? { ...selection.params, queueKind: filter.kind } : selection.params };
  }

  return {
    /**
     * Every article of the queue in its order (newest first) with how many tags wait in it, by state. Read from
     * the (article, kind, status) index alone, so the whole queue is counted without touching a record.
     */
    articles(filter: ReviewQueueFilter): ReviewQueueArticle[] {
      const { where, params } = condition(filter);
      // `+t.status` keeps SQLite off the status index: its rows hold no article, and fetching one per waiting tag
      // costs several times more than reading the whole (article, kind, status) index, which does.
      return prepared(`
        WITH waiting AS (
          SELECT t.article_id, count(*) FILTER (WHERE t.status = 'needs_review') AS needsReview, count(*) FILTER (WHERE t.status = 'suggested') AS suggested
          FROM annotations t WHERE +${tagCondition(filter)} GROUP BY t.article_id)
        SELECT w.article_id AS articleId, w.needsReview, w.suggested
        FROM waiting w JOIN articles a ON a.id = w.article_id WHERE ${where}
        ORDER BY a.created_at DESC, a.seq DESC`).all(params) as ReviewQueueArticle[];
    },
    /** The waiting tags of the given articles, article by article in the order given, each article's in text order (those without words last). */
    items(filter: Omit<ReviewQueueFilter, 'selection'>, articleIds: readonly string[]): ReviewQueueRow[] {
      if (articleIds.length === 0) return [];
      // CROSS JOIN keeps the page's few articles as the outer loop, never the status index over the whole desk.
      const words = firstWordsSql('t', 'b');
      const rows = prepared(`
        SELECT t.article_id, a.title, t.id, t.kind, t.label, t.status, t.quote, t.author, ${words.start} AS start_offset, ${words.end} AS end_offset, b.plain_text AS block_text,
          json_extract(t.record_json, '$.review.reason') AS review_reason, json_extract(t.record_json, '$.review.detail') AS review_detail
        FROM json_each(@ids) j CROSS JOIN annotations t ON t.article_id = j.value JOIN articles a ON a.id = t.article_id
        ${words.join}
        WHERE ${tagCondition(filter)}
        ORDER BY j.key, b.position IS NULL, b.position, start_offset, t.id`).all({ ids: JSON.stringify(articleIds), ...(filter.kind ? { queueKind: filter.kind } : {}) }) as {
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
        // A damaged row's spans place no tag (see firstWordsSql).
        blockText: row.start_offset === null ? null : row.block_text,
        start: row.start_offset ?? -1,
        end: row.end_offset ?? -1,
      }));
    },
  };
}

/** The review queue's queries over one database. */
export type ReviewQueueQueries = ReturnType<typeof createReviewQueueQueries>;
