import { reviewReasons, type ReviewReason } from '../../common/model/annotation';
import type { ReviewQueueCause, ReviewQueueItem } from '../../common/reviewQueue';
import type { Store } from '../store/index';
import { createReviewQueueQueries, type ReviewQueueRow } from '../store/reviewQueueQueries';
import type { ApiHandlers } from './apiDispatch';
import { articleWindow } from '../store/articleWindow';
import { sentenceCutter } from './tagSentence';

/** The review queue's method. */
export type ReviewQueueHandlers = Pick<ApiHandlers, 'listReviewQueue'>;

function causeOf(row: ReviewQueueRow): ReviewQueueCause {
  if (row.status === 'suggested') return { status: 'suggested' };
  // Older records were flagged without a reason; an unknown one is shown as plain "needs review", never guessed.
  const reason = (reviewReasons as readonly string[]).includes(row.reviewReason ?? '') ? (row.reviewReason as ReviewReason) : null;
  return { status: 'needs_review', reason, detail: row.reviewDetail ?? '' };
}

/**
 * One queue across the desk (or the library's selection) of the tags waiting for an editor: flagged as needing
 * review, or suggestions not yet accepted or rejected. A page at a time, with the counts of the whole queue
 * and of each article on the page.
 */
export function createReviewQueueHandlers(store: Store): ReviewQueueHandlers {
  const queries = createReviewQueueQueries(store.db);
  return {
    listReviewQueue({ selection, show, kind, offset, limit }) {
      const filter = { selection, show, kind };
      return store.read(() => {
        const articles = queries.articles(filter);
        let needsReview = 0;
        let suggested = 0;
        for (const article of articles) {
          needsReview += article.needsReview;
          suggested += article.suggested;
        }
        const window = articleWindow(articles.map((article) => ({ articleId: article.articleId, rows: article.needsReview + article.suggested })), offset, limit);
        const sentenceOf = sentenceCutter();
        const items = queries
          .items(filter, window.articleIds)
          .slice(window.skip, window.skip + limit)
          .map(
            (row, index): ReviewQueueItem => ({
              index: offset + index,
              articleId: row.articleId,
              articleTitle: row.articleTitle,
              annotationId: row.annotationId,
              kind: row.kind,
              label: row.label,
              words: row.quote,
              sentence: sentenceOf(row),
              cause: causeOf(row),
              author: row.author,
            }),
          );
        const onPage = new Set(items.map((item) => item.articleId));
        const itemArticles = articles.filter((article) => onPage.has(article.articleId));
        return { total: needsReview + suggested, needsReview, suggested, articles: articles.length, offset, items, itemArticles };
      });
    },
  };
}
